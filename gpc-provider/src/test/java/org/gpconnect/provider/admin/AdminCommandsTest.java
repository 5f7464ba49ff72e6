package org.gpconnect.provider.admin;

import org.gpconnect.provider.GpConnectCommand;
import org.gpconnect.store.Database;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.dataset.DataSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's commands against a real H2 file database: switches are audited, the chain verifies. */
class AdminCommandsTest {

    @Test
    void switchingIsAuditedAndTheTrailVerifiesUntilTamperedWith(@TempDir Path dataDir) throws Exception {
        String url = Database.h2FileUrl(dataDir);
        try (var dataSource = Database.open(url, "sa", "", 2)) {
            new DataSetLoader(new GpRecordStore(dataSource)).loadOnce("default");
        }
        CommandLine cli = new CommandLine(new GpConnectCommand());
        assertThat(cli.execute("switch", "--data-dir", dataDir.toString(), "B82617", "STRUCTURED", "off")).isEqualTo(0);
        assertThat(cli.execute("switch", "--data-dir", dataDir.toString(), "NOPE01", "STRUCTURED", "off")).isEqualTo(2);
        assertThat(cli.execute("clinical-area", "--data-dir", dataDir.toString(), "B82617", "includeMedication", "off")).isEqualTo(0);
        assertThat(cli.execute("clinical-area", "--data-dir", dataDir.toString(), "B82617", "includeNothing", "off")).isEqualTo(2);
        assertThat(cli.execute("clinical-area", "--data-dir", dataDir.toString(), "B82617", "DocumentReferences", "on"))
                .as("the Documents switch, by the name its warning carries").isEqualTo(0);

        try (var dataSource = Database.open(url, "sa", "", 2)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            assertThat(store.practice("B82617").orElseThrow().enabled(org.gpconnect.fhir.interaction.Capability.STRUCTURED)).isFalse();
            assertThat(store.disabledClinicalAreas("B82617")).containsExactly("includeMedication");
            try (Connection connection = dataSource.getConnection();
                 var rs = connection.createStatement().executeQuery("SELECT event_type, detail FROM audit_event ORDER BY seq")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("SWITCH_CHANGE");
                assertThat(rs.getString(2)).isEqualTo("STRUCTURED disabled");
            }
        }
        assertThat(cli.execute("audit-verify", "--data-dir", dataDir.toString())).isEqualTo(0);

        try (var dataSource = Database.open(url, "sa", "", 2); Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate("UPDATE audit_event SET detail = 'STRUCTURED enabled' WHERE seq = 1");
        }
        assertThat(cli.execute("audit-verify", "--data-dir", dataDir.toString())).isEqualTo(1);
    }

    @Test
    void addDocumentStreamsAFileIntoAPatientsRecordWithItsDocumentReference(@TempDir Path dataDir) throws Exception {
        byte[] content = new byte[3 * org.gpconnect.store.BinaryStore.CHUNK_SIZE + 123];
        new java.util.Random(7).nextBytes(content);
        Path file = dataDir.resolve("scan.tiff");
        java.nio.file.Files.write(file, content);
        CommandLine cli = new CommandLine(new GpConnectCommand());
        assertThat(cli.execute("add-document", "--data-dir", dataDir.toString(), "--patient", "2", "--file", file.toString(),
                "--content-type", "image/tiff", "--id", "docref-added", "--description", "Scanned ECG")).isEqualTo(0);
        assertThat(cli.execute("add-document", "--data-dir", dataDir.toString(), "--patient", "nobody", "--file", file.toString()))
                .isEqualTo(2);
        assertThat(cli.execute("add-document", "--data-dir", dataDir.toString(), "--patient", "2")).as("no content").isEqualTo(2);

        try (var dataSource = Database.open(Database.h2FileUrl(dataDir), "sa", "", 2)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            var found = store.documentOfBinary("B82617", "doc-added").orElseThrow();
            assertThat(found.patientId()).isEqualTo("2");
            var document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(found.documentReference().json());
            assertThat(document.at("/content/0/attachment/size").asLong()).isEqualTo(content.length);
            assertThat(document.at("/content/0/attachment/contentType").asText()).isEqualTo("image/tiff");
            assertThat(document.at("/description").asText()).isEqualTo("Scanned ECG");
            var info = new org.gpconnect.store.BinaryStore(store).info("B82617", "doc-added").orElseThrow();
            assertThat(info.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(content)));
        }
    }
}
