package org.gpconnect.provider.html;

import ca.uhn.fhir.model.dstu2.resource.Conformance;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.fhir.jwt.ConsumerJwt;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.Dstu2ProfileCheck;
import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.GET_CARE_RECORD;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.HTML_METADATA;

/**
 * The one pipeline on the 0.x (Access Record: HTML 0.7.4, DSTU2) root: its Conformance, its media
 * types, its JWT rules (JWT.feature, FhirBase.feature and Http.feature of the 0.7.4 suite) and its
 * DSTU2 OperationOutcomes.
 */
public abstract class HtmlPipelineApiTest extends ApiTest {

    GpcClient.Request metadata() {
        return client.html("GET", HTML_ROOT + "/metadata", HTML_METADATA, ORG_READ);
    }

    @Test
    void metadataIsADstu2ConformanceInJson() {
        Response response = metadata().send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json+fhir");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        Conformance conformance = response.dstu2Resource(Conformance.class);
        assertThat(conformance.getFhirVersion()).isEqualTo("1.0.2");
        assertThat(conformance.getVersion()).isEqualTo("0.7.4");
        assertThat(conformance.getKind()).isEqualTo("instance");
        assertThat(conformance.getSoftware().getName()).isNotBlank();
        assertThat(conformance.getSoftware().getVersion()).isNotBlank();
        assertThat(conformance.getFormat()).extracting(f -> f.getValue())
                .containsExactlyInAnyOrder("application/json+fhir", "application/xml+fhir");
        assertThat(conformance.getRestFirstRep().getMode()).isEqualTo("server");
    }

    @Test
    void metadataListsTheCareRecordOperationOnlyWhenServed() {
        Conformance conformance = metadata().send().dstu2Resource(Conformance.class);
        boolean served = ((java.util.Set<?>) server.bean("implementedInteractions")).contains(GET_CARE_RECORD);
        assertThat(conformance.getRestFirstRep().getOperation()).extracting(o -> o.getName())
                .isEqualTo(served ? java.util.List.of("gpc.getcarerecord") : java.util.List.of());
        conformance.getRestFirstRep().getOperation().forEach(o -> assertThat(o.getDefinition().getReference().getValue())
                .isEqualTo("http://fhir.nhs.net/OperationDefinition/gpconnect-carerecord-operation-1"));
    }

    @Test
    void metadataInXml() {
        Response response = metadata().header("Accept", "application/xml+fhir").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/xml+fhir");
        assertThat(response.dstu2Resource(Conformance.class).getFhirVersion()).isEqualTo("1.0.2");
    }

    @Test
    void metadataIsGzippedWhenAsked() {
        Response response = metadata().header("Accept-Encoding", "gzip").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
    }

    /** FhirBase.feature at 0.7.4: _format over Accept over Content-Type, in every combination it sends. */
    @ParameterizedTest(name = "Content-Type {0}, Accept {1}, _format {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "application/xml+fhir, -, -, application/xml+fhir",
            "application/json+fhir, -, -, application/json+fhir",
            "application/xml+fhir, application/json+fhir, -, application/json+fhir",
            "application/json+fhir, application/xml+fhir, -, application/xml+fhir",
            "application/json+fhir, -, application/json+fhir, application/json+fhir",
            "application/xml+fhir, -, application/json+fhir, application/json+fhir",
            "application/xml+fhir, -, application/xml+fhir, application/xml+fhir",
            "application/json+fhir, -, application/xml+fhir, application/xml+fhir",
            "application/xml+fhir, application/xml+fhir, application/json+fhir, application/json+fhir",
            "application/json+fhir, application/json+fhir, application/xml+fhir, application/xml+fhir",
            "-, -, xml, application/xml+fhir",
            "-, -, -, application/json+fhir",
    })
    void formatNegotiation(String contentType, String accept, String format, String expected) {
        GpcClient.Request request = client.html("GET", HTML_ROOT + "/metadata"
                + (format == null ? "" : "?_format=" + format.replace("+", "%2B")), HTML_METADATA, ORG_READ).header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        Response response = request.send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith(expected);
    }

    /** The 0.7.4 suite: Accept text/xml and _format text/xml are 415; the STU3 names are not 0.x names. */
    @ParameterizedTest
    @ValueSource(strings = {"text/xml", "application/fhir+json", "application/fhir+xml", "application/json"})
    void anAcceptThe0xRootDoesNotSpeakIs415(String accept) {
        assertSpineError0x(metadata().header("Accept", accept).send(), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anUnsupportedFormatParameterIs415() {
        assertSpineError0x(client.html("GET", HTML_ROOT + "/metadata?_format=text/xml", HTML_METADATA, ORG_READ)
                .header("Accept", "application/xml+fhir").send(), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aBodyInAnStu3MediaTypeIs415() {
        assertSpineError0x(client.html("POST", HTML_ROOT + "/Patient/$gpc.getcarerecord", GET_CARE_RECORD, PATIENT_READ)
                .jwt(j -> j.requestedPatient("9690937286"))
                .body("application/fhir+json", "{\"resourceType\":\"Parameters\"}").send(), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void errorsAreDstu2OperationOutcomesInTheNegotiatedFormat() {
        Response json = metadata().header("Ssp-To", "1").send();
        assertSpineError0x(json, 400, "BAD_REQUEST");
        assertThat(Dstu2ProfileCheck.errors("gpconnect-operationoutcome-1", json.body())).isEmpty();
        Response xml = metadata().header("Ssp-To", "1").header("Accept", "application/xml+fhir").send();
        assertThat(xml.header("Content-Type")).startsWith("application/xml+fhir");
        assertSpineError0x(xml, 400, "BAD_REQUEST");
    }

    /** Http.feature at 0.7.4: a wrong path, verb or case fails with an OperationOutcome in JSON. */
    @ParameterizedTest
    @CsvSource({"GET, /metadatas", "PATCH, /metadata", "DELETE, /metadata", "OPTIONS, /metadata", "OPTIONS, /Metadata"})
    void aWrongPathOrVerbIsAnOperationOutcome(String method, String path) {
        Response response = client.html(method, HTML_ROOT + path, HTML_METADATA, ORG_READ).send();
        assertSpineError0x(response, 400, "BAD_REQUEST");
    }

    @Test
    void theStu3RootsAreUnchanged() {
        Response response = client.get(ROOT + "/metadata", org.gpconnect.fhir.interaction.InteractionCatalogue.METADATA, ORG_READ).send();
        assertThat(response.header("Content-Type")).startsWith("application/fhir+json");
        assertSpineError(client.get(ROOT + "/metadata", org.gpconnect.fhir.interaction.InteractionCatalogue.METADATA, ORG_READ)
                .header("Ssp-To", "1").send(), 400, "BAD_REQUEST");
    }

    @Test
    void aFutureIatAndTheUsualTokenAreAccepted() {
        assertThat(metadata().jwt(j -> j.issuedAt(Instant.now().plusSeconds(200))).send().status()).isEqualTo(200);
        assertThat(metadata().jwt(j -> j.issuedAt(Instant.now())).send().status()).isEqualTo(200);
    }

    /** JWT.feature at 0.7.4, each on GET /metadata as the suite sends them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "exp 301 s after iat, 400, BAD_REQUEST",
            "exp 299 s after iat, 400, BAD_REQUEST",
            "exp before iat, 400, BAD_REQUEST",
            "iat 600 s ago, 400, BAD_REQUEST",
            "reason notdirectcare, 400, BAD_REQUEST",
            "aud not the token URL, 400, BAD_REQUEST",
            "aud the service root, 400, BAD_REQUEST",
            "device with an undefined element, 422, INVALID_RESOURCE",
            "organization with an undefined element, 422, INVALID_RESOURCE",
            "organization without ODS code, 400, BAD_REQUEST",
            "organization with the STU3 ODS system, 400, BAD_REQUEST",
            "organization without identifier, 400, BAD_REQUEST",
            "practitioner with an undefined element, 422, INVALID_RESOURCE",
            "practitioner without SDS id, 400, BAD_REQUEST",
            "practitioner with the /Id/ SDS system, 400, BAD_REQUEST",
            "practitioner without identifier, 400, BAD_REQUEST",
            "sub not the practitioner id, 400, BAD_REQUEST",
            "practitioner without name, 400, BAD_REQUEST",
            "practitioner with an STU3 name array, 422, INVALID_RESOURCE",
            "practitioner with an STU3 family string, 422, INVALID_RESOURCE",
            "no iss, 400, BAD_REQUEST",
            "no sub, 400, BAD_REQUEST",
            "no aud, 400, BAD_REQUEST",
            "no exp, 400, BAD_REQUEST",
            "no iat, 400, BAD_REQUEST",
            "no reason_for_request, 400, BAD_REQUEST",
            "no requested_record, 400, BAD_REQUEST",
            "no requested_scope, 400, BAD_REQUEST",
            "no requesting_device, 400, BAD_REQUEST",
            "no requesting_organization, 400, BAD_REQUEST",
            "no requesting_practitioner, 400, BAD_REQUEST",
            "device resourceType InvalidResourceType, 400, BAD_REQUEST",
            "organization resourceType InvalidResourceType, 400, BAD_REQUEST",
            "practitioner resourceType InvalidResourceType, 400, BAD_REQUEST",
            "requested_record a Practitioner, 400, BAD_REQUEST",
            "requested_record patient without NHS number, 400, BAD_REQUEST",
            "scope patient read for metadata, 400, BAD_REQUEST",
    })
    void aTokenThe0xRulesRejectIsRejected(String change, int status, String code) {
        assertSpineError0x(metadata().jwt(jwtChange(change)).send(), status, code);
    }

    @Test
    void aTokenNotBase64EncodedIsRejected() {
        String json = "{\"alg\":\"none\",\"typ\":\"JWT\"}.{\"iss\":\"https://ConsumerSystemURL\"}.";
        assertSpineError0x(metadata().header("Authorization", "Bearer " + json).send(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UNK practitioner", "no role profile and guid", "no practitionerRole", "requested_record a patient"})
    void aTokenThe0xRulesAcceptIsAccepted(String change) {
        Response response = metadata().jwt(jwtChange(change)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"organization/*.read", "encounter/*.read"})
    void theCareRecordNeedsPatientReadScope(String scope) {
        assertSpineError0x(client.html("POST", HTML_ROOT + "/Patient/$gpc.getcarerecord", GET_CARE_RECORD, scope)
                .jwt(j -> j.requestedPatient("9690937286"))
                .body("application/json+fhir", "{\"resourceType\":\"Parameters\"}").send(), 400, "BAD_REQUEST");
    }

    @Test
    void theCareRecordNeedsAPatientAsRequestedRecord() {
        assertSpineError0x(client.html("POST", HTML_ROOT + "/Patient/$gpc.getcarerecord", GET_CARE_RECORD, PATIENT_READ)
                .body("application/json+fhir", "{\"resourceType\":\"Parameters\"}").send(), 400, "BAD_REQUEST");
    }

    @Test
    void anStu3TokenIsRejectedOnThe0xRoot() {
        assertSpineError0x(metadata().header("Authorization",
                ConsumerJwt.forAudience(server.url("/B82617/DSTU2/0")).scope(ORG_READ).bearer()).send(), 400, "BAD_REQUEST");
    }

    @Test
    void a0xTokenIsRejectedOnTheStu3Roots() {
        assertSpineError(client.get(ROOT + "/metadata", org.gpconnect.fhir.interaction.InteractionCatalogue.METADATA, ORG_READ)
                .header("Authorization", ConsumerJwt.dstu2().bearer()).send(), 422, "INVALID_RESOURCE");
    }

    private static UnaryOperator<ConsumerJwt> jwtChange(String change) {
        return switch (change) {
            case "exp 301 s after iat" -> j -> at(j, 301);
            case "exp 299 s after iat" -> j -> at(j, 299);
            case "exp before iat" -> j -> at(j, -1);
            case "iat 600 s ago" -> j -> j.issuedAt(Instant.now().minusSeconds(600));
            case "reason notdirectcare" -> j -> j.reason("notdirectcare");
            case "aud not the token URL" -> j -> j.claim("aud", "https://notValid.fhir.nhs.net/tokenEndpoint");
            case "aud the service root" -> j -> j.claim("aud", "https://provider.nhs.uk/B82617/DSTU2/0/gpconnect");
            case "device with an undefined element" -> j -> j.claim("requesting_device",
                    ConsumerJwt.dstu2RequestingDevice().put("invalidField", "Assurance Testing"));
            case "organization with an undefined element" -> j -> j.claim("requesting_organization",
                    ConsumerJwt.dstu2RequestingOrganization().put("invalidField", "Assurance Testing"));
            case "organization without ODS code" -> j -> j.claim("requesting_organization", withIdentifier(
                    ConsumerJwt.dstu2RequestingOrganization(), "http://fhir.nhs.net/Id/someOtherCodingSystem", "NoOdsCode"));
            case "organization with the STU3 ODS system" -> j -> j.claim("requesting_organization", withIdentifier(
                    ConsumerJwt.dstu2RequestingOrganization(), "https://fhir.nhs.uk/Id/ods-organization-code", "A11111"));
            case "organization without identifier" -> j -> j.claim("requesting_organization", without(
                    ConsumerJwt.dstu2RequestingOrganization(), "identifier"));
            case "practitioner with an undefined element" -> j -> j.claim("requesting_practitioner",
                    ConsumerJwt.dstu2RequestingPractitioner().put("invalidField", "Assurance Testing"));
            case "practitioner without SDS id" -> j -> j.claim("requesting_practitioner", withIdentifier(
                    ConsumerJwt.dstu2RequestingPractitioner(), "http://IdentifierServer/RandomId", "ABC123"));
            case "practitioner with the /Id/ SDS system" -> j -> j.claim("requesting_practitioner", withIdentifier(
                    ConsumerJwt.dstu2RequestingPractitioner(), "http://fhir.nhs.net/Id/sds-user-id", "G13579135"));
            case "practitioner without identifier" -> j -> j.claim("requesting_practitioner", without(
                    ConsumerJwt.dstu2RequestingPractitioner(), "identifier"));
            case "sub not the practitioner id" -> j -> j.claim("sub", "2");
            case "practitioner without name" -> j -> j.claim("requesting_practitioner", without(
                    ConsumerJwt.dstu2RequestingPractitioner(), "name"));
            case "practitioner with an STU3 name array" -> j -> {
                ObjectNode practitioner = ConsumerJwt.dstu2RequestingPractitioner();
                practitioner.putArray("name").addObject().put("family", "Demonstrator");
                return j.claim("requesting_practitioner", practitioner);
            };
            case "practitioner with an STU3 family string" -> j -> {
                ObjectNode practitioner = ConsumerJwt.dstu2RequestingPractitioner();
                practitioner.putObject("name").put("family", "Demonstrator");
                return j.claim("requesting_practitioner", practitioner);
            };
            case "no iss", "no sub", "no aud", "no exp", "no iat", "no reason_for_request", "no requested_record",
                 "no requested_scope", "no requesting_device", "no requesting_organization", "no requesting_practitioner" ->
                    j -> j.claim(change.substring(3), null);
            case "device resourceType InvalidResourceType" -> j -> j.claim("requesting_device",
                    ConsumerJwt.dstu2RequestingDevice().put("resourceType", "InvalidResourceType"));
            case "organization resourceType InvalidResourceType" -> j -> j.claim("requesting_organization",
                    ConsumerJwt.dstu2RequestingOrganization().put("resourceType", "InvalidResourceType"));
            case "practitioner resourceType InvalidResourceType" -> j -> j.claim("requesting_practitioner",
                    ConsumerJwt.dstu2RequestingPractitioner().put("resourceType", "InvalidResourceType"));
            case "requested_record a Practitioner" -> j -> j.claim("requested_record", ConsumerJwt.dstu2RequestingPractitioner());
            case "requested_record patient without NHS number" -> j -> j.requestedPatient("9690937286").claim("requested_record",
                    withIdentifier(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("resourceType", "Patient"),
                            "https://fhir.nhs.uk/Id/nhs-number", "9690937286"));
            case "scope patient read for metadata" -> j -> j.scope(PATIENT_READ);
            case "UNK practitioner" -> j -> j.claim("requesting_practitioner", withIdentifier(
                    ConsumerJwt.dstu2RequestingPractitioner(), "http://fhir.nhs.net/sds-user-id", "UNK"));
            case "no role profile and guid" -> j -> j.claim("requesting_practitioner", without(withIdentifier(
                    ConsumerJwt.dstu2RequestingPractitioner(), "http://fhir.nhs.net/sds-user-id", "GCASDS0001"), "practitionerRole"));
            case "no practitionerRole" -> j -> j.claim("requesting_practitioner", without(
                    ConsumerJwt.dstu2RequestingPractitioner(), "practitionerRole"));
            case "requested_record a patient" -> j -> j.requestedPatient("9690937286");
            default -> throw new IllegalArgumentException(change);
        };
    }

    private static ConsumerJwt at(ConsumerJwt jwt, long lifetime) {
        Instant now = Instant.now();
        return jwt.issuedAt(now).expiresAt(now.plusSeconds(lifetime));
    }

    private static ObjectNode withIdentifier(ObjectNode resource, String system, String value) {
        resource.putArray("identifier").addObject().put("system", system).put("value", value);
        return resource;
    }

    private static ObjectNode without(ObjectNode resource, String element) {
        resource.remove(element);
        return resource;
    }
}
