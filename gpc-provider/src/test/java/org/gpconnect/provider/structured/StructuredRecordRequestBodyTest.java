package org.gpconnect.provider.structured;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The raw body of get and migrate structured record, up to the point StructuredRecordRequest takes over. */
class StructuredRecordRequestBodyTest {
    private static final FhirContext FHIR = FhirContext.forDstu3Cached();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String NHS_NUMBER = "{\"name\":\"patientNHSNumber\",\"valueIdentifier\":"
            + "{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9000000009\"}}";

    static String body(String... parameters) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[" + String.join(",", parameters) + "]}";
    }

    static void rejects(String body, String contentType, SpineErrorCode code, String diagnostics) {
        assertThatThrownBy(() -> StructuredRecordRequest.parse(StructuredRecordParameters.read(FHIR, body, contentType), TODAY))
                .isInstanceOfSatisfying(SpineException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getStatusCode()).isEqualTo(code.httpStatus());
                    assertThat(e.diagnostics()).contains(diagnostics);
                });
    }

    @Test
    void theSpecsPredefinedSearchReadsFromJson() {
        String body = body(NHS_NUMBER,
                "{\"name\":\"includeConsultations\",\"part\":[{\"name\":\"includeNumberOfMostRecent\",\"valuePositiveInt\":3}]}",
                "{\"name\":\"includeProblems\"}",
                "{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\",\"valueBoolean\":true}]}",
                "{\"name\":\"includeMedication\",\"part\":[{\"name\":\"medicationSearchFromDate\",\"valueDate\":\""
                        + TODAY.minusDays(365) + "\"}]}");
        StructuredRecordRequest request = StructuredRecordRequest.parse(
                StructuredRecordParameters.read(FHIR, body, "application/fhir+json;charset=utf-8"), TODAY);
        assertThat(request.consultations().orElseThrow().numberOfMostRecent()).contains(3);
        assertThat(request.problems()).isPresent();
    }

    @Test
    void xmlBodiesReadToo() {
        String xml = "<Parameters xmlns=\"http://hl7.org/fhir\"><parameter><name value=\"patientNHSNumber\"/>"
                + "<valueIdentifier><system value=\"https://fhir.nhs.uk/Id/nhs-number\"/><value value=\"9000000009\"/></valueIdentifier>"
                + "</parameter><parameter><name value=\"includeImmunisations\"/><part><name value=\"includeNotGiven\"/>"
                + "<valueBoolean value=\"true\"/></part></parameter></Parameters>";
        assertThat(StructuredRecordRequest.parse(StructuredRecordParameters.read(FHIR, xml, "application/fhir+xml"), TODAY)
                .immunisations().orElseThrow().includeNotGiven()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X2014", "2019-02-30", "null"})
    void anInvalidDateIsAnInvalidParameterNamingIt(String date) {
        rejects(body(NHS_NUMBER, "{\"name\":\"includeMedication\",\"part\":[{\"name\":\"medicationSearchFromDate\",\"valueDate\":\""
                + date + "\"}]}"), null, SpineErrorCode.INVALID_PARAMETER, "includeMedication.medicationSearchFromDate");
    }

    @Test
    void anInvalidPeriodBoundIsAnInvalidParameterNamingIt() {
        rejects(body(NHS_NUMBER, "{\"name\":\"includeReferrals\",\"part\":[{\"name\":\"referralSearchPeriod\",\"valuePeriod\":"
                + "{\"start\":\"X2014\",\"end\":\"2015-01-01\"}}]}"), null, SpineErrorCode.INVALID_PARAMETER,
                "includeReferrals.referralSearchPeriod.start");
    }

    @Test
    void anInvalidBooleanIsAnInvalidParameterNamingIt() {
        rejects(body(NHS_NUMBER, "{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\",\"valueBoolean\":\"yes\"}]}"),
                null, SpineErrorCode.INVALID_PARAMETER, "includeAllergies.includeResolvedAllergies");
    }

    @Test
    void aBodyThatIsNotWellFormedIsABadRequest() {
        rejects("{\"resourceType\":\"Parameters\",", null, SpineErrorCode.BAD_REQUEST, "not well-formed JSON");
        rejects("<Parameters xmlns=\"http://hl7.org/fhir\">", "application/fhir+xml", SpineErrorCode.BAD_REQUEST, "not well-formed XML");
    }

    @Test
    void noBodyIsABadRequest() {
        rejects("", null, SpineErrorCode.BAD_REQUEST, "no body");
    }

    @Test
    void anUnknownElementIsAnInvalidResource() {
        rejects(body(NHS_NUMBER, "{\"name\":\"includeProblems\",\"colour\":\"blue\"}"), null, SpineErrorCode.INVALID_RESOURCE, "colour");
    }

    @Test
    void anotherResourceIsAnInvalidResource() {
        rejects("{\"resourceType\":\"Patient\"}", null, SpineErrorCode.INVALID_RESOURCE, "Parameters");
    }
}
