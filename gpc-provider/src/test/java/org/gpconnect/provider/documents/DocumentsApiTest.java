package org.gpconnect.provider.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.fhir.interaction.Capability;
import org.gpconnect.fhir.jwt.ConsumerJwt;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.Response;
import org.gpconnect.store.BinaryStore;
import org.gpconnect.store.GpRecordStore;
import org.hl7.fhir.dstu3.model.Binary;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.DocumentReference;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.*;

/**
 * Access Document over HTTP: its capability statement, Find a patient, Search for a patient's documents
 * with every parameter and error, and Retrieve and Migrate a document byte for byte.
 */
public abstract class DocumentsApiTest extends ApiTest {
    static final String DOCUMENTS = ROOT + "/documents";
    static final String INCLUDES = "_include=DocumentReference:subject:Patient&_include=DocumentReference:custodian:Organization"
            + "&_include=DocumentReference:author:Organization&_include=DocumentReference:author:Practitioner"
            + "&_revinclude:recurse=PractitionerRole:practitioner";
    private static final ObjectMapper JSON = new ObjectMapper();

    GpcClient.Request search(String patientId, String query) {
        return client.get(DOCUMENTS + "/Patient/" + patientId + "/DocumentReference?" + query.replace("|", "%7C"), SEARCH_DOCUMENTS, PATIENT_READ);
    }

    GpcClient.Request findPatient(String identifier) {
        return client.get(DOCUMENTS + "/Patient?identifier=" + identifier.replace("|", "%7C"), DOCUMENTS_SEARCH_PATIENT, PATIENT_READ);
    }

    GpcClient.Request retrieve(String binaryId) {
        return client.get(DOCUMENTS + "/Binary/" + binaryId, RETRIEVE_DOCUMENT, PATIENT_READ);
    }

    GpcClient.Request migrate(String binaryId, String scope, String organisation) {
        ObjectNode requester = ConsumerJwt.requestingOrganization();
        ((ObjectNode) requester.get("identifier").get(0)).put("value", organisation);
        return client.get(DOCUMENTS + "/Binary/" + binaryId, MIGRATE_DOCUMENT, scope)
                .jwt(jwt -> jwt.reason("migration").claim("requesting_organization", requester));
    }

    static List<DocumentReference> documents(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof DocumentReference).map(r -> (DocumentReference) r).toList();
    }

    static List<String> ids(Bundle bundle) {
        return documents(bundle).stream().map(d -> d.getIdElement().getIdPart()).toList();
    }

    Bundle found(GpcClient.Request request) {
        Response response = request.send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        assertThat(bundle.getIdElement().getIdPart()).as("Bundle id is the trace id").isEqualTo(request.traceId());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            assertThat(entry.getFullUrl()).as("absolute fullUrl")
                    .isEqualTo(server.url(DOCUMENTS + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart()));
        }
        return bundle;
    }

    // ---- capability statement and Find a patient

    @Test
    void theCapabilityStatementListsTheDocumentSearchAndBinaryRead() {
        Response response = client.get(DOCUMENTS + "/metadata", DOCUMENTS_METADATA, ORG_READ).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        CapabilityStatement statement = response.resource(CapabilityStatement.class);
        assertThat(statement.getName()).isEqualTo("GP Connect API - Access Document");
        assertThat(statement.getDescription()).isEqualTo("This server implements the GP Connect API - Access Document version 1.6.2");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        assertThat(rest.getResource()).extracting(r -> r.getType()).containsExactlyInAnyOrder("Patient", "DocumentReference", "Binary");
        CapabilityStatement.CapabilityStatementRestResourceComponent documents = rest.getResource().stream()
                .filter(r -> r.getType().equals("DocumentReference")).findFirst().orElseThrow();
        assertThat(documents.getSearchParam()).extracting(p -> p.getName()).containsExactly("created", "author", "description");
        assertThat(documents.getSearchInclude()).extracting(i -> i.getValue()).hasSize(4);
        assertThat(documents.getSearchRevInclude()).extracting(i -> i.getValue()).containsExactly("PractitionerRole:practitioner");
        CapabilityStatement.CapabilityStatementRestResourceComponent binary = rest.getResource().stream()
                .filter(r -> r.getType().equals("Binary")).findFirst().orElseThrow();
        assertThat(binary.getInteraction()).hasSize(1);
        assertThat(statement.getProfile()).extracting(p -> p.getReference())
                .contains("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-DocumentReference-1/_history/1.3");
        assertConformant(statement);
    }

    @Test
    void findAPatientFindsOnlyPatientsWhoseDocumentsMayBeShared() {
        Bundle patient2 = found(findPatient("https://fhir.nhs.uk/Id/nhs-number|9690937286"));
        assertThat(patient2.getEntry()).hasSize(1);
        assertThat(patient2.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo("2");
        assertThat(patient2.getEntryFirstRep().getResource().getMeta().getVersionId()).isNotBlank();
        assertConformant(patient2);

        Response xml = findPatient("https://fhir.nhs.uk/Id/nhs-number|9690937286").header("Accept", "application/fhir+xml").send();
        assertThat(xml.isXml()).isTrue();
        assertThat(xml.resource(Bundle.class).getEntry()).hasSize(1);

        assertThat(found(findPatient("https://fhir.nhs.uk/Id/nhs-number|9690938576")).getEntry()).as("dissent: still found").hasSize(1);
        for (String notFound : List.of("9690938533" /* sensitive */, "9690938681" /* deceased long ago */,
                "9690938142" /* inactive */, "9999999999" /* unknown */)) {
            Response response = findPatient("https://fhir.nhs.uk/Id/nhs-number|" + notFound).send();
            if (response.status() == 400) {
                assertThat(response.spineCode()).isEqualTo("INVALID_NHS_NUMBER");
            } else {
                assertThat(response.resource(Bundle.class).getEntry()).as(notFound).isEmpty();
            }
        }
    }

    @Test
    void findAPatientRejectsWhatTheTestSuiteRejects() {
        assertSpineError(client.get(DOCUMENTS + "/Patient", DOCUMENTS_SEARCH_PATIENT, PATIENT_READ).send(), 400, "BAD_REQUEST");
        assertSpineError(client.get(DOCUMENTS + "/Patient?Identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286",
                DOCUMENTS_SEARCH_PATIENT, PATIENT_READ).send(), 400, "BAD_REQUEST");
        assertSpineError(findPatient("|9690937286").send(), 422, "INVALID_PARAMETER");
        assertSpineError(findPatient("9690937286").send(), 422, "INVALID_PARAMETER");
        assertSpineError(findPatient("https://fhir.nhs.uk/Id/nhs-number|").send(), 422, "INVALID_PARAMETER");
        assertSpineError(findPatient("https://example.org/other|9690937286").send(), 422, "INVALID_PARAMETER");
        assertSpineError(findPatient("https://fhir.nhs.uk/Id/nhs-number|1234567890").send(), 400, "INVALID_NHS_NUMBER");
    }

    // ---- Search for a patient's documents

    @Test
    void patient2sDocumentsComeWithTheirPatientPracticeAuthorsAndRoles() {
        Bundle bundle = found(search("2", INCLUDES));
        assertThat(ids(bundle)).containsExactly("docref-2-4", "docref-2-3", "docref-2-2", "docref-2-1");
        List<String> references = bundle.getEntry().stream()
                .map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()).toList();
        assertThat(references.get(0)).isEqualTo("Patient/2");
        assertThat(references).contains("Organization/1", "Organization/2", "Practitioner/1", "Practitioner/2");
        assertThat(references).anyMatch(r -> r.startsWith("PractitionerRole/"));
        for (DocumentReference document : documents(bundle)) {
            assertThat(document.getSubject().getReference()).isEqualTo("Patient/2");
            assertThat(document.getSecurityLabel()).as("the test suite rejects securityLabel").isEmpty();
            DocumentReference.DocumentReferenceContentComponent content = document.getContentFirstRep();
            assertThat(content.getAttachment().getContentType()).isNotBlank();
            assertThat(content.getAttachment().getSize()).isPositive();
            assertThat(content.getAttachment().getUrl())
                    .isEqualTo(server.url(DOCUMENTS + "/Binary/" + document.getIdElement().getIdPart().replace("docref-", "doc-")));
        }
        assertConformant(bundle);
        assertThat(search("2", INCLUDES).header("Accept", "application/fhir+xml").send().resource(Bundle.class).getEntry())
                .hasSameSizeAs(bundle.getEntry());
    }

    @Test
    void aPatientWithoutDocumentsGetsTheBundleWithoutDocumentReferences() {
        Bundle bundle = found(search("3", INCLUDES));
        assertThat(documents(bundle)).isEmpty();
        assertThat(bundle.getEntryFirstRep().getResource().fhirType()).isEqualTo("Patient");
    }

    @Test
    void aDocumentOverFiveMegabytesIsAPlaceholderWithoutUrl() {
        Bundle bundle = found(search("4", INCLUDES));
        assertThat(documents(bundle)).hasSize(1);
        DocumentReference.DocumentReferenceContentComponent content = documents(bundle).get(0).getContentFirstRep();
        assertThat(content.getAttachment().hasUrl()).isFalse();
        assertThat(content.getAttachment().getTitle()).contains("5 MB");
        assertThat((long) content.getAttachment().getSize()).isGreaterThan(DocumentAttachments.RETRIEVE_LIMIT);
        assertConformant(bundle);
    }

    @Test
    void confidentialDocumentsAreLeftOutLabelsKeptAndPlaceholdersServedAsHeld() {
        Bundle bundle = found(search("6", INCLUDES));
        assertThat(ids(bundle)).as("docref-6-2 is confidential").containsExactly("docref-6-4", "docref-6-1", "docref-6-3");
        DocumentReference nopat = documents(bundle).stream().filter(d -> d.getIdElement().getIdPart().equals("docref-6-3")).findFirst().orElseThrow();
        assertThat(nopat.getMeta().getSecurity()).extracting(c -> c.getSystem() + "|" + c.getCode())
                .containsExactly("http://hl7.org/fhir/v3/ActCode|NOPAT");
        assertThat(nopat.getSecurityLabel()).isEmpty();
        DocumentReference placeholder = documents(bundle).get(0);
        assertThat(placeholder.getContentFirstRep().getAttachment().hasUrl()).isFalse();
        assertThat(placeholder.getContentFirstRep().getAttachment().getTitle()).startsWith("Document not available");
        assertConformant(bundle);
        assertSpineError(retrieve("doc-6-2").send(), 404, "NO_RECORD_FOUND");
        assertSpineError(retrieve("doc-6-4").send(), 404, "NO_RECORD_FOUND");
        assertThat(retrieve("doc-6-3").send().status()).isEqualTo(200);
    }

    @Test
    void withoutCreatedADocumentIsDatedByIndexed() {
        assertThat(ids(found(search("5", INCLUDES + "&created=ge2024-01-09&created=le2024-01-09")))).containsExactly("docref-5-2");
        assertThat(ids(found(search("8", INCLUDES + "&author=https://fhir.nhs.uk/Id/ods-organization-code|B82617"))))
                .as("authored by the practice itself").containsExactly("docref-8-1");
    }

    @Test
    void everyMandatoryIncludeIsRequired() {
        assertSpineError(search("2", "").send(), 422, "INVALID_PARAMETER");
        String[] includes = INCLUDES.split("&");
        for (int leftOut = 0; leftOut < includes.length; leftOut++) {
            List<String> rest = new ArrayList<>(List.of(includes));
            String missing = rest.remove(leftOut);
            Response response = search("2", String.join("&", rest)).send();
            assertSpineError(response, 422, "INVALID_PARAMETER");
            assertThat(response.body()).as("diagnostics name it").contains(missing.substring(missing.indexOf('=') + 1));
        }
        assertSpineError(search("2", INCLUDES + "&_include=DocumentReference:encounter").send(), 422, "INVALID_PARAMETER");
    }

    @Test
    void unknownOrMalformedParametersAreInvalid() {
        assertSpineError(search("2", INCLUDES + "&BadParameter=BadParamValue").send(), 422, "INVALID_PARAMETER");
        assertSpineError(search("2", INCLUDES + "&type=http://snomed.info/sct|823681000000100").send(), 422, "INVALID_PARAMETER");
        assertSpineError(search("2", INCLUDES + "&description=").send(), 422, "INVALID_PARAMETER");
        assertSpineError(search("2", INCLUDES + "&description=a&description=b").send(), 422, "INVALID_PARAMETER");
    }

    @Test
    void authorIsSearchedByTheOrganisationsOdsCode() {
        assertThat(ids(found(search("2", INCLUDES + "&author=https://fhir.nhs.uk/Id/ods-organization-code|R1A14"))))
                .containsExactly("docref-2-4", "docref-2-3", "docref-2-1");
        assertThat(ids(found(search("2", INCLUDES + "&author=https://fhir.nhs.uk/Id/ods-organization-code|B82617"))))
                .as("the practice authored what its practitioners wrote").containsExactly("docref-2-2");
        Bundle none = found(search("2", INCLUDES + "&author=https://fhir.nhs.uk/Id/ods-organization-code|Y99999"));
        assertThat(documents(none)).isEmpty();
        assertSpineError(search("2", INCLUDES + "&author=https://bad-identifier|R1A14").send(), 422, "INVALID_PARAMETER");
        assertSpineError(search("2", INCLUDES + "&author=R1A14").send(), 422, "INVALID_PARAMETER");
        assertSpineError(search("2", INCLUDES + "&author=https://fhir.nhs.uk/Id/sds-user-id|G13579135").send(), 422, "INVALID_PARAMETER");
    }

    @Test
    void createdTakesALowerAndOrAnUpperBound() {
        assertThat(ids(found(search("2", INCLUDES + "&created=ge2023-05-16")))).containsExactly("docref-2-4", "docref-2-3", "docref-2-2");
        assertThat(ids(found(search("2", INCLUDES + "&created=le2023-05-16")))).containsExactly("docref-2-2", "docref-2-1");
        assertThat(ids(found(search("2", INCLUDES + "&created=ge2023-05-17&created=le2024-01")))).containsExactly("docref-2-3");
        assertThat(ids(found(search("2", INCLUDES + "&created=ge2023-05-16T11:38:00%2B01:00&created=le2023-05-16T11:38:00%2B01:00"))))
                .as("a dateTime bound holds its own second").containsExactly("docref-2-2");
        assertThat(ids(found(search("2", INCLUDES + "&created=ge2024")))).containsExactly("docref-2-4");
        assertThat(ids(found(search("2", INCLUDES + "&created=le2000-01-01")))).isEmpty();
        for (String bad : List.of("eq2023-05-16", "2023-05-16", "gt2023-05-16", "ge2023-13-01", "genot-a-date",
                "ge2023-05-16&created=ge2023-06-01", "ge2024-01-01&created=le2023-01-01")) {
            assertSpineError(search("2", INCLUDES + "&created=" + bad).send(), 422, "INVALID_PARAMETER");
        }
    }

    @Test
    void descriptionKeywordsAreSearchedInDescriptionAndType() {
        assertThat(ids(found(search("2", INCLUDES + "&description=knee")))).containsExactly("docref-2-3", "docref-2-2");
        assertThat(ids(found(search("2", INCLUDES + "&description=Radiology")))).as("the type's display").containsExactly("docref-2-3");
        assertThat(ids(found(search("2", INCLUDES + "&description=KNEE%20x-ray")))).as("every word, any case").containsExactly("docref-2-3");
        assertThat(ids(found(search("2", INCLUDES + "&description=letter")))).containsExactly("docref-2-4", "docref-2-2", "docref-2-1");
        assertThat(ids(found(search("2", INCLUDES + "&description=50%25")))).as("LIKE wildcards are literal").isEmpty();
        assertThat(ids(found(search("2", INCLUDES + "&description=knee&created=ge2023-05-20&author=https://fhir.nhs.uk/Id/ods-organization-code|R1A14"))))
                .as("parameters combine").containsExactly("docref-2-3");
    }

    @Test
    void thePatientRulesOfTheSearch() {
        assertSpineError(search("9999999999999", INCLUDES).send(), 404, "PATIENT_NOT_FOUND");
        assertSpineError(search("9", INCLUDES).send(), 404, "PATIENT_NOT_FOUND");
        assertSpineError(search("21", INCLUDES).send(), 404, "PATIENT_NOT_FOUND");
        assertSpineError(search("22", INCLUDES).send(), 404, "PATIENT_NOT_FOUND");
        assertSpineError(search("18", INCLUDES).send(), 404, "PATIENT_NOT_FOUND");
        assertSpineError(search("15", INCLUDES).send(), 403, "NO_PATIENT_CONSENT");
    }

    @Test
    void accessDocumentCanBeSwitchedOffButMigrationStillWorks() {
        GpRecordStore store = server.bean(GpRecordStore.class);
        store.setSwitch("B82617", Capability.DOCUMENTS, false);
        try {
            assertSpineError(search("2", INCLUDES).send(), 403, "ACCESS DENIED");
            assertSpineError(retrieve("doc-2-1").send(), 403, "ACCESS DENIED");
            assertThat(migrate("doc-2-1", "patient/*.read conf/N", "B82617").send().status()).isEqualTo(200);
        } finally {
            store.setSwitch("B82617", Capability.DOCUMENTS, true);
        }
    }

    // ---- Retrieve and Migrate a document

    /** The SHA-256 of the content a Binary answer carries. */
    static String sha256OfContent(Binary binary) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(binary.getContent()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"doc-2-1", "doc-2-2", "doc-2-3", "doc-2-4"})
    void retrieveReturnsTheDocumentByteForByte(String binaryId) throws Exception {
        BinaryStore.BinaryInfo stored = new BinaryStore(server.bean(GpRecordStore.class)).info("B82617", binaryId).orElseThrow();
        Response response = retrieve(binaryId).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("W/\"" + stored.versionId() + "\"");
        Binary binary = response.resource(Binary.class);
        assertThat(binary.getIdElement().getIdPart()).isEqualTo(binaryId);
        assertThat(binary.getMeta().getVersionId()).isEqualTo(Long.toString(stored.versionId()));
        assertThat(binary.getContentType()).isEqualTo(stored.contentType());
        assertThat(binary.hasSecurityContext()).isFalse();
        assertThat((long) binary.getContent().length).isEqualTo(stored.size());
        assertThat(sha256OfContent(binary)).isEqualTo(stored.sha256());
        assertConformant(binary);

        Response xml = retrieve(binaryId).header("Accept", "application/fhir+xml").send();
        assertThat(xml.isXml()).isTrue();
        assertThat(sha256OfContent(xml.resource(Binary.class))).isEqualTo(stored.sha256());
    }

    @Test
    void aDocumentOverFiveMegabytesIsOnlyMigrated() throws Exception {
        assertSpineError(retrieve("doc-4-1").send(), 404, "NO_RECORD_FOUND");
        BinaryStore.BinaryInfo stored = new BinaryStore(server.bean(GpRecordStore.class)).info("B82617", "doc-4-1").orElseThrow();
        assertThat(stored.size()).isGreaterThan(DocumentAttachments.RETRIEVE_LIMIT);
        Response response = migrate("doc-4-1", "patient/*.read conf/N", "B82617").send();
        assertThat(response.status()).as(response.body().length() > 500 ? response.body().substring(0, 500) : response.body()).isEqualTo(200);
        assertThat(Long.parseLong(response.header("Content-Length"))).isEqualTo(response.body().length());
        JsonNode json = JSON.readTree(response.body());
        byte[] content = Base64.getDecoder().decode(json.path("content").asText());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))).isEqualTo(stored.sha256());
    }

    @Test
    void retrieveAndMigrateRefuseAsTheSpecSays() {
        assertSpineError(retrieve("doc-9-9").send(), 404, "NO_RECORD_FOUND");
        assertSpineError(migrate("doc-9-9", "patient/*.read conf/N", "B82617").send(), 404, "NO_RECORD_FOUND");
        assertSpineError(migrate("doc-2-1", "patient/*.read conf/N", "A11111").send(), 403, "NO_RELATIONSHIP");
        assertSpineError(migrate("doc-2-1", "patient/*.read", "B82617").send(), 400, "BAD_REQUEST");
    }

    @Test
    void aConfidentialDocumentIsNeitherFoundNorRetrievedButMigratesWithConfR() throws Exception {
        GpRecordStore store = server.bean(GpRecordStore.class);
        store.inTransaction(writer -> writer.update(
                "INSERT INTO confidential_item (practice_ods, resource_type, id) VALUES ('B82617', 'DocumentReference', 'docref-2-4')"));
        try {
            assertThat(ids(found(search("2", INCLUDES)))).doesNotContain("docref-2-4").hasSize(3);
            assertSpineError(retrieve("doc-2-4").send(), 404, "NO_RECORD_FOUND");
            assertSpineError(migrate("doc-2-4", "patient/*.read conf/N", "B82617").send(), 403, "ACCESS DENIED");
            Response allowed = migrate("doc-2-4", "patient/*.read conf/R", "B82617").send();
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(sha256OfContent(allowed.resource(Binary.class)))
                    .isEqualTo(new BinaryStore(store).info("B82617", "doc-2-4").orElseThrow().sha256());
        } finally {
            store.inTransaction(writer -> writer.update(
                    "DELETE FROM confidential_item WHERE practice_ods = 'B82617' AND id = 'docref-2-4'"));
        }
    }
}
