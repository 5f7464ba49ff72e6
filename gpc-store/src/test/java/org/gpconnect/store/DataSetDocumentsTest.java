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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The default data set's documents: generated at load, stored as Binaries matching their DocumentReferences. */
class DataSetDocumentsTest {
    private static final String ODS = "B82617";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "docref-6-4";

    /** binaryId -> sha256 of every stored document, after loading the data set into a fresh database. */
    private static Map<String, String> loadAndCheck(TestDatabase database) throws Exception {
        TestDatabase.Connect c = database.fresh();
        try (HikariDataSource dataSource = Database.open(c.url(), c.user(), c.password(), 2)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            long started = System.nanoTime();
            assertThat(new DataSetLoader(store).loadOnce("default")).isTrue();
            System.out.printf("data set load (%s): %d ms%n", database, (System.nanoTime() - started) / 1_000_000);
            BinaryStore binaries = new BinaryStore(store);
            Map<String, String> hashes = new TreeMap<>();
            List<String> placeholders = new ArrayList<>();
            Set<String> patients = new TreeSet<>();
            for (String id : documentReferenceIds()) {
                JsonNode documentReference = JSON.readTree(store.read(ODS, "DocumentReference", id).orElseThrow().json());
                patients.add(documentReference.path("subject").path("reference").asText());
                assertThat(documentReference.has("securityLabel")).as(id + ": labels go in meta.security only").isFalse();
                assertThat(documentReference.path("indexed").asText()).as(id).isNotEmpty();
                JsonNode attachment = documentReference.path("content").path(0).path("attachment");
                if (!attachment.has("url")) {
                    assertPlaceholder(id, attachment);
                    placeholders.add(id);
                    continue;
                }
                String binaryId = attachment.path("url").asText().substring("Binary/".length());
                assertThat(binaryId).isEqualTo(id.replace("docref-", "doc-"));
                BinaryInfo info = binaries.info(ODS, binaryId).orElseThrow(() -> new AssertionError("no Binary for " + id));
                assertThat(info.contentType()).as(id).isEqualTo(attachment.path("contentType").asText());
                assertThat(info.size()).as(id).isEqualTo(attachment.path("size").asLong());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertThat(binaries.copyTo(ODS, binaryId, out)).isTrue();
                byte[] bytes = out.toByteArray();
                assertThat((long) bytes.length).isEqualTo(info.size());
                DocumentFormats.assertStartsAsItsType(id, info.contentType(), bytes);
                assertReadable(id, info.contentType(), bytes);
                if (documentReference.path("subject").path("reference").asText().equals("Patient/4")) {
                    assertThat(info.size()).as("patient 4's document").isGreaterThan(5L * 1024 * 1024);
                }
                hashes.put(binaryId, info.sha256());
            }
            assertThat(placeholders).containsExactly(PLACEHOLDER);
            assertThat(binaries.info(ODS, "doc-6-4")).as("a placeholder has no content").isEmpty();
            // the test data pack: patient 3 has no documents; restricted, unregistered and inactive patients none either
            assertThat(patients).doesNotContain("Patient/3", "Patient/9", "Patient/10", "Patient/14", "Patient/21")
                    .contains("Patient/2", "Patient/4", "Patient/6", "Patient/18");
            assertThat(store.resourcesOf(ODS, "3").ofType("DocumentReference")).isEmpty();
            assertPatient6SpecialCases(store);
            return hashes;
        }
    }

    private static void assertPlaceholder(String id, JsonNode attachment) {
        assertThat(attachment.path("size").asLong(-1)).as(id).isZero();
        assertThat(attachment.path("contentType").asText()).as(id).isNotEmpty();
        assertThat(attachment.path("title").asText()).as(id).startsWith("Document not available: ");
    }

    private static void assertReadable(String id, String contentType, byte[] bytes) throws Exception {
        if (contentType.equals("application/pdf")) {
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                assertThat(pdf.getNumberOfPages()).as(id).isGreaterThanOrEqualTo(1);
            }
        } else if (contentType.startsWith("image/")) {
            assertThat(ImageIO.read(new ByteArrayInputStream(bytes))).as(id).isNotNull();
        }
    }

    /** A confidential document, one labelled NOPAT, and the placeholder, on patient 6. */
    private static void assertPatient6SpecialCases(GpRecordStore store) throws Exception {
        assertThat(store.confidentialItems(ODS, "6")).containsExactly("DocumentReference/docref-6-2");
        JsonNode nopat = JSON.readTree(store.read(ODS, "DocumentReference", "docref-6-3").orElseThrow().json());
        assertThat(nopat.path("meta").path("security").path(0).path("system").asText()).isEqualTo("http://hl7.org/fhir/v3/ActCode");
        assertThat(nopat.path("meta").path("security").path(0).path("code").asText()).isEqualTo("NOPAT");
        JsonNode placeholder = JSON.readTree(store.read(ODS, "DocumentReference", PLACEHOLDER).orElseThrow().json());
        assertThat(placeholder.path("subject").path("reference").asText()).isEqualTo("Patient/6");
    }

    private static List<String> documentReferenceIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (InputStream in = DataSetLoader.class.getClassLoader().getResourceAsStream("dataset/default/B82617/documents.json")) {
            for (JsonNode entry : JSON.readTree(in).path("entry")) {
                JsonNode resource = entry.path("resource");
                ids.add(resource.path("id").asText());
            }
        }
        assertThat(ids).contains("docref-2-1", "docref-2-2", "docref-2-3", "docref-2-4", "docref-4-1", PLACEHOLDER);
        return ids;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyDocumentReferenceHasItsGeneratedBinaryAndTwoLoadsGiveTheSameBytes(TestDatabase database) throws Exception {
        Map<String, String> first = loadAndCheck(database);
        assertThat(first).containsKeys("doc-2-1", "doc-2-2", "doc-2-3", "doc-2-4", "doc-4-1").doesNotContainKey("doc-6-4");
        assertThat(loadAndCheck(database)).isEqualTo(first);
    }

    /** Some documents have no created date, so that a search on created has to fall back to indexed. */
    @org.junit.jupiter.api.Test
    void someDocumentsHaveOnlyAnIndexedDate() throws Exception {
        try (InputStream in = DataSetLoader.class.getClassLoader().getResourceAsStream("dataset/default/B82617/documents.json")) {
            List<String> undated = new ArrayList<>();
            for (JsonNode entry : JSON.readTree(in).path("entry")) {
                if (!entry.path("resource").has("created")) {
                    undated.add(entry.path("resource").path("id").asText());
                }
            }
            assertThat(undated).isNotEmpty().doesNotContain("docref-2-1", "docref-2-2", "docref-2-3", "docref-2-4", "docref-4-1");
        }
    }
}
