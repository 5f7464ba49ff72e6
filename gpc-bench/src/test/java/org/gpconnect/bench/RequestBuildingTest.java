package org.gpconnect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What the raw client puts on the wire, and when tokens are rebuilt. */
class RequestBuildingTest {
    private static final String ROOT = "http://127.0.0.1:18090/B82617/STU3/1/gpconnect";
    private final GpcRequests gpc = new GpcRequests(ROOT, "918999198738", InteractionCatalogue.SEARCH_PATIENT, Duration.ofSeconds(5));

    @Test
    void uuidWrittenAsBytesIsItsToString() {
        byte[] out = new byte[40];
        for (int i = 0; i < 1000; i++) {
            UUID u = i == 0 ? new UUID(0, 0) : i == 1 ? new UUID(-1, -1) : UUID.randomUUID();
            RawLoadClient.writeUuid(u, out, 2);
            assertThat(new String(out, 2, 36, StandardCharsets.US_ASCII)).isEqualTo(u.toString());
        }
    }

    @Test
    void rawRequestIsTheGpConnectGet() {
        AtomicLong nanos = new AtomicLong();
        BearerTokens tokens = new BearerTokens(gpc, false, Clock.systemUTC(), nanos::get);
        List<URI> targets = Scenario.PATIENT_SEARCH.targets(ROOT, List.of("9690937278", "9690937286"));
        try (RawLoadClient client = new RawLoadClient(targets, gpc, tokens)) {
            client.prepare(1);
            String request = client.preparedRequest();
            String[] lines = request.split("\r\n", -1);
            assertThat(lines[0]).isEqualTo("GET /B82617/STU3/1/gpconnect/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286 HTTP/1.1");
            assertThat(List.of(lines).subList(1, 7)).containsExactly(
                    "Host: 127.0.0.1:18090",
                    "Ssp-From: 200000000359",
                    "Ssp-To: 918999198738",
                    "Ssp-InteractionID: " + InteractionCatalogue.SEARCH_PATIENT,
                    "Accept: application/fhir+json",
                    "Authorization: " + tokens.bearer());
            assertThat(lines[7]).matches("Ssp-TraceID: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(request).endsWith("\r\n\r\n");
            assertThat(lines).hasSize(10);

            client.prepare(0);
            String second = client.preparedRequest();
            assertThat(second).startsWith("GET /B82617/STU3/1/gpconnect/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937278 HTTP/1.1\r\n");
            assertThat(second).contains("Authorization: " + tokens.bearer() + "\r\n");
            assertThat(second.substring(second.indexOf("Ssp-TraceID")))
                    .isNotEqualTo(request.substring(request.indexOf("Ssp-TraceID")));
            assertThat(tokens.builds).isEqualTo(1);
        }
    }

    @Test
    void aCareRecordRequestIsA0xPostForOneSectionOfThePatientTheTokenNames() throws Exception {
        String root = "http://127.0.0.1:18090/B82617/DSTU2/0/gpconnect";
        GpcRequests html = new GpcRequests(root, "918999198738", InteractionCatalogue.GET_CARE_RECORD, Duration.ofSeconds(5), "9690937286");
        BearerTokens tokens = new BearerTokens(html, false);
        List<URI> targets = Scenario.CARE_RECORD.targets(root, List.of("9690937286"));
        List<byte[]> bodies = Scenario.CARE_RECORD.bodies(List.of("9690937286"), "MED");
        try (RawLoadClient client = new RawLoadClient(targets, bodies, html, tokens)) {
            client.prepare(0);
            String request = client.preparedRequest();
            assertThat(request).startsWith("POST /B82617/DSTU2/0/gpconnect/Patient/$gpc.getcarerecord HTTP/1.1\r\n"
                    + "Content-Type: application/json+fhir\r\n");
            assertThat(request).contains("Accept: application/json+fhir\r\n");
        }
        JsonNode body = new ObjectMapper().readTree(bodies.get(0));
        assertThat(body.at("/parameter/0/valueIdentifier/value").asText()).isEqualTo("9690937286");
        assertThat(body.at("/parameter/1/valueCodeableConcept/coding/0/code").asText()).isEqualTo("MED");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(tokens.bearer().split("\\.")[1]));
        assertThat(claims.at("/requested_record/identifier/0/value").asText()).isEqualTo("9690937286");
        assertThat(claims.path("aud").asText()).isEqualTo("https://authorize.fhir.nhs.net/token");
    }

    @Test
    void tokensAreRebuiltEveryMinuteAndAlwaysValid() throws Exception {
        AtomicLong nanos = new AtomicLong(5);
        Instant[] wall = {Instant.parse("2025-01-01T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return wall[0];
            }
        };
        BearerTokens tokens = new BearerTokens(gpc, false, clock, nanos::get);
        assertThat(tokens.refresh()).isTrue();
        String first = tokens.bearer();
        JsonNode claims = claims(first);
        assertThat(claims.get("iat").asLong()).isEqualTo(wall[0].getEpochSecond());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
        assertThat(claims.get("aud").asText()).isEqualTo(ROOT);
        assertThat(claims.get("requested_scope").asText()).isEqualTo("patient/*.read");

        advance(nanos, wall, Duration.ofSeconds(59));
        assertThat(tokens.refresh()).isFalse();
        assertThat(tokens.bearer()).isSameAs(first);

        advance(nanos, wall, Duration.ofSeconds(1));
        assertThat(tokens.refresh()).isTrue();
        assertThat(claims(tokens.bearer()).get("iat").asLong()).isEqualTo(wall[0].getEpochSecond());
        assertThat(tokens.bearerBytes()).isEqualTo(tokens.bearer().getBytes(StandardCharsets.US_ASCII));
        assertThat(tokens.builds).isEqualTo(2);

        BearerTokens fresh = new BearerTokens(gpc, true, clock, nanos::get);
        for (int i = 0; i < 5; i++) {
            assertThat(fresh.refresh()).isTrue();
        }
        assertThat(fresh.builds).isEqualTo(5);
    }

    private static void advance(AtomicLong nanos, Instant[] wall, Duration d) {
        nanos.addAndGet(d.toNanos());
        wall[0] = wall[0].plus(d);
    }

    @Test
    void aDocumentSearchAsksForThePatientsDocumentsWithTheMandatoryIncludes() {
        java.util.List<java.net.URI> targets = Scenario.fromCli("document-search")
                .targets("http://127.0.0.1:8080/B82617/STU3/1/gpconnect/documents", java.util.List.of("2"));
        org.assertj.core.api.Assertions.assertThat(targets).singleElement().satisfies(uri -> {
            org.assertj.core.api.Assertions.assertThat(uri.getPath()).isEqualTo("/B82617/STU3/1/gpconnect/documents/Patient/2/DocumentReference");
            org.assertj.core.api.Assertions.assertThat(uri.getQuery()).contains("_include=DocumentReference:subject:Patient",
                    "_revinclude:recurse=PractitionerRole:practitioner");
        });
    }

    @Test
    void aSlotSearchSpansTwoWeeksWithEveryIncludeAsThePractice() {
        java.util.List<java.net.URI> targets = Scenario.fromCli("slot-search")
                .targets("http://127.0.0.1:8080/B82617/STU3/1/gpconnect", java.util.List.of("B82617"));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        org.assertj.core.api.Assertions.assertThat(targets).singleElement().satisfies(uri -> {
            org.assertj.core.api.Assertions.assertThat(uri.getPath()).isEqualTo("/B82617/STU3/1/gpconnect/Slot");
            org.assertj.core.api.Assertions.assertThat(uri.getQuery()).contains("start=ge" + today, "end=le" + today.plusDays(14),
                    "_include=Slot:schedule", "_include:recurse=Location:managingOrganization", "ods-organization-code|B82617");
        });
    }

    private static JsonNode claims(String bearer) throws Exception {
        String jwt = bearer.substring("Bearer ".length());
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
