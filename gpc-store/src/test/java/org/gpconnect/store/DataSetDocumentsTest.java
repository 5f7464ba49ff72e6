package org.gpconnect.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.gpconnect.store.BinaryStore.BinaryInfo;
import org.gpconnect.store.dataset.DataSetLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The default data set's documents: generated at load, stored as Binaries matching their DocumentReferences. */
class DataSetDocumentsTest {
    private static final String ODS = "B82617";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** binaryId -> sha256 of every document, after loading the data set into a fresh database. */
    private static Map<String, String> loadAndCheck(TestDatabase database) throws Exception {
        TestDatabase.Connect c = database.fresh();
        try (HikariDataSource dataSource = Database.open(c.url(), c.user(), c.password(), 2)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            long started = System.nanoTime();
            assertThat(new DataSetLoader(store).loadOnce("default")).isTrue();
            System.out.printf("data set load (%s): %d ms%n", database, (System.nanoTime() - started) / 1_000_000);
            BinaryStore binaries = new BinaryStore(store);
            Map<String, String> hashes = new TreeMap<>();
            List<String> ids = new ArrayList<>();
            try (InputStream in = DataSetLoader.class.getClassLoader().getResourceAsStream("dataset/default/B82617/documents.json")) {
                for (JsonNode entry : JSON.readTree(in).path("entry")) {
                    ids.add(entry.path("resource").path("id").asText());
                }
            }
            assertThat(ids).contains("docref-2-1", "docref-4-1");
            for (String id : ids) {
                JsonNode documentReference = JSON.readTree(store.read(ODS, "DocumentReference", id).orElseThrow().json());
                JsonNode attachment = documentReference.path("content").path(0).path("attachment");
                String binaryId = attachment.path("url").asText().substring("Binary/".length());
                BinaryInfo info = binaries.info(ODS, binaryId).orElseThrow(() -> new AssertionError("no Binary for " + id));
                assertThat(info.contentType()).as(id).isEqualTo(attachment.path("contentType").asText());
                assertThat(info.size()).as(id).isEqualTo(attachment.path("size").asLong());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertThat(binaries.copyTo(ODS, binaryId, out)).isTrue();
                byte[] bytes = out.toByteArray();
                assertThat((long) bytes.length).isEqualTo(info.size());
                switch (info.contentType()) {
                    case "application/pdf" -> {
                        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                        try (PDDocument pdf = Loader.loadPDF(bytes)) {
                            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
                        }
                    }
                    case "application/rtf" -> assertThat(new String(bytes, StandardCharsets.US_ASCII)).startsWith("{\\rtf1");
                    default -> {
                        assertThat(info.contentType()).startsWith("image/");
                        assertThat(ImageIO.read(new ByteArrayInputStream(bytes))).isNotNull();
                    }
                }
                if (documentReference.path("subject").path("reference").asText().equals("Patient/4")) {
                    assertThat(info.size()).as("patient 4's document").isGreaterThan(5L * 1024 * 1024);
                }
                hashes.put(binaryId, info.sha256());
            }
            return hashes;
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyDocumentReferenceHasItsGeneratedBinaryAndTwoLoadsGiveTheSameBytes(TestDatabase database) throws Exception {
        Map<String, String> first = loadAndCheck(database);
        assertThat(first).containsKeys("doc-2-1", "doc-2-2", "doc-2-3", "doc-2-4", "doc-4-1");
        assertThat(loadAndCheck(database)).isEqualTo(first);
    }
}
