package org.gpconnect.provider.html;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.dstu2.composite.ResourceReferenceDt;
import ca.uhn.fhir.model.dstu2.resource.Bundle;
import ca.uhn.fhir.model.dstu2.resource.Composition;
import ca.uhn.fhir.model.dstu2.resource.Device;
import ca.uhn.fhir.model.dstu2.resource.Organization;
import ca.uhn.fhir.model.dstu2.resource.Patient;
import ca.uhn.fhir.model.dstu2.resource.Practitioner;
import ca.uhn.fhir.model.api.IResource;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $gpc.getcarerecord} over HTTP as the 0.7.4 test suite (AccessRecord.feature) and a consumer
 * see it: each section for the test patients, the Bundle's shape, and every request and patient error.
 */
public abstract class CareRecordApiTest extends ApiTest {
    static final String OPERATION = HTML_ROOT + "/Patient/$gpc.getcarerecord";
    static final FhirContext DSTU2 = FhirContext.forDstu2Cached();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PATIENT_1 = "9690937278";
    static final String PATIENT_2 = "9690937286";
    static final String PATIENT_3 = "9690937294";
    static final Set<RecordSection> VIEWED = Set.of(RecordSection.SUM, RecordSection.ENC, RecordSection.CLI, RecordSection.PRB,
            RecordSection.ALL, RecordSection.MED, RecordSection.REF, RecordSection.OBS, RecordSection.IMM, RecordSection.ADM);

    /** A body as the suite builds it: NHS number, section, optional period bounds, in that order. */
    static String body(String nhsNumber, String section, String start, String end) {
        StringBuilder body = new StringBuilder("{\"resourceType\":\"Parameters\",\"parameter\":[");
        body.append(nhsParameter("patientNHSNumber", org.gpconnect.fhir.jwt.JwtClaims.DSTU2_NHS_NUMBER, nhsNumber)).append(',');
        body.append(sectionParameter("recordSection", RecordSection.SYSTEM, section));
        if (start != null || end != null) {
            body.append(",{\"name\":\"timePeriod\",\"valuePeriod\":{");
            if (start != null) {
                body.append("\"start\":\"").append(start).append('"');
            }
            if (end != null) {
                body.append(start != null ? "," : "").append("\"end\":\"").append(end).append('"');
            }
            body.append("}}");
        }
        return body.append("]}").toString();
    }

    static String nhsParameter(String name, String system, String value) {
        return "{\"name\":\"" + name + "\",\"valueIdentifier\":{\"system\":\"" + system + "\",\"value\":\"" + value + "\"}}";
    }

    static String sectionParameter(String name, String system, String code) {
        return "{\"name\":\"" + name + "\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}}";
    }

    static String parameters(String... parameters) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[" + String.join(",", parameters) + "]}";
    }

    /** A request whose JWT names patient 2 as the requested record. */
    GpcClient.Request careRecord(String body) {
        return careRecord(PATIENT_2, body);
    }

    GpcClient.Request careRecord(String requestedPatient, String body) {
        return careRecord(client, requestedPatient, body);
    }

    /** A care record request whose JWT names this patient as its requested record. */
    static GpcClient.Request careRecord(GpcClient client, String requestedPatient, String body) {
        return client.html("POST", OPERATION, InteractionCatalogue.GET_CARE_RECORD, PATIENT_READ)
                .jwt(jwt -> jwt.requestedPatient(requestedPatient)).body("application/json+fhir", body);
    }

    Response section(String nhsNumber, RecordSection section) {
        return careRecord(nhsNumber, body(nhsNumber, section.name(), null, null)).send();
    }

    static Bundle bundle(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json+fhir");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        var parser = DSTU2.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(Bundle.class, response.body());
    }

    /** A 0.x OperationOutcome; where the suite names no code, any Spine code the status allows. */
    static void assertError(Response response, int status, String code) {
        if (code != null) {
            assertSpineError0x(response, status, code);
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(status);
            assertSpineError0x(response, status, response.spineError0x().getCode());
        }
    }

    static String div(Bundle bundle) {
        Composition composition = (Composition) bundle.getEntry().get(0).getResource();
        return composition.getSection().get(0).getText().getDivAsString();
    }

    @ParameterizedTest
    @EnumSource(value = RecordSection.class, names = {"SUM", "ENC", "CLI", "PRB", "ALL", "MED", "REF", "OBS", "IMM", "ADM"})
    void everySectionOfPatient2IsABundleWithTheCompositionFirst(RecordSection section) {
        Bundle bundle = bundle(section(PATIENT_2, section));
        assertThat(bundle.getType()).isEqualTo("searchset");
        assertThat(bundle.getEntry().get(0).getResource()).isInstanceOf(Composition.class);
        assertThat(bundle.getEntry().stream().filter(e -> e.getResource() instanceof Composition)).hasSize(1);
        assertThat(bundle.getEntry().stream().filter(e -> e.getResource() instanceof Patient)).hasSize(1);
        Composition composition = (Composition) bundle.getEntry().get(0).getResource();
        assertThat(composition.getTitle()).isEqualTo("Patient Care Record");
        assertThat(composition.getStatus()).isEqualTo("final");
        assertThat(composition.getDate()).isNotNull();
        assertThat(composition.getType().getCodingFirstRep().getCode()).isEqualTo("425173008");
        assertThat(composition.getType().getCodingFirstRep().getDisplay()).isEqualTo("record extract (record artifact)");
        assertThat(composition.getClassElement().getCodingFirstRep().getCode()).isEqualTo("700232004");
        assertThat(composition.getSection()).hasSize(1);
        var sectionElement = composition.getSection().get(0);
        assertThat(sectionElement.getTitle()).isEqualTo(section.display());
        assertThat(sectionElement.getCode().getCodingFirstRep().getSystem()).isEqualTo(RecordSection.SYSTEM);
        assertThat(sectionElement.getCode().getCodingFirstRep().getCode()).isEqualTo(section.name());
        assertThat(sectionElement.getCode().getCodingFirstRep().getDisplay()).isEqualTo(section.display());
        assertThat(sectionElement.getCode().getText()).isEqualTo(section.display());
        assertThat(sectionElement.getText().getStatusElement().getValueAsString()).isEqualTo("generated");
        assertThat(div(bundle)).contains("<h1>" + section.heading() + "</h1>");
        assertWellFormed(div(bundle));
    }

    @Test
    void referencesAreToEntriesByFullUrlAndEveryResourceNamesItsProfile() {
        Bundle bundle = bundle(section(PATIENT_2, RecordSection.SUM));
        Set<String> fullUrls = bundle.getEntry().stream().map(e -> e.getFullUrl()).collect(Collectors.toSet());
        Composition composition = (Composition) bundle.getEntry().get(0).getResource();
        Patient patient = resource(bundle, Patient.class);
        List<ResourceReferenceDt> references = new java.util.ArrayList<>(List.of(composition.getSubject(), composition.getCustodian(),
                composition.getAuthor().get(0), patient.getManagingOrganization()));
        references.addAll(patient.getCareProvider());
        Practitioner gp = resource(bundle, Practitioner.class);
        gp.getPractitionerRole().forEach(role -> references.add(role.getManagingOrganization()));
        for (ResourceReferenceDt reference : references) {
            assertThat(fullUrls).contains(reference.getReference().getValue());
        }
        assertThat(patient.getCareProvider()).hasSize(1);
        for (var entry : bundle.getEntry()) {
            IResource resource = entry.getResource();
            assertThat(ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.PROFILES.get(resource)).as(entry.getFullUrl()).isNotEmpty();
            assertThat(entry.getFullUrl()).startsWith(server.url(HTML_ROOT) + "/").endsWith("/" + resource.getIdElement().getIdPart());
            if (!(resource instanceof Composition)) {
                assertThat(resource.getIdElement().getVersionIdPart()).as(entry.getFullUrl()).isNotBlank();
            }
        }
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("http://fhir.nhs.net/Id/nhs-number");
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(PATIENT_2);
        assertThat(patient.getNameFirstRep().getFamilyAsSingleString()).isEqualTo("Ellison");
        assertThat(patient.getBirthDate()).isNotNull();
        assertThat(patient.getPhoto()).isEmpty();
        assertThat(patient.getLink()).isEmpty();
        assertThat(gp.getIdentifier()).anyMatch(id -> "http://fhir.nhs.net/Id/sds-user-id".equals(id.getSystem()));
        assertThat(gp.getPractitionerRole().get(0).getRole().getCodingFirstRep().getSystem())
                .isEqualTo("http://fhir.nhs.net/ValueSet/sds-job-role-name-1");
        Organization practice = resource(bundle, Organization.class);
        assertThat(practice.getIdentifierFirstRep().getSystem()).isEqualTo("http://fhir.nhs.net/Id/ods-organization-code");
        assertThat(practice.getIdentifierFirstRep().getValue()).isEqualTo("B82617");
        Device device = resource(bundle, Device.class);
        assertThat(device.getType().getCodingFirstRep().getCode()).isEqualTo("462240000");
        assertThat(device.getType().getCodingFirstRep().getDisplay()).isEqualTo("Patient health record information system (physical object)");
    }

    /**
     * Each resource against its 0.7.2 profile's differential (cardinalities, fixed values, meta.profile).
     * The Composition's profile is made of section slices, which the check cannot follow: its fixed
     * values are asserted one by one above.
     */
    @ParameterizedTest
    @ValueSource(strings = {"SUM", "MED"})
    void theBundleAndItsResourcesKeepTheirProfiles(String section) throws java.io.IOException {
        JsonNode bundle = JSON.readTree(section(PATIENT_2, RecordSection.valueOf(section)).body());
        assertThat(org.gpconnect.provider.support.Dstu2ProfileCheck.errors("gpconnect-searchset-bundle-1", bundle.toString())).isEmpty();
        java.util.Map<String, String> profiles = java.util.Map.of("Patient", "gpconnect-patient-1", "Practitioner", "gpconnect-practitioner-1",
                "Organization", "gpconnect-organization-1", "Device", "gpconnect-device-1");
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            String profile = profiles.get(resource.path("resourceType").asText());
            if (profile == null) {
                assertThat(resource.path("resourceType").asText()).isEqualTo("Composition");
                continue;
            }
            assertThat(org.gpconnect.provider.support.Dstu2ProfileCheck.errors(profile, resource.toString()))
                    .as(entry.path("fullUrl").asText()).isEmpty();
        }
    }

    @Test
    void xmlIsTheSameBundle() {
        Response response = careRecord(body(PATIENT_2, "ALL", null, null)).header("Accept", "application/xml+fhir").send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/xml+fhir");
        var parser = DSTU2.newXmlParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        Bundle bundle = parser.parseResource(Bundle.class, response.body());
        assertThat(bundle.getEntry().get(0).getResource()).isInstanceOf(Composition.class);
        assertThat(div(bundle)).contains("Allergies and Adverse Reactions");
    }

    @Test
    void theSuitesParameterOrderDoesNotMatter() {
        String reversed = parameters("{\"name\":\"timePeriod\",\"valuePeriod\":{\"start\":\"2014\",\"end\":\"2016\"}}",
                sectionParameter("recordSection", RecordSection.SYSTEM, "ENC"),
                nhsParameter("patientNHSNumber", org.gpconnect.fhir.jwt.JwtClaims.DSTU2_NHS_NUMBER, PATIENT_2));
        assertThat(bundle(careRecord(reversed).send()).getEntry()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({"ADM, 2014, 2016", "ADM, 2014-10-05, 2016-08", "ADM, 2015-10-23T11:08:32+00:00, 2016-12-08T23:59:59+00:00",
            "CLI, 2014-02, 2016", "ENC, 2015-05, 2017-01-27", "REF, 2014, 2016-06-01", "MED, 2014-05, 2016-09-14",
            "OBS, 2015-10-23T11:08:32+00:00, 2016-12-08T23:59:59+00:00", "PRB, 2014-02, 2016", "ENC, 2012,", "ENC, , 2016",
            "ENC, 2016-03-01T00:00:00Z, 2016-03-01"})
    void timePeriodsInEveryAcceptedFormat(String section, String start, String end) {
        assertThat(div(bundle(careRecord(body(PATIENT_2, section, start, end)).send()))).startsWith("<div");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALL", "IMM", "SUM"})
    void aTimePeriodForASectionWithoutDateFiltersIsABadRequest(String section) {
        assertError(careRecord(body(PATIENT_2, section, "2014", "2016")).send(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({"abcd, 2016", "2014, abcd", "2016, 2014", "2015-10-23T11:08:32, 2016-12-08T23:59:59", "2014-02-30, 2016",
            "2016-05-02, 2016-05-01"})
    void anInvalidTimePeriodIsAnInvalidParameter(String start, String end) {
        assertError(careRecord(body(PATIENT_2, "ENC", start, end)).send(), 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENC", "CLI", "PRB", "MED", "REF", "OBS", "ADM"})
    void anEmptyTimePeriodIsAnInvalidParameter(String section) {
        assertError(careRecord(body(PATIENT_2, section, "", "")).send(), 422, "INVALID_PARAMETER");
        assertError(careRecord(parameters(nhsParameter("patientNHSNumber", org.gpconnect.fhir.jwt.JwtClaims.DSTU2_NHS_NUMBER, PATIENT_2),
                sectionParameter("recordSection", RecordSection.SYSTEM, section), "{\"name\":\"timePeriod\",\"valuePeriod\":{}}")).send(),
                422, "INVALID_PARAMETER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZZZ", "", "sum", "Sum", "sUm", "adm", "Enc", "INVALID"})
    void aSectionOutsideTheValueSetIsAnInvalidParameter(String code) {
        assertError(careRecord(body(PATIENT_2, code, null, null)).send(), 422, "INVALID_PARAMETER");
    }

    @Test
    void theJwtMustRequestTheRecordOfThePatientAskedFor() {
        assertError(careRecord(PATIENT_3, body(PATIENT_2, "SUM", null, null)).send(), 400, "BAD_REQUEST");
    }

    @Test
    void theValueSetsOtherSectionsAreAnsweredAsNotSupported() {
        for (String code : List.of("INV", "PAT")) {
            String div = div(bundle(careRecord(body(PATIENT_2, code, null, null)).send()));
            assertThat(div).contains("data is not supported by this system");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty body||400|",
            "no record section|PARAMS:NHS|400|",
            "no NHS number|PARAMS:SUM|400|",
            "two sections|PARAMS:NHS,SUM,ALL|400|",
            "the same section twice|PARAMS:NHS,SUM,SUM|400|",
            "two NHS numbers|PARAMS:NHS,NHS3,SUM|400|",
            "the same NHS number twice|PARAMS:NHS,NHS,SUM|400|",
            "section as a string|PARAMS:NHS,SUMSTRING|400|",
            "NHS number as a string|PARAMS:NHSSTRING,SUM|400|",
            "section of another system|PARAMS:NHS,SUMOTHERSYSTEM|400|",
            "section without a system|PARAMS:NHS,SUMNOSYSTEM|422|INVALID_PARAMETER",
            "invalid NHS number|PARAMS:NHSINVALID,SUM|400|INVALID_NHS_NUMBER",
            "empty NHS number|PARAMS:NHSEMPTY,SUM|400|INVALID_NHS_NUMBER",
            "NHS number of another system|PARAMS:NHSOTHERSYSTEM,SUM|400|INVALID_IDENTIFIER_SYSTEM",
            "NHS number without a system|PARAMS:NHSNOSYSTEM,SUM|400|INVALID_IDENTIFIER_SYSTEM",
            "not a Parameters|{\"resourceType\":\"Patient\",\"id\":\"2\"}|422|INVALID_RESOURCE",
            "not JSON|{\"resourceType\":|400|BAD_REQUEST"})
    void requestErrorsAreAnsweredAsTheSuiteExpects(String what, String body, int status, String code) {
        assertError(careRecord(body == null ? "" : expand(body)).send(), status, code);
    }

    @ParameterizedTest
    @CsvSource({"patientNHSNumber, patientsNHSNumber", "patientNHSNumber, patientnhsnumber", "patientNHSNumber, PATIENTNHSNUMBER",
            "recordSection, recordSections", "recordSection, RecordSection", "recordSection, RECORDSECTION",
            "timePeriod, time", "timePeriod, TimePeriod", "timePeriod, TIMEPERIOD"})
    void parameterNamesAreExactAndCaseSensitive(String name, String wrong) {
        String body = body(PATIENT_2, "ENC", "2014", "2016").replace("\"" + name + "\"", "\"" + wrong + "\"");
        assertError(careRecord(body).send(), 422, "INVALID_PARAMETER");
    }

    private static String expand(String template) {
        if (!template.startsWith("PARAMS:")) {
            return template;
        }
        String nhs = org.gpconnect.fhir.jwt.JwtClaims.DSTU2_NHS_NUMBER;
        String sections = RecordSection.SYSTEM;
        List<String> parameters = new java.util.ArrayList<>();
        for (String part : template.substring("PARAMS:".length()).split(",")) {
            parameters.add(switch (part) {
                case "NHS" -> nhsParameter("patientNHSNumber", nhs, PATIENT_2);
                case "NHS3" -> nhsParameter("patientNHSNumber", nhs, PATIENT_3);
                case "NHSINVALID" -> nhsParameter("patientNHSNumber", nhs, "1234567891");
                case "NHSEMPTY" -> nhsParameter("patientNHSNumber", nhs, "");
                case "NHSOTHERSYSTEM" -> nhsParameter("patientNHSNumber", "http://GPConnectTest.nhs.net/Id/identifierSystem", PATIENT_2);
                case "NHSNOSYSTEM" -> nhsParameter("patientNHSNumber", "", PATIENT_2);
                case "NHSSTRING" -> "{\"name\":\"patientNHSNumber\",\"valueString\":\"" + PATIENT_2 + "\"}";
                case "SUMSTRING" -> "{\"name\":\"recordSection\",\"valueString\":\"SUM\"}";
                case "SUMOTHERSYSTEM" -> sectionParameter("recordSection", "http://GPConnectTest.nhs.net/ValueSet/record-section", "SUM");
                case "SUMNOSYSTEM" -> sectionParameter("recordSection", "", "SUM");
                default -> sectionParameter("recordSection", sections, part);
            });
        }
        return parameters(parameters.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"not in the system, 9999999999", "sensitive patient9, 9690938533", "not on the spine patient14, 9476718943",
            "inactive patient21, 9690938142"})
    void patientsWhoseRecordCannotBeSharedAreNotFound(String who, String nhsNumber) {
        for (RecordSection section : VIEWED) {
            assertError(section(nhsNumber, section), 404, "PATIENT_NOT_FOUND");
        }
    }

    @Test
    void aPatientWhoDissentedIsRefused() {
        for (RecordSection section : VIEWED) {
            assertError(section("9690938576", section), 403, "NO_PATIENT_CONSENT");
        }
    }

    @Test
    void aPatientWhoDiedWithinTheAccessPeriodIsShownWithTheirDateOfDeath() {
        for (RecordSection section : VIEWED) {
            Patient patient = resource(bundle(section("9690938681", section)), Patient.class);
            Instant died = ((ca.uhn.fhir.model.primitive.DateTimeDt) patient.getDeceased()).getValue().toInstant();
            assertThat(died).isAfter(Instant.now().minus(28, ChronoUnit.DAYS)).isBefore(Instant.now());
        }
    }

    @Test
    void aRecordInTransitIsShown() {
        assertThat(bundle(section("9690938096", RecordSection.ALL)).getEntry()).isNotEmpty();
    }

    @Test
    void aPatientWithLittleDataGetsEverySection() {
        for (RecordSection section : VIEWED) {
            assertWellFormed(div(bundle(section(PATIENT_1, section))));
        }
    }

    /**
     * The structured record and the HTML view of one patient list the same allergies, medications and
     * problems: the same items by name, and one table row per item.
     */
    @ParameterizedTest
    @ValueSource(strings = {PATIENT_2, PATIENT_3, "9690938118", "9690938126", "9690937391"})
    void theStructuredAndHtmlViewsListTheSameAllergiesMedicationsAndProblems(String nhsNumber) {
        org.hl7.fhir.dstu3.model.Bundle structured = structuredRecord(nhsNumber);
        // ended allergies come contained in their List
        List<org.hl7.fhir.dstu3.model.Resource> resources = structured.getEntry().stream()
                .map(org.hl7.fhir.dstu3.model.Bundle.BundleEntryComponent::getResource)
                .flatMap(r -> r instanceof org.hl7.fhir.dstu3.model.ListResource list
                        ? java.util.stream.Stream.concat(java.util.stream.Stream.of(r), list.getContained().stream())
                        : java.util.stream.Stream.of(r))
                .toList();

        List<String> allergies = resources.stream().filter(r -> r instanceof org.hl7.fhir.dstu3.model.AllergyIntolerance)
                .map(r -> term(((org.hl7.fhir.dstu3.model.AllergyIntolerance) r).getCode())).toList();
        org.w3c.dom.Document all = xhtml(div(bundle(section(nhsNumber, RecordSection.ALL))));
        assertThat(rows(all, "all-tab-curr") + rows(all, "all-tab-hist")).as("allergy rows").isEqualTo(allergies.size());
        assertThat(allergies).allSatisfy(term -> assertThat(all.getDocumentElement().getTextContent()).contains(term));

        List<String> problems = resources.stream().filter(r -> r instanceof org.hl7.fhir.dstu3.model.Condition)
                .map(r -> term(((org.hl7.fhir.dstu3.model.Condition) r).getCode())).toList();
        org.w3c.dom.Document prb = xhtml(div(bundle(section(nhsNumber, RecordSection.PRB))));
        assertThat(rows(prb, "prb-tab-act") + rows(prb, "prb-tab-majinact") + rows(prb, "prb-tab-othinact")).as("problem rows")
                .isEqualTo(problems.size());
        assertThat(problems).allSatisfy(term -> assertThat(prb.getDocumentElement().getTextContent()).contains(term));

        java.util.Map<String, String> medicationNames = resources.stream().filter(r -> r instanceof org.hl7.fhir.dstu3.model.Medication)
                .map(r -> (org.hl7.fhir.dstu3.model.Medication) r)
                .collect(Collectors.toMap(m -> "Medication/" + m.getIdElement().getIdPart(), m -> term(m.getCode())));
        List<String> medications = resources.stream().filter(r -> r instanceof org.hl7.fhir.dstu3.model.MedicationStatement)
                .map(r -> medicationNames.get(((org.hl7.fhir.dstu3.model.MedicationStatement) r).getMedicationReference().getReference()))
                .toList();
        org.w3c.dom.Document med = xhtml(div(bundle(section(nhsNumber, RecordSection.MED))));
        assertThat(rows(med, "med-tab-all-sum") - groupRows(med, "med-tab-all-sum")).as("medication rows").isEqualTo(medications.size());
        assertThat(medications).allSatisfy(term -> assertThat(med.getDocumentElement().getTextContent()).contains(term));
    }

    org.hl7.fhir.dstu3.model.Bundle structuredRecord(String nhsNumber) {
        String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"patientNHSNumber\",\"valueIdentifier\":"
                + "{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"" + nhsNumber + "\"}},"
                + "{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\",\"valueBoolean\":true}]},"
                + "{\"name\":\"includeMedication\"},{\"name\":\"includeProblems\"}]}";
        Response response = client.request("POST", "/B82617/STU3/1/gpconnect/structured/Patient/$gpc.getstructuredrecord",
                InteractionCatalogue.GET_STRUCTURED_RECORD, PATIENT_READ).body("application/fhir+json", body).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.resource(org.hl7.fhir.dstu3.model.Bundle.class);
    }

    private static String term(org.hl7.fhir.dstu3.model.CodeableConcept code) {
        return code.hasText() ? code.getText() : code.getCodingFirstRep().getDisplay();
    }

    static org.w3c.dom.Document xhtml(String div) {
        assertWellFormed(div);
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(div.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Body rows of the table with this id; 0 where the table was replaced by a "no data" fragment. */
    static int rows(org.w3c.dom.Document html, String tableId) {
        org.w3c.dom.NodeList tables = html.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            org.w3c.dom.Element table = (org.w3c.dom.Element) tables.item(i);
            if (tableId.equals(table.getAttribute("id"))) {
                return ((org.w3c.dom.Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr").getLength();
            }
        }
        return 0;
    }

    /** Rows that head a group (All Medication: one per medication item, a cell of class med-item-column). */
    static int groupRows(org.w3c.dom.Document html, String tableId) {
        int groups = 0;
        org.w3c.dom.NodeList cells = html.getElementsByTagName("td");
        for (int i = 0; i < cells.getLength(); i++) {
            org.w3c.dom.Element cell = (org.w3c.dom.Element) cells.item(i);
            org.w3c.dom.Node table = cell.getParentNode().getParentNode().getParentNode();
            if (cell.getAttribute("class").contains("med-item-column") && tableId.equals(((org.w3c.dom.Element) table).getAttribute("id"))) {
                groups++;
            }
        }
        return groups;
    }

    static <T extends IResource> T resource(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.Entry::getResource).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in the Bundle"));
    }

    static void assertWellFormed(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XHTML: " + e.getMessage() + "\n" + xhtml, e);
        }
    }
}
