package org.gpconnect.provider.structured;

import org.gpconnect.provider.documents.DocumentAttachments;

import org.gpconnect.store.FilterFields;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientResources;
import org.gpconnect.store.StoredResource;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Gathers one structured response: the clinical items each requested area contributes, the Lists
 * that summarise them, and then every administrative resource they reference, so that each
 * reference resolves inside the Bundle (accessrecord_structured_development_bundle).
 */
public final class StructuredRecordAssembly {
    /** The spec's suggested order: patient and its care providers first, then the clinical content. */
    private static final Map<String, Integer> ADMIN_ORDER = Map.of(
            "Patient", 0, "Organization", 1, "Practitioner", 2, "PractitionerRole", 3, "Location", 4);

    private final GpRecordStore store;
    private final String odsCode;
    private final StoredResource patient;
    private final org.gpconnect.store.PatientRecord record;
    private final OffsetDateTime now;
    private final PatientResources resources;
    /** Record migration with sensitive information: confidential items go too, labelled NOPAT. */
    private boolean includeConfidential;
    /** Absolute URL of the practice's Access Document root, where the documents' Binaries are. */
    private String documentsRoot;
    /** Migration has no document size limit: no placeholders for large documents. */
    private boolean migration;
    /** The practice switched documents off (clinical-area switch {@link DocumentReferences#SWITCH}). */
    private boolean documentsSwitchedOff;
    /** A DocumentReference would have been returned but for the switch: the Bundle says so. */
    private boolean documentsLeftOut;
    private final List<StoredResource> items = new ArrayList<>();
    private final List<StoredResource> referenceSources = new ArrayList<>();
    private final List<ClinicalList> lists = new ArrayList<>();

    public StructuredRecordAssembly(GpRecordStore store, String odsCode, GpRecordStore.PatientWithResource patient,
                                    OffsetDateTime now) {
        this.store = store;
        this.odsCode = odsCode;
        this.patient = patient.resource();
        this.record = patient.record();
        this.now = now;
        this.resources = store.resourcesOf(odsCode, this.patient.id());
        referenceSources.add(this.patient);
    }

    public void includeConfidential() {
        includeConfidential = true;
    }

    /** Where the documents' Binaries are: their attachment urls are made absolute on this root. */
    public void documentsAt(String accessDocumentRoot, boolean migration) {
        documentsRoot = accessDocumentRoot;
        this.migration = migration;
    }

    /** The practice switched the Documents clinical area off: no DocumentReference goes, wherever it is linked. */
    public void switchDocumentsOff() {
        documentsSwitchedOff = true;
    }

    /**
     * Whether the item is left out because its clinical area is switched off (documents: the only
     * area that can be reached by links alone); noted, so that the Bundle carries the warning.
     */
    public boolean switchedOff(StoredResource item) {
        if (documentsSwitchedOff && item.resourceType().equals(DocumentReferences.TYPE)) {
            documentsLeftOut = true;
            return true;
        }
        return false;
    }

    /** Some DocumentReference was left out because documents are switched off. */
    public boolean documentsLeftOut() {
        return documentsLeftOut;
    }

    /** Items the practice keeps confidential are withheld from direct care; their List says so. */
    public boolean confidential(StoredResource item) {
        return !includeConfidential && markedConfidential(item);
    }

    private boolean markedConfidential(StoredResource item) {
        return resources.markedConfidential(item);
    }

    /** A confidential item that migration does send carries the "no disclosure to patient" label (structured.md §10). */
    private StoredResource labelled(StoredResource item) {
        if (!includeConfidential || !markedConfidential(item)) {
            return item;
        }
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) RecordItems.json(item);
        json.with("meta").withArray("security").addObject().put("system", "http://hl7.org/fhir/v3/ActCode").put("code", "NOPAT")
                .put("display", "no disclosure to patient, family or caregivers without attending provider's authorization");
        return item.withJson(json.toString());
    }

    /**
     * A clinical item as this response serves it: labelled if confidential (migration), its links to
     * switched-off documents replaced by the spec's display, a DocumentReference's Binary url made
     * absolute. Only the few items these concern are touched; the rest go as stored.
     */
    private StoredResource served(StoredResource item) {
        StoredResource served = labelled(item);
        if (documentsSwitchedOff && referencesADocument(item)) {
            com.fasterxml.jackson.databind.JsonNode json = RecordItems.json(served);
            if (DocumentReferences.replaceReferences(json, this::switchedOffDocument)) {
                served = served.withJson(json.toString());
            }
        }
        if (documentsRoot != null && item.resourceType().equals(DocumentReferences.TYPE)) {
            served = served.withJson(migration ? DocumentAttachments.forMigration(served.json(), documentsRoot)
                    : DocumentAttachments.forRetrieval(served.json(), documentsRoot));
        }
        return served;
    }

    private boolean referencesADocument(StoredResource item) {
        for (org.gpconnect.store.ResourceIndex.Reference reference : resources.referencesOf(item)) {
            if (reference.type().equals(DocumentReferences.TYPE)) {
                return true;
            }
        }
        return false;
    }

    /** A link to a document that is switched off (a confidential one is withheld as confidential instead). */
    private boolean switchedOffDocument(String reference) {
        return resources.get(reference).map(document -> !confidential(document)).orElse(true);
    }

    /**
     * The warnings every List of this response carries: data in transit while a GP2GP transfer is
     * incomplete (dated from the registration), and confidential items where some were withheld.
     */
    public List<ListWarning> warnings(boolean itemsWithheld) {
        List<ListWarning> warnings = new ArrayList<>();
        if (itemsWithheld) {
            warnings.add(ListWarning.confidentialItems());
        }
        if (record.inTransit()) {
            warnings.add(ListWarning.dataInTransit(registrationStart()));
        }
        return warnings;
    }

    private java.time.LocalDate registrationStart() {
        for (var extension : RecordItems.json(patient).path("extension")) {
            for (var part : extension.path("extension")) {
                if ("registrationPeriod".equals(part.path("url").asText()) && part.path("valuePeriod").hasNonNull("start")) {
                    return java.time.LocalDate.parse(part.path("valuePeriod").get("start").asText().substring(0, 10));
                }
            }
        }
        return now.toLocalDate();
    }

    public String patientId() { return patient.id(); }
    public OffsetDateTime now() { return now; }
    /** The patient's stored resources, each type read once for the whole request. */
    public PatientResources resources() { return resources; }

    /** The elements an item is selected and linked by ({@link org.gpconnect.store.FilterFields}). */
    public FilterFields fields(StoredResource item) {
        return resources.filterFields(item);
    }

    /** A clinical item returned as a Bundle entry of its own. */
    public void item(StoredResource resource) {
        items.add(resource);
        referenceSources.add(resource);
    }

    /** A clinical item returned inside a List (ended allergies): not an entry, but what it references must be. */
    public void containedItem(StoredResource resource) {
        referenceSources.add(resource);
    }

    public void list(ClinicalList list) {
        lists.add(list);
    }

    public StructuredRecordBundle write(String traceId) {
        StructuredRecordBundle bundle = new StructuredRecordBundle(traceId);
        // a confidential item is never returned for direct care, whoever points at it
        // nor one of a clinical area the practice switched off
        List<StoredResource> referenced = new ArrayList<>(store.referencedClosure(resources, referenceSources).stream()
                .filter(resource -> !confidential(resource) && !switchedOff(resource)).toList());
        referenced.sort(Comparator.comparing(r -> ADMIN_ORDER.getOrDefault(r.resourceType(), ADMIN_ORDER.size())));
        bundle.add(patient);
        for (StoredResource resource : referenced) {
            if (ADMIN_ORDER.containsKey(resource.resourceType())) {
                bundle.add(resource);
            }
        }
        items.forEach(item -> bundle.add(served(item)));
        for (StoredResource resource : referenced) {
            if (!ADMIN_ORDER.containsKey(resource.resourceType())) {
                bundle.add(served(resource));
            }
        }
        lists.forEach(bundle::add);
        return bundle;
    }
}
