package org.gpconnect.provider.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.provider.GpConnectCommand.StoreOptions;
import org.gpconnect.store.BinaryStore;
import org.gpconnect.store.Database;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.dataset.DataSetLoader;
import org.gpconnect.store.dataset.DocumentContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Adds a document to a patient's record: its DocumentReference (CareConnect-GPC-DocumentReference-1)
 * and its content, streamed from a file into the store in the same transaction, so a document of
 * any size is added without holding it in memory (docs/documents.md). {@code --generate-mb} makes a
 * PDF of scanned-style pages instead, for trying out and benchmarking large documents.
 */
@Command(name = "add-document", mixinStandardHelpOptions = true,
        description = "Add a document (DocumentReference and its content) to a patient's record.")
public class AddDocumentCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--practice", defaultValue = "B82617", description = "Practice ODS code (default ${DEFAULT-VALUE})")
    String odsCode;

    @Option(names = "--patient", required = true, description = "The patient's logical id, e.g. 2")
    String patientId;

    @Option(names = "--file", description = "The document's content")
    Path file;

    @Option(names = "--generate-mb", description = "Instead of --file: generate a PDF of at least this many MB")
    Integer generateMb;

    @Option(names = "--content-type", defaultValue = "application/pdf", description = "MIME type (default ${DEFAULT-VALUE})")
    String contentType;

    @Option(names = "--id", description = "DocumentReference id (default docref-<random>); the Binary is doc-<same suffix>")
    String id;

    @Option(names = "--description", defaultValue = "Scanned document", description = "Title (default ${DEFAULT-VALUE})")
    String description;

    @Option(names = "--type-code", defaultValue = "823691000000103",
            description = "SNOMED CT record composition type (default ${DEFAULT-VALUE}, Clinical letter)")
    String typeCode;

    @Option(names = "--type-display", defaultValue = "Clinical letter", description = "Its display (default ${DEFAULT-VALUE})")
    String typeDisplay;

    @Option(names = "--author", defaultValue = "Organization/1", description = "Author reference (default ${DEFAULT-VALUE})")
    String author;

    @Override
    public Integer call() throws Exception {
        if ((file == null) == (generateMb == null)) {
            System.err.println("Give either --file or --generate-mb.");
            return 2;
        }
        String suffix = id != null ? id.replaceFirst("^docref-", "") : UUID.randomUUID().toString();
        String documentId = id != null ? id : "docref-" + suffix;
        String binaryId = "doc-" + suffix;
        String[] connection = store.connection();
        try (HikariDataSource dataSource = Database.open(connection[0], connection[1], connection[2], 2)) {
            GpRecordStore records = new GpRecordStore(dataSource);
            new DataSetLoader(records).loadOnce("default");
            if (records.patient(odsCode, patientId).isEmpty()) {
                System.err.println("No patient " + patientId + " at practice " + odsCode + ".");
                return 2;
            }
            String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
            long started = System.nanoTime();
            BinaryStore.StoredBinary stored;
            try (InputStream content = file != null ? Files.newInputStream(file) : new ByteArrayInputStream(
                    DocumentContent.generate(binaryId, "application/pdf", description, now, generateMb * 1024L * 1024L))) {
                String type = file != null ? contentType : "application/pdf";
                stored = records.inTransaction(writer -> {
                    BinaryStore.StoredBinary binary = new BinaryStore(records).write(writer, odsCode, binaryId, type, content);
                    writer.save(odsCode, documentReference(documentId, binaryId, type, binary.info().size(), now), null);
                    return binary;
                });
            }
            System.out.printf("Added DocumentReference/%s with Binary/%s to patient %s: %d bytes (%s), sha256 %s, in %.1f s.%n",
                    documentId, binaryId, patientId, stored.info().size(), stored.info().contentType(), stored.info().sha256(),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }

    private ObjectNode documentReference(String documentId, String binaryId, String type, long size, String now) {
        ObjectNode document = JSON.createObjectNode().put("resourceType", "DocumentReference").put("id", documentId);
        document.putObject("meta").putArray("profile").add("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-DocumentReference-1");
        document.putObject("masterIdentifier").put("system", "https://gpconnect.example.org/Id/document-version")
                .put("value", UUID.randomUUID().toString());
        document.putArray("identifier").addObject().put("system", "https://gpconnect.example.org/Id/record-item")
                .put("value", UUID.randomUUID().toString());
        document.put("status", "current");
        document.putObject("type").putArray("coding").addObject().put("system", "http://snomed.info/sct")
                .put("code", typeCode).put("display", typeDisplay);
        document.putObject("subject").put("reference", "Patient/" + patientId);
        document.put("created", now).put("indexed", now);
        document.putArray("author").addObject().put("reference", author);
        document.putObject("custodian").put("reference", "Organization/1");
        document.put("description", description);
        document.putArray("content").addObject().putObject("attachment").put("contentType", type)
                .put("url", "Binary/" + binaryId).put("size", size);
        return document;
    }
}
