package org.gpconnect.provider.documents;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.capability.SearchsetBundle;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PracticeDirectory;
import org.gpconnect.store.StoredResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Search for a patient's documents ({@code GET /Patient/[id]/DocumentReference}, 1.6.2): the patient's
 * DocumentReferences that match the query ({@link DocumentSearchRequest}), found through the store's
 * document index, newest first; documents the practice keeps confidential are never found
 * (access_documents_development_documents_guidance). The Bundle carries the Patient, their registered
 * practice and serving organisation, their usual GP with PractitionerRoles, and each document's authors
 * and custodian (the five includes the consumer must ask for), every entry with its absolute fullUrl.
 */
public class DocumentSearch implements StreamedInteraction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GpRecordStore store;
    private final DocumentPatients patients;
    private final FhirContext fhir;

    public DocumentSearch(GpRecordStore store, DocumentPatients patients, FhirContext fhir) {
        this.store = store;
        this.patients = patients;
        this.fhir = fhir;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context, ResponseFormat format)
            throws IOException {
        String ods = context.root().odsCode();
        String patientId = context.root().relativePath().split("/")[2];
        DocumentSearchRequest search = DocumentSearchRequest.parse(request.getParameterMap());
        GpRecordStore.PatientWithResource found = patients.require(ods, patientId);
        context.patient(found.record().nhsNumber());
        StoredResource patient = found.resource();

        PracticeDirectory directory = store.directory(ods);
        Set<String> confidential = store.confidentialItems(ods, patientId);
        List<StoredResource> documents = new ArrayList<>();
        for (StoredResource document : store.documents(ods, patientId, criteria(ods, search, directory))) {
            if (!confidential.contains(document.reference())) {
                documents.add(document.withJson(DocumentAttachments.forRetrieval(document.json(), context.baseUrl())));
            }
        }

        SearchsetBundle bundle = new SearchsetBundle(context.traceId(), context.baseUrl());
        bundle.add(patient);
        JsonNode patientJson = tree(patient);
        addAll(bundle, directory, patientJson.path("managingOrganization"));
        addAll(bundle, directory, patientJson.path("generalPractitioner"));
        for (StoredResource document : documents) {
            JsonNode json = tree(document);
            addAll(bundle, directory, json.path("author"));
            addAll(bundle, directory, json.path("custodian"));
        }
        documents.forEach(bundle::add);
        bundle.write(response, format, fhir);
    }

    /**
     * The search as the document index takes it. A document's author is one Organization or one
     * Practitioner (CareConnect-GPC-DocumentReference-1 allows one); an organisation authored the
     * documents it is the author of and those its practitioners wrote (their PractitionerRole is there),
     * so searching by the practice's ODS code finds its own letters.
     */
    private GpRecordStore.DocumentCriteria criteria(String ods, DocumentSearchRequest search, PracticeDirectory directory) {
        List<String> authors = null;
        if (search.authorOds() != null) {
            List<String> organizations = store.findByIdentifier(ods, "Organization", IdentifierSystem.ODS_ORGANIZATION_CODE,
                    search.authorOds()).stream().map(StoredResource::reference).toList();
            authors = new ArrayList<>(organizations);
            authors.addAll(directory.practitionersAt(organizations));
        }
        return new GpRecordStore.DocumentCriteria(search.createdFrom(), search.createdBefore(), authors, search.keywords());
    }

    /**
     * The practice-directory resources a reference (or array of them) names, each Practitioner with its
     * PractitionerRoles (the _revinclude of PractitionerRole:practitioner).
     */
    private static void addAll(SearchsetBundle bundle, PracticeDirectory directory, JsonNode references) {
        Iterable<JsonNode> each = references.isArray() ? references : List.of(references);
        for (JsonNode reference : each) {
            String target = reference.path("reference").asText("");
            if (target.isEmpty() || bundle.contains(target)) {
                continue;
            }
            directory.find(target).ifPresent(resource -> {
                bundle.add(resource);
                if (resource.resourceType().equals("Practitioner")) {
                    directory.rolesOf(resource.id()).forEach(bundle::add);
                }
            });
        }
    }

    private static JsonNode tree(StoredResource resource) {
        try {
            return JSON.readTree(resource.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + resource.reference() + " is not JSON", e);
        }
    }
}
