package org.gpconnect.provider.html;

import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.ProviderServer;
import org.gpconnect.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a practice configures of the views, through a server started with it: the Summary's
 * Emergency Codes from a code list in NHS Digital's published CSV form, and a default time frame.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareRecordSettingsTest {
    Path folder;
    ProviderServer server;
    GpcClient client;

    @BeforeAll
    void start() throws IOException {
        folder = Files.createTempDirectory("gpc-html-settings");
        // Type 2 diabetes (44054006) and hypertension (38341003), which patient 2 has, in one group; a code nobody has alone
        Path codes = Files.writeString(folder.resolve("emergency_codes.csv"), "\uFEFFCONCEPT_ID,FULLY_SPECIFIED_NAME,PREFERRED_TERM,GROUP_ID\n"
                + "44054006,\"Diabetes mellitus type 2 (disorder)\",Type 2 diabetes mellitus,7\n"
                + "38341003,\"Hypertensive disorder, systemic arterial (disorder)\",Hypertension,7\n"
                + "1240751000000100,\"Disease caused by severe acute respiratory syndrome coronavirus 2 (disorder)\",COVID-19,\n");
        server = ProviderServer.start(TestDatabase.H2, Map.of("gpc.html.emergency-codes", codes.toString(),
                "gpc.html.emergency-banner", "Enabled for a national health event", "gpc.html.default-months", "ENC=24"));
        client = new GpcClient(server);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    private String div(String section) {
        String body = CareRecordApiTest.body(CareRecordApiTest.PATIENT_2, section, null, null);
        var response = client.html("POST", CareRecordApiTest.OPERATION, InteractionCatalogue.GET_CARE_RECORD, ApiTest.PATIENT_READ)
                .jwt(jwt -> jwt.requestedPatient(CareRecordApiTest.PATIENT_2)).body("application/json+fhir", body).send();
        return CareRecordApiTest.div(CareRecordApiTest.bundle(response));
    }

    @Test
    void theSummaryShowsTheLatestItemOfEachEmergencyCodeGroupFirst() {
        var html = CareRecordApiTest.xhtml(div("SUM"));
        assertThat(html.getElementsByTagName("h2").item(0).getTextContent()).isEqualTo("Emergency Codes");
        assertThat(html.getElementsByTagName("table").item(0).getAttributes().getNamedItem("id").getNodeValue()).isEqualTo("cli-tab");
        assertThat(CareRecordApiTest.rows(html, "cli-tab")).as("diabetes and hypertension are one group").isEqualTo(1);
        assertThat(html.getDocumentElement().getTextContent()).contains("Enabled for a national health event");
    }

    @Test
    void aDefaultTimeFrameAppliesWhenTheConsumerSendsNoPeriod() {
        String from = LocalDate.now().minusMonths(24).format(java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy", java.util.Locale.US));
        assertThat(div("ENC")).contains("All data items from '" + from + "'");
        assertThat(div("CLI")).contains("All relevant items");
    }

    @Test
    void codeGroupsAreReadFromTheFirstAndLastColumns() throws IOException {
        Path file = Files.writeString(folder.resolve("groups.csv"), "CONCEPT_ID,FSN,PT,GROUP_ID\n1,\"a, b\",c,1\n2,d,e,1\n3,f,g,\n");
        assertThat(HtmlSettings.codeGroups(file)).containsExactly(List.of("1", "2"), List.of("3"));
    }
}
