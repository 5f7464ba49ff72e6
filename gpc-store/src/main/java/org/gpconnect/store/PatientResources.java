package org.gpconnect.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One patient's stored resources for the length of one request: each type read at most once (one
 * query), each item's filter fields parsed at most once, references between them resolved in
 * memory. Not thread-safe; a request owns it.
 */
public final class PatientResources {
    private final GpRecordStore store;
    private final String odsCode;
    private final String patientId;
    private final Map<String, List<StoredResource>> byType = new HashMap<>();
    private final Map<String, StoredResource> byReference = new HashMap<>();
    private final Map<String, String> storedFields = new HashMap<>();
    private final Map<String, JsonNode> parsedFields = new HashMap<>();
    private Set<String> confidential;

    PatientResources(GpRecordStore store, String odsCode, String patientId) {
        this.store = store;
        this.odsCode = odsCode;
        this.patientId = patientId;
    }

    public String odsCode() { return odsCode; }
    public String patientId() { return patientId; }

    /** The patient's resources of one type, in id order. */
    public List<StoredResource> ofType(String type) {
        List<StoredResource> resources = byType.get(type);
        if (resources == null) {
            resources = new ArrayList<>();
            for (GpRecordStore.PatientRow row : store.patientRows(odsCode, patientId, type)) {
                resources.add(row.resource());
                String reference = type + "/" + row.resource().id();
                byReference.put(reference, row.resource());
                storedFields.put(reference, row.filterFields());
            }
            byType.put(type, resources);
        }
        return resources;
    }

    /** One of the patient's resources by its relative reference ("Type/id"). */
    public Optional<StoredResource> get(String reference) {
        int slash = reference.indexOf('/');
        if (slash < 1) {
            return Optional.empty();
        }
        ofType(reference.substring(0, slash));
        return Optional.ofNullable(byReference.get(reference));
    }

    /** The item's {@link FilterFields}: stored with it, or projected from its JSON if written before they were. */
    public JsonNode filterFields(StoredResource item) {
        String reference = item.resourceType() + "/" + item.id();
        JsonNode fields = parsedFields.get(reference);
        if (fields == null) {
            String stored = storedFields.get(reference);
            fields = stored != null ? parse(stored) : FilterFields.of(parse(item.json()));
            parsedFields.put(reference, fields);
        }
        return fields;
    }

    /** What one of the patient's resources references, from its filter fields (the patient itself left out). */
    public List<ResourceIndex.Reference> referencesOf(StoredResource item) {
        List<ResourceIndex.Reference> references = new ArrayList<>();
        for (JsonNode ref : filterFields(item).path("refs")) {
            String text = ref.asText();
            int slash = text.indexOf('/');
            references.add(new ResourceIndex.Reference(text.substring(0, slash), text.substring(slash + 1)));
        }
        return references;
    }

    /** Whether the resource is one of the patient's own (as against a shared Practitioner, Medication, ...). */
    public boolean owns(StoredResource resource) {
        return get(resource.resourceType() + "/" + resource.id()).isPresent();
    }

    /** The patient's items the practice keeps confidential, as "Type/id". */
    public boolean markedConfidential(StoredResource item) {
        if (confidential == null) {
            confidential = store.confidentialItems(odsCode, patientId);
        }
        return !confidential.isEmpty() && confidential.contains(item.resourceType() + "/" + item.id());
    }

    private static JsonNode parse(String json) {
        try {
            return ResourceIndex.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException(new java.sql.SQLException("stored JSON does not parse", e));
        }
    }
}
