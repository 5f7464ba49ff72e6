package org.gpconnect.provider.structured;

import org.gpconnect.fhir.interaction.Capability;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.Response;
import org.gpconnect.store.GpRecordStore;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.GET_STRUCTURED_RECORD;

/** Get and migrate structured record over HTTP: every area, documents, switches, confidentiality, the patient rules. */
public abstract class StructuredRecordApiTest extends ApiTest {
    static final String STRUCTURED = "/B82617/STU3/1/gpconnect/structured/Patient/$gpc.getstructuredrecord";

    static String parameters(String nhsNumber, String... parts) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"patientNHSNumber\",\"valueIdentifier\":"
                + "{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"" + nhsNumber + "\"}}"
                + (parts.length == 0 ? "" : "," + String.join(",", parts)) + "]}";
    }

    static final String ALLERGIES_WITH_RESOLVED = "{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\",\"valueBoolean\":true}]}";

    GpcClient.Request structured(String body) {
        return client.request("POST", STRUCTURED, GET_STRUCTURED_RECORD, PATIENT_READ).body("application/fhir+json", body);
    }

    static List<ListResource> lists(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof ListResource).map(r -> (ListResource) r).toList();
    }

    @Test
    void patient2sAllergiesComeAsTheProfiledCollection() {
        GpcClient.Request request = structured(parameters("9690937286", ALLERGIES_WITH_RESOLVED));
        Response response = request.send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        Bundle bundle = response.resource(Bundle.class);
        assertThat(bundle.getIdElement().getIdPart()).isEqualTo(request.traceId());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).noneMatch(Bundle.BundleEntryComponent::hasFullUrl);
        assertThat(lists(bundle)).extracting(ListResource::getTitle).containsExactly("Allergies and adverse reactions", "Ended allergies");
        assertThat(lists(bundle).get(0).getEntry()).isNotEmpty();
        assertThat(lists(bundle).get(1).getContained()).isNotEmpty();
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Patient", "Organization", "Practitioner");
        assertConformant(bundle);
    }

    @Test
    void immunisationsReferralsAndDiaryEntriesOfPatient2() {
        Response response = structured(parameters("9690937286", "{\"name\":\"includeImmunisations\"}",
                "{\"name\":\"includeReferrals\"}", "{\"name\":\"includeDiaryEntries\"}")).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        assertThat(lists(bundle)).extracting(ListResource::getTitle)
                .containsExactly("Immunisations", "Outbound referral", "Patient recall administration");
        assertThat(lists(bundle)).allSatisfy(list -> assertThat(list.getEntry()).isNotEmpty());
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("Immunization", "ReferralRequest", "ProcedureRequest");
        assertConformant(bundle);
    }

    static final String EVERY_AREA = String.join(",", ALLERGIES_WITH_RESOLVED, "{\"name\":\"includeMedication\"}",
            "{\"name\":\"includeConsultations\"}", "{\"name\":\"includeProblems\"}", "{\"name\":\"includeImmunisations\"}",
            "{\"name\":\"includeUncategorisedData\"}", "{\"name\":\"includeInvestigations\"}", "{\"name\":\"includeReferrals\"}",
            "{\"name\":\"includeDiaryEntries\"}");

    static String immunisations(String statusPart) {
        return "{\"name\":\"includeImmunisations\"" + (statusPart == null ? "" : ",\"part\":[{\"name\":\"includeStatus\",\"valueBoolean\":" + statusPart + "}]") + "}";
    }

    static ListResource list(Bundle bundle, String title) {
        return lists(bundle).stream().filter(l -> l.getTitle().equals(title)).findFirst().orElseThrow(() -> new AssertionError("no List " + title));
    }

    static List<String> items(ListResource list) {
        return list.getEntry().stream().map(e -> e.getItem().getReference()).toList();
    }

    static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()).toList();
    }

    /** Every "Type/id" reference anywhere in the Bundle's JSON names a resource the Bundle holds ("#id" ones its container holds). */
    static void assertEveryReferenceResolves(Response response) {
        try {
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            java.util.Set<String> present = new java.util.HashSet<>();
            for (com.fasterxml.jackson.databind.JsonNode entry : json.path("entry")) {
                present.add(entry.path("resource").path("resourceType").asText() + "/" + entry.path("resource").path("id").asText());
            }
            List<String> references = json.findValues("reference").stream().map(com.fasterxml.jackson.databind.JsonNode::asText)
                    .filter(r -> !r.startsWith("#")).toList();
            assertThat(references).isNotEmpty();
            assertThat(present).as("references without their resource in the Bundle").containsAll(references);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void immunisationStatusObservationsComeWithTheImmunisationsUnlessIncludeStatusIsFalse() {
        List<String> status = List.of("Observation/immstatus-2-1", "Observation/immstatus-2-2");
        for (String includeStatus : new String[]{null, "true"}) {
            Response response = structured(parameters("9690937286", immunisations(includeStatus))).send();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            Bundle bundle = response.resource(Bundle.class);
            assertThat(items(list(bundle, "Immunisations"))).as("includeStatus " + includeStatus)
                    .containsAll(status).contains("Immunization/imm-2-1", "Immunization/imm-2-2", "Immunization/imm-2-3")
                    .allMatch(r -> r.startsWith("Immunization/") || status.contains(r));
            assertThat(ids(bundle)).containsAll(status);
            org.hl7.fhir.dstu3.model.Observation ended = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(r -> r.getIdElement().getIdPart().equals("immstatus-2-1"))
                    .map(r -> (org.hl7.fhir.dstu3.model.Observation) r).findFirst().orElseThrow();
            assertThat(ended.getCode().getCodingFirstRep().getCode()).isEqualTo("310375005");
            assertThat(ended.getEffectivePeriod().hasStart()).as("an ended consent has a period").isTrue();
            assertThat(ended.getEffectivePeriod().hasEnd()).isTrue();
            assertConformant(bundle);
            assertEveryReferenceResolves(response);
        }

        Bundle withoutStatus = structured(parameters("9690937286", immunisations("false"))).send().resource(Bundle.class);
        assertThat(items(list(withoutStatus, "Immunisations"))).isNotEmpty().allMatch(r -> r.startsWith("Immunization/"));
        assertThat(ids(withoutStatus)).noneMatch(id -> id.startsWith("Observation/"));

        assertThat(items(list(structured(parameters("9690937294", immunisations(null))).send().resource(Bundle.class), "Immunisations")))
                .contains("Observation/immstatus-3-1", "Immunization/imm-3-1");
        assertThat(items(list(structured(parameters("9690937375", immunisations(null))).send().resource(Bundle.class), "Immunisations")))
                .as("patient 5: a dissent and no immunisation").containsExactly("Observation/immstatus-5-1");
        assertThat(list(structured(parameters("9690937375", immunisations("false"))).send().resource(Bundle.class), "Immunisations")
                .getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("no-content-recorded");
    }

    @Test
    void immunisationStatusIsNeverUncategorisedData() {
        for (String nhsNumber : new String[]{"9690937286", "9690937294", "9690937375"}) {
            Bundle uncategorisedOnly = structured(parameters(nhsNumber, "{\"name\":\"includeUncategorisedData\"}")).send().resource(Bundle.class);
            assertThat(items(list(uncategorisedOnly, "Uncategorised data"))).as(nhsNumber).noneMatch(r -> r.contains("immstatus-"));
            assertThat(ids(uncategorisedOnly)).as(nhsNumber).noneMatch(id -> id.contains("immstatus-"));

            Bundle both = structured(parameters(nhsNumber, immunisations("true"), "{\"name\":\"includeUncategorisedData\",\"part\":"
                    + "[{\"name\":\"uncategorisedDataSearchPeriod\",\"valuePeriod\":{\"start\":\"2000-01-01\"}}]}")).send().resource(Bundle.class);
            assertThat(items(list(both, "Uncategorised data"))).as(nhsNumber).noneMatch(r -> r.contains("immstatus-"));
            assertThat(items(list(both, "Immunisations"))).as(nhsNumber).anyMatch(r -> r.startsWith("Observation/immstatus-"));
        }
        Bundle migrated = migrate(false, "patient/*.read conf/N", "B82617").send().resource(Bundle.class);
        assertThat(items(list(migrated, "Uncategorised data"))).noneMatch(r -> r.contains("immstatus-"));
        assertThat(items(list(migrated, "Immunisations"))).contains("Observation/immstatus-2-1", "Observation/immstatus-2-2");
    }

    @Test
    void patient2sAndPatient3sWholeRecordsConformAndResolveEveryReference() {
        for (String nhsNumber : new String[]{"9690937286", "9690937294"}) {
            Response response = structured(parameters(nhsNumber, EVERY_AREA)).send();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            Bundle bundle = response.resource(Bundle.class);
            assertThat(lists(bundle)).extracting(ListResource::getTitle).as(nhsNumber).contains("Allergies and adverse reactions",
                    "Medications and medical devices", "List of consultations", "Problems", "Immunisations", "Uncategorised data",
                    "Investigations and results", "Outbound referral", "Patient recall administration");
            assertConformant(bundle);
            assertEveryReferenceResolves(response);
        }
    }

    @Test
    void investigationsAndUncategorisedDataOfPatient2() {
        Response response = structured(parameters("9690937286", "{\"name\":\"includeInvestigations\"}",
                "{\"name\":\"includeUncategorisedData\"}")).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        assertThat(lists(bundle)).extracting(ListResource::getTitle).containsExactlyInAnyOrder("Investigations and results", "Uncategorised data");
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("DiagnosticReport", "Specimen", "ProcedureRequest", "Observation");
        ListResource uncategorised = lists(bundle).stream().filter(l -> l.getTitle().equals("Uncategorised data")).findFirst().orElseThrow();
        assertThat(uncategorised.getEntry()).extracting(e -> e.getItem().getReference())
                .isNotEmpty().doesNotContain("Observation/result-2-1-hb", "Observation/obs-2-1", "Observation/obs-2-7");
        assertThat(uncategorised.getExtension()).extracting(e -> e.getValue().primitiveValue()).contains("confidential-items");
        assertConformant(bundle);
    }

    @Test
    void diaryEntriesDueAfterTheSearchDateAreLeftOut() {
        int all = lists(structured(parameters("9690937286", "{\"name\":\"includeDiaryEntries\"}")).send()
                .resource(Bundle.class)).get(0).getEntry().size();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(1).toString();
        int dueByTomorrow = lists(structured(parameters("9690937286", "{\"name\":\"includeDiaryEntries\",\"part\":"
                + "[{\"name\":\"diaryEntriesSearchDate\",\"valueDate\":\"" + tomorrow + "\"}]}")).send()
                .resource(Bundle.class)).get(0).getEntry().size();
        assertThat(dueByTomorrow).isLessThan(all);
    }

    @Test
    void anAreaWithNothingRecordedIsAnEmptyListWithItsReason() {
        Bundle bundle = structured(parameters("9690937278", "{\"name\":\"includeImmunisations\"}")).send().resource(Bundle.class);
        ListResource immunisations = lists(bundle).get(0);
        assertThat(immunisations.getEntry()).isEmpty();
        assertThat(immunisations.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("no-content-recorded");
        assertThat(immunisations.getNoteFirstRep().getText()).isEqualTo("Information not available");
    }

    @Test
    void answersInXmlWhenAsked() {
        Response response = structured(parameters("9690937286", ALLERGIES_WITH_RESOLVED)).header("Accept", "application/fhir+xml").send();
        assertThat(response.header("Content-Type")).startsWith("application/fhir+xml");
        assertThat(lists(response.resource(Bundle.class))).hasSize(2);
    }

    @Test
    void patient2sMedicationsWithTheirPlansIssuesAndMedications() {
        Response response = structured(parameters("9690937286", "{\"name\":\"includeMedication\"}")).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        ListResource medications = lists(bundle).get(0);
        assertThat(medications.getTitle()).isEqualTo("Medications and medical devices");
        assertThat(medications.getEntry()).isNotEmpty();
        assertThat(medications.getExtension()).extracting(e -> e.getValue().primitiveValue()).contains("confidential-items");
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("MedicationStatement", "MedicationRequest", "Medication");
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .doesNotContain("medstmt-2-6", "medreq-2-6");
        assertConformant(bundle);

        Bundle withoutIssues = structured(parameters("9690937286", "{\"name\":\"includeMedication\",\"part\":"
                + "[{\"name\":\"includePrescriptionIssues\",\"valueBoolean\":false}]}")).send().resource(Bundle.class);
        assertThat(withoutIssues.getEntry().size()).isLessThan(bundle.getEntry().size());
    }

    @Test
    void patient2sProblemsWithWhatTheyLinkTo() {
        Response response = structured(parameters("9690937286", "{\"name\":\"includeProblems\"}")).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        assertThat(lists(bundle).get(0).getTitle()).isEqualTo("Problems");
        assertThat(lists(bundle).get(0).getEntry()).isNotEmpty();
        assertThat(lists(bundle)).extracting(ListResource::getTitle)
                .contains("Problems - medications related to problems", "Problems - consultations related to problems");
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .as("confidential items never leave, whoever links to them").doesNotContain("medreq-2-6", "medstmt-2-6", "obs-2-7");
        assertConformant(bundle);

        Bundle active = structured(parameters("9690937286", "{\"name\":\"includeProblems\",\"part\":"
                + "[{\"name\":\"filterStatus\",\"valueCode\":\"active\"}]}")).send().resource(Bundle.class);
        assertThat(lists(active).get(0).getEntry().size()).as("patient 2 has an inactive problem").isLessThan(lists(bundle).get(0).getEntry().size());
    }

    @Test
    void patient2sConsultationsWithTheirStructureAndItems() {
        Response response = structured(parameters("9690937286", "{\"name\":\"includeConsultations\"}")).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        ListResource consultations = lists(bundle).stream().filter(l -> l.getTitle().equals("List of consultations")).findFirst().orElseThrow();
        assertThat(consultations.getEntry()).isNotEmpty().allMatch(e -> e.getItem().getReference().startsWith("Encounter/"));
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Encounter", "Observation");
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .contains("cons-2-1", "topic-2-1-1", "heading-2-1-1").doesNotContain("obs-2-7", "medreq-2-6", "medstmt-2-6");
        assertThat(lists(bundle)).extracting(ListResource::getTitle)
                .contains("Consultations - uncategorised data contained in consultations");
        assertConformant(bundle);

        Bundle mostRecent = structured(parameters("9690937286", "{\"name\":\"includeConsultations\",\"part\":"
                + "[{\"name\":\"includeNumberOfMostRecent\",\"valuePositiveInt\":1}]}")).send().resource(Bundle.class);
        assertThat(lists(mostRecent).stream().filter(l -> l.getTitle().equals("List of consultations")).findFirst().orElseThrow()
                .getEntry()).hasSize(1);
    }

    @Test
    void anUnrecognisedParameterIsAWarningNotAnError() {
        Response response = structured(parameters("9690937286", ALLERGIES_WITH_RESOLVED,
                "{\"name\":\"includeMadeUp\"}")).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        OperationOutcome warning = response.resource(Bundle.class).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource).filter(r -> r instanceof OperationOutcome)
                .map(r -> (OperationOutcome) r).findFirst().orElseThrow();
        assertThat(warning.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
        assertThat(warning.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("NOT_IMPLEMENTED");
        assertThat(warning.getIssueFirstRep().getDiagnostics()).isEqualTo("includeMadeUp");
    }

    @Test
    void theSpecsPatientRulesApply() {
        assertSpineError(structured(parameters("9999999999", ALLERGIES_WITH_RESOLVED)).send(), 404, "PATIENT_NOT_FOUND");
        assertSpineError(structured(parameters("9690938681", ALLERGIES_WITH_RESOLVED)).send(), 404, "PATIENT_NOT_FOUND");
        assertSpineError(structured(parameters("9690938533", ALLERGIES_WITH_RESOLVED)).send(), 404, "PATIENT_NOT_FOUND");
        assertSpineError(structured(parameters("9690938576", ALLERGIES_WITH_RESOLVED)).send(), 403, "NO_PATIENT_CONSENT");
    }

    @Test
    void theRequestRulesApply() {
        assertSpineError(structured(parameters("9690937286", "{\"name\":\"includeAllergies\"}")).send(), 422, "INVALID_PARAMETER");
        assertSpineError(structured(parameters("9690937287", ALLERGIES_WITH_RESOLVED)).send(), 400, "INVALID_NHS_NUMBER");
        assertSpineError(structured("{\"resourceType\":\"Parameters\",").send(), 400, "BAD_REQUEST");
        assertSpineError(client.request("POST", STRUCTURED, GET_STRUCTURED_RECORD, "organization/*.read")
                .body("application/fhir+json", parameters("9690937286", ALLERGIES_WITH_RESOLVED)).send(), 400, "BAD_REQUEST");
    }

    @Test
    void aClinicalAreaSwitchedOffIsLeftOutWithAWarning() {
        GpRecordStore store = server.bean(GpRecordStore.class);
        store.setClinicalArea("B82617", "includeImmunisations", false);
        try {
            Response response = structured(parameters("9690937286", ALLERGIES_WITH_RESOLVED, "{\"name\":\"includeImmunisations\"}")).send();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            Bundle bundle = response.resource(Bundle.class);
            assertThat(lists(bundle)).extracting(ListResource::getTitle).doesNotContain("Immunisations").contains("Ended allergies");
            OperationOutcome warning = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(r -> r instanceof OperationOutcome).map(r -> (OperationOutcome) r).findFirst().orElseThrow();
            assertThat(warning.getIssueFirstRep().getDetails().getText()).isEqualTo("includeImmunisations has been disabled");
            assertThat(warning.getIssueFirstRep().getDiagnostics()).isEqualTo("includeImmunisations");
        } finally {
            store.setClinicalArea("B82617", "includeImmunisations", true);
        }
    }

    // ---------------------------------------------------------------- documents (structured.md §9.6, §11, §12)

    static final String RELATED_CONTENT = "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedClinicalContent-1";

    /** The Bundle's DocumentReferences by id. */
    static java.util.Map<String, DocumentReference> documents(Bundle bundle) {
        java.util.Map<String, DocumentReference> documents = new java.util.TreeMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof DocumentReference document) {
                documents.put(document.getIdElement().getIdPart(), document);
            }
        }
        return documents;
    }

    static <T extends org.hl7.fhir.dstu3.model.Resource> T resource(Bundle bundle, Class<T> type, String id) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> type.isInstance(r) && r.getIdElement().getIdPart().equals(id)).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + "/" + id));
    }

    /** The absolute URL of a document's Binary on the Access Document root, as the consumer reaches the server. */
    String binaryUrl(String host, String documentReferenceId) {
        return "http://" + host + ":" + server.port() + ROOT + "/documents/Binary/" + documentReferenceId.replace("docref-", "doc-");
    }

    static OperationOutcome warning(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof OperationOutcome).map(r -> (OperationOutcome) r).findFirst()
                .orElseThrow(() -> new AssertionError("no warning OperationOutcome"));
    }

    @Test
    void patient2sDocumentsComeWithWhatLinksToThemAndPointAtTheirBinariesOnTheDocumentsRoot() {
        Response response = structured(parameters("9690937286", EVERY_AREA)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        java.util.Map<String, DocumentReference> documents = documents(bundle);
        assertThat(documents.keySet()).as("linked from a problem, a consultation or a referral; the podiatry letter is linked to nothing")
                .containsExactly("docref-2-1", "docref-2-2", "docref-2-3");
        documents.forEach((id, document) -> {
            assertThat(document.getContentFirstRep().getAttachment().getUrl()).as(id).isEqualTo(binaryUrl("127.0.0.1", id));
            assertThat(document.getContentFirstRep().getAttachment().hasData()).as("metadata only").isFalse();
            assertThat(document.getStatus()).isEqualTo(org.hl7.fhir.dstu3.model.Enumerations.DocumentReferenceStatus.CURRENT);
            assertThat(document.getType().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        });
        assertThat(response.body()).doesNotContain("\"Binary/");

        ListResource inConsultations = list(bundle, "Consultations - documents contained in consultations");
        assertThat(inConsultations.getCode().getCodingFirstRep().getCode()).isEqualTo("consultations-documents-contained-in-consultations");
        assertThat(items(inConsultations)).containsExactly("DocumentReference/docref-2-2");
        ListResource relatedToProblems = list(bundle, "Problems - documents related to problems");
        assertThat(relatedToProblems.getCode().getCodingFirstRep().getCode()).isEqualTo("problems-documents-related-to-problems");
        assertThat(items(relatedToProblems)).containsExactlyInAnyOrder("DocumentReference/docref-2-1", "DocumentReference/docref-2-3");
        assertThat(bundle.getEntry()).noneMatch(e -> e.getResource() instanceof OperationOutcome);
        assertConformant(bundle);
        assertEveryReferenceResolves(response);

        Bundle viaLocalhost = structured(parameters("9690937286", "{\"name\":\"includeProblems\"}")).host("localhost").send()
                .resource(Bundle.class);
        assertThat(documents(viaLocalhost).values()).as("the URL is the one this consumer called").isNotEmpty()
                .allSatisfy(document -> assertThat(document.getContentFirstRep().getAttachment().getUrl())
                        .isEqualTo(binaryUrl("localhost", document.getIdElement().getIdPart())));

        Response referralsInXml = structured(parameters("9690937286", "{\"name\":\"includeReferrals\"}"))
                .header("Accept", "application/fhir+xml").send();
        assertThat(referralsInXml.status()).as(referralsInXml.body()).isEqualTo(200);
        assertThat(documents(referralsInXml.resource(Bundle.class)).keySet()).as("a referral's letter comes with it").containsExactly("docref-2-2");
        assertThat(referralsInXml.body()).contains("value=\"" + binaryUrl("127.0.0.1", "docref-2-2") + "\"");

        Bundle patient3 = structured(parameters("9690937294", EVERY_AREA)).send().resource(Bundle.class);
        assertThat(documents(patient3)).as("patient 3 has no documents").isEmpty();
        assertThat(lists(patient3)).extracting(ListResource::getTitle).noneMatch(title -> title.contains("documents"));
    }

    @Test
    void documentsSwitchedOffAreLeftOutWithTheWarningAndTheLinksToThemSaySo() {
        GpRecordStore store = server.bean(GpRecordStore.class);
        store.setClinicalArea("B82617", DocumentReferences.SWITCH, false);
        try {
            Response response = structured(parameters("9690937286", EVERY_AREA)).send();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            Bundle bundle = response.resource(Bundle.class);
            assertThat(documents(bundle)).isEmpty();
            assertThat(response.body()).doesNotContain("DocumentReference/", "Binary/");
            assertThat(lists(bundle)).extracting(ListResource::getTitle)
                    .doesNotContain("Consultations - documents contained in consultations", "Problems - documents related to problems")
                    .contains("Problems", "List of consultations", "Outbound referral");
            OperationOutcome warning = warning(bundle);
            assertThat(warning.getIssue()).hasSize(1);
            assertThat(warning.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
            assertThat(warning.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
            assertThat(warning.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("NOT_IMPLEMENTED");
            assertThat(warning.getIssueFirstRep().getDetails().getText()).isEqualTo("DocumentReferences has been disabled");
            assertThat(warning.getIssueFirstRep().getDiagnostics()).isEqualTo("DocumentReferences");

            ListResource topic = resource(bundle, ListResource.class, "topic-2-3-1");
            assertThat(topic.getEntry()).extracting(e -> e.getItem().getDisplay()).contains("Document items have been disabled");
            assertThat(topic.getEntry()).filteredOn(e -> e.getItem().hasDisplay()).allMatch(e -> !e.getItem().hasReference());
            org.hl7.fhir.dstu3.model.Condition retinopathy = resource(bundle, org.hl7.fhir.dstu3.model.Condition.class, "prob-2-2");
            assertThat(retinopathy.getExtensionsByUrl(RELATED_CONTENT)).singleElement()
                    .satisfies(link -> assertThat(((org.hl7.fhir.dstu3.model.Reference) link.getValue()).getDisplay())
                            .isEqualTo("Document items have been disabled"));
            org.hl7.fhir.dstu3.model.ReferralRequest referral = resource(bundle, org.hl7.fhir.dstu3.model.ReferralRequest.class, "referral-2-1");
            assertThat(referral.getSupportingInfo()).extracting(org.hl7.fhir.dstu3.model.Reference::getDisplay)
                    .containsExactly("Document items have been disabled");
            assertConformant(bundle);
            assertEveryReferenceResolves(response);

            Bundle allergies = structured(parameters("9690937286", ALLERGIES_WITH_RESOLVED)).send().resource(Bundle.class);
            assertThat(allergies.getEntry()).as("no document would have come: no warning")
                    .noneMatch(e -> e.getResource() instanceof OperationOutcome);
            Bundle patient3 = structured(parameters("9690937294", EVERY_AREA)).send().resource(Bundle.class);
            assertThat(patient3.getEntry()).as("patient 3 has no documents").noneMatch(e -> e.getResource() instanceof OperationOutcome);

            Bundle migrated = migrate(false, "patient/*.read conf/N", "B82617").send().resource(Bundle.class);
            assertThat(documents(migrated)).as("migration ignores the switch").hasSize(4);
        } finally {
            store.setClinicalArea("B82617", DocumentReferences.SWITCH, true);
        }
        assertThat(documents(structured(parameters("9690937286", "{\"name\":\"includeProblems\"}")).send().resource(Bundle.class)))
                .isNotEmpty();
    }

    @Test
    void migrationSendsEveryDocumentOfThePatientLinkedOrNot() {
        Response response = migrate(false, "patient/*.read conf/N", "B82617").send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        java.util.Map<String, DocumentReference> documents = documents(bundle);
        assertThat(documents.keySet()).containsExactly("docref-2-1", "docref-2-2", "docref-2-3", "docref-2-4");
        documents.forEach((id, document) ->
                assertThat(document.getContentFirstRep().getAttachment().getUrl()).as(id).isEqualTo(binaryUrl("127.0.0.1", id)));
        assertConformant(bundle);
        assertEveryReferenceResolves(response);
    }

    static final String MIGRATE = "/B82617/STU3/1/gpconnect/structured/Patient/$gpc.migratestructuredrecord";

    GpcClient.Request migrate(boolean sensitive, String scope, String organisation) {
        com.fasterxml.jackson.databind.node.ObjectNode requester = org.gpconnect.fhir.jwt.ConsumerJwt.requestingOrganization();
        ((com.fasterxml.jackson.databind.node.ObjectNode) requester.get("identifier").get(0)).put("value", organisation);
        return client.request("POST", MIGRATE, org.gpconnect.fhir.interaction.InteractionCatalogue.MIGRATE_STRUCTURED_RECORD, scope)
                .jwt(jwt -> jwt.reason("migration").claim("requesting_organization", requester))
                .body("application/fhir+json", parameters("9690937286", "{\"name\":\"includeFullRecord\",\"part\":"
                        + "[{\"name\":\"includeSensitiveInformation\",\"valueBoolean\":" + sensitive + "}]}"));
    }

    @Test
    void migrationSendsTheWholeRecordAndConfidentialItemsOnlyWhenSensitiveInformationIsAllowed() {
        Response normal = migrate(false, "patient/*.read conf/N", "B82617").send();
        assertThat(normal.status()).as(normal.body()).isEqualTo(200);
        Bundle bundle = normal.resource(Bundle.class);
        assertThat(lists(bundle)).extracting(ListResource::getTitle).contains("Allergies and adverse reactions", "Ended allergies",
                "Medications and medical devices", "List of consultations", "Problems", "Immunisations", "Uncategorised data",
                "Investigations and results", "Outbound referral", "Patient recall administration");
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).doesNotContain("medstmt-2-6");
        assertConformant(bundle);

        Bundle sensitive = migrate(true, "patient/*.read conf/R", "B82617").send().resource(Bundle.class);
        org.hl7.fhir.dstu3.model.Resource confidential = sensitive.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r.getIdElement().getIdPart().equals("medstmt-2-6")).findFirst().orElseThrow();
        assertThat(confidential.getMeta().getSecurity()).extracting(c -> c.getCode()).containsExactly("NOPAT");
    }

    @Test
    void migrationFollowsItsOwnRules() {
        assertSpineError(migrate(false, "patient/*.read conf/N", "A11111").send(), 403, "NO_RELATIONSHIP");
        assertSpineError(migrate(true, "patient/*.read conf/N", "B82617").send(), 400, "CONFLICTING_VALUES");
        assertSpineError(migrate(false, "patient/*.read conf/N", "B82617").jwt(jwt -> jwt.reason("directcare")).send(), 400, "BAD_REQUEST");
        GpRecordStore store = server.bean(GpRecordStore.class);
        store.setSwitch("B82617", Capability.STRUCTURED, false);
        try {
            assertThat(migrate(false, "patient/*.read conf/N", "B82617").send().status()).as("migration ignores enablement").isEqualTo(200);
        } finally {
            store.setSwitch("B82617", Capability.STRUCTURED, true);
        }
    }

    @Test
    void aPracticeThatSwitchedStructuredOffDeniesAccess() {
        GpRecordStore store = server.bean(GpRecordStore.class);
        store.setSwitch("B82617", Capability.STRUCTURED, false);
        try {
            assertSpineError(structured(parameters("9690937286", ALLERGIES_WITH_RESOLVED)).send(), 403, "ACCESS DENIED");
        } finally {
            store.setSwitch("B82617", Capability.STRUCTURED, true);
        }
    }
}
