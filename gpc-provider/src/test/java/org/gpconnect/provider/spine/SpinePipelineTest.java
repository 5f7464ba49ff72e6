package org.gpconnect.provider.spine;

import com.fasterxml.jackson.databind.node.NullNode;
import org.gpconnect.fhir.interaction.Capability;
import org.gpconnect.fhir.jwt.ConsumerJwt;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.Response;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.audit.AuditTrail;
import org.gpconnect.store.audit.AuditVerifier;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.*;

/** The Spine request pipeline every interaction shares: headers, JWT, interaction, format, enablement, audit. */
public abstract class SpinePipelineTest extends ApiTest {
    static final String PATIENT2 = ROOT + "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286";

    GpcClient.Request metadata() {
        return client.get(ROOT + "/metadata", METADATA, ORG_READ);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/B82617/STU3/1/gpconnect, urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1",
            "/B82617/STU3/1/gpconnect/structured, urn:nhs:names:services:gpconnect:structured:fhir:rest:read:metadata-1",
            "/B82617/STU3/1/gpconnect/documents, urn:nhs:names:services:gpconnect:documents:fhir:rest:read:metadata-1",
    })
    void everyServiceRootAnswersMetadata(String root, String interaction) {
        Response response = client.get(root + "/metadata", interaction, ORG_READ).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        CapabilityStatement statement = response.resource(CapabilityStatement.class);
        assertThat(statement.getFhirVersion()).isEqualTo("3.0.1");
        assertThat(statement.getVersion()).isEqualTo("1.6.2");
        assertThat(statement.getFormat()).extracting(f -> f.getValue())
                .containsExactlyInAnyOrder("application/fhir+json", "application/fhir+xml");
        assertThat(statement.getSoftware().getName()).isNotBlank();
    }

    @Test
    void theFoundationsStatementListsWhatItServes() {
        CapabilityStatement statement = metadata().send().resource(CapabilityStatement.class);
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .contains("Patient", "Practitioner", "Organization", "Location");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "Authorization"})
    void aMissingSpineHeaderIsABadRequest(String header) {
        assertSpineError(metadata().header(header, header.equals("Authorization") ? "" : null).send(), 400, "BAD_REQUEST");
    }

    @Test
    void aRequestForAnotherAsidIsABadRequest() {
        assertSpineError(metadata().header("Ssp-To", "123456789123").send(), 400, "BAD_REQUEST");
    }

    @Test
    void anInteractionIdThatDoesNotMatchThePathIsABadRequest() {
        assertSpineError(client.get(ROOT + "/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code%7CB82617",
                READ_PRACTITIONER, ORG_READ).send(), 400, "BAD_REQUEST");
        assertSpineError(client.get(ROOT + "/Metadata", METADATA, ORG_READ).send(), 400, "BAD_REQUEST");
        assertSpineError(metadata().header("Ssp-InteractionID", "urn:nhs:names:services:gpconnect:fhir:rest:read:METADATA-1").send(),
                400, "BAD_REQUEST");
        assertSpineError(client.get(ROOT + "/metadatas", METADATA, ORG_READ).send(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATCH", "DELETE", "POST", "PUT"})
    void aWrongVerbIsABadRequest(String verb) {
        assertSpineError(client.request(verb, ROOT + "/metadata", METADATA, ORG_READ).send(), 400, "BAD_REQUEST");
    }

    @Test
    void theJwtRulesApply() {
        assertSpineError(metadata().jwt(jwt -> jwt.expiresAt(Instant.now().plusSeconds(301))).send(), 400, "BAD_REQUEST");
        assertSpineError(metadata().jwt(jwt -> jwt.issuedAt(Instant.now().minusSeconds(600))).send(), 400, "BAD_REQUEST");
        assertSpineError(metadata().jwt(jwt -> jwt.claim("requesting_device", NullNode.getInstance())).send(), 400, "BAD_REQUEST");
        assertSpineError(metadata().jwt(jwt -> jwt.scope("patient/*.read")).send(), 400, "BAD_REQUEST");
        assertSpineError(metadata().jwt(jwt -> jwt.claim("requesting_device",
                ConsumerJwt.requestingDevice().put("resourceType", "Patient"))).send(), 422, "INVALID_RESOURCE");
        assertSpineError(metadata().header("Authorization", "Bearer not-a-token").send(), 400, "BAD_REQUEST");
        assertThat(metadata().jwt(jwt -> jwt.issuedAt(Instant.now().plusSeconds(200))).send().status()).isEqualTo(200);
    }

    @Test
    void anUnknownPracticeOrPathIsNotFound() {
        assertSpineError(client.get("/INVOC1/STU3/1/gpconnect/metadata", METADATA, ORG_READ).send(), 404, "ORGANISATION_NOT_FOUND");
        assertSpineError(client.get("/nothing/here", METADATA, ORG_READ).send(), 404, "NO_RECORD_FOUND");
    }

    @ParameterizedTest(name = "Accept {0}, _format {1} -> {2}")
    @CsvSource({
            "application/fhir+json, , json",
            "application/fhir+xml, , xml",
            ", json, json",
            ", xml, xml",
            "application/fhir+json, xml, xml",
            "application/fhir+xml, application/fhir+json, json",
            "application/fhir+xml;charset=utf-8, , xml",
    })
    void theFormatFollowsFormatThenAccept(String accept, String format, String expected) {
        String path = format == null ? PATIENT2 : PATIENT2 + "&_format=" + format.replace("+", "%2B");
        Response response = client.get(path, SEARCH_PATIENT, PATIENT_READ).header("Accept", accept).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/fhir+" + expected);
        assertThat(response.resource(Bundle.class).getEntry()).hasSize(1);
    }

    @Test
    void withoutAcceptTheRequestsContentTypeDecides() {
        Response response = client.get(PATIENT2, SEARCH_PATIENT, PATIENT_READ).header("Accept", null)
                .header("Content-Type", "application/fhir+xml").send();
        assertThat(response.header("Content-Type")).startsWith("application/fhir+xml");
    }

    @Test
    void anUnsupportedFormatIs415NotAcceptable() {
        assertSpineError(metadata().header("Accept", "text/html").send(), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertSpineError(client.get(ROOT + "/metadata?_format=text/plain", METADATA, ORG_READ).send(), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void errorsComeInTheNegotiatedFormat() {
        Response response = metadata().header("Accept", "application/fhir+xml").header("Ssp-To", "1").send();
        assertThat(response.header("Content-Type")).startsWith("application/fhir+xml");
        assertSpineError(response, 400, "BAD_REQUEST");
    }

    @Test
    void anInteractionNotBuiltYetIsNotImplemented() {
        // Access Record: HTML (DSTU2) is in the catalogue but not built
        assertSpineError0x(client.html("POST", HTML_ROOT + "/Patient/$gpc.getcarerecord", GET_CARE_RECORD, PATIENT_READ)
                .jwt(jwt -> jwt.requestedPatient("9690937286"))
                .body("application/json+fhir", "{\"resourceType\":\"Parameters\"}").send(), 501, "NOT_IMPLEMENTED");
    }

    @Test
    void responsesAreGzippedWhenAsked() {
        Response response = metadata().header("Accept-Encoding", "gzip").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void aPracticeThatSwitchedGpConnectOffDeniesAccessButStillAnswersMetadata() {
        GpRecordStore store = server.bean(GpRecordStore.class);
        store.setSwitch("B82617", Capability.FOUNDATIONS, false);
        try {
            assertSpineError(client.get(PATIENT2, SEARCH_PATIENT, PATIENT_READ).send(), 403, "ACCESS DENIED");
            assertThat(metadata().send().status()).isEqualTo(200);
        } finally {
            store.setSwitch("B82617", Capability.FOUNDATIONS, true);
        }
        assertThat(client.get(PATIENT2, SEARCH_PATIENT, PATIENT_READ).send().status()).isEqualTo(200);
    }

    @Test
    void aRequestTomcatCannotReadIsStillAnOperationOutcome() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + ROOT + "/Patient/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("Content-Type: application/fhir+json", "Cache-Control: no-store",
                    "GPConnect-OperationOutcome-1", "\"code\":\"BAD_REQUEST\"");
        }
    }

    @Test
    void healthAndMetricsAreOnTheManagementPath() throws Exception {
        client.get(PATIENT2, SEARCH_PATIENT, PATIENT_READ).send();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> health = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.url("/actuator/health"))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        java.net.http.HttpResponse<String> metrics = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.url("/actuator/prometheus"))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).containsPattern(
                "gpc_requests_seconds_count\\{[^}]*interaction=\"fhir:rest:search:patient-1\"[^}]*outcome=\"OK\"[^}]*status=\"200\"");
    }

    @Test
    void everyRequestIsAuditedOnAnIntactChain() throws Exception {
        GpcClient.Request accepted = client.get(PATIENT2, SEARCH_PATIENT, PATIENT_READ);
        accepted.send();
        GpcClient.Request rejected = client.get(PATIENT2, SEARCH_PATIENT, PATIENT_READ).header("Ssp-To", "1");
        rejected.send();
        server.bean(AuditTrail.class).flush();
        DataSource dataSource = server.bean(DataSource.class);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "SELECT interaction, outcome, http_status, patient, requesting_organization, from_asid FROM audit_event WHERE trace_id = ?")) {
            ps.setString(1, accepted.traceId());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(SEARCH_PATIENT);
                assertThat(rs.getString(2)).isEqualTo("OK");
                assertThat(rs.getInt(3)).isEqualTo(200);
                assertThat(rs.getString(4)).isEqualTo("9690937286");
                assertThat(rs.getString(5)).isEqualTo(ConsumerJwt.DEFAULT_ODS_CODE);
                assertThat(rs.getString(6)).isEqualTo(GpcClient.CONSUMER_ASID);
            }
            ps.setString(1, rejected.traceId());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("BAD_REQUEST");
                assertThat(rs.getInt(3)).isEqualTo(400);
            }
        }
        AuditVerifier.Result chain = AuditVerifier.verify(dataSource);
        assertThat(chain.intact()).as(chain.problems().toString()).isTrue();
    }
}
