package org.gpconnect.store;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One patient's stored resources for the length of one request: each type read at most once (or
 * all in one query), each item's filter fields parsed at most once, references between them
 * resolved in memory, and the shared resources a response reaches (practitioners, medications)
 * kept beside them. Not thread-safe; a request owns it.
 */
public final class PatientResources {
    private final GpRecordStore store;
    private final String odsCode;
    private final String patientId;
    private final Map<String, List<StoredResource>> byType = new HashMap<>();
    private final Map<String, GpRecordStore.Row> own = new HashMap<>();
    private final Map<String, GpRecordStore.Row> shared = new HashMap<>();
    private final Map<String, FilterFields> parsedFields = new HashMap<>();
    private boolean allRead;
    private Set<String> confidential;

    PatientResources(GpRecordStore store, String odsCode, String patientId) {
        this.store = store;
        this.odsCode = odsCode;
        this.patientId = patientId;
    }

    public String odsCode() { return odsCode; }
    public String patientId() { return patientId; }

    /** Reads every type in one query: for requests that will touch most of the record. */
    public void readAll() {
        if (allRead) {
            return;
        }
        Map<String, List<StoredResource>> read = new HashMap<>();
        for (GpRecordStore.Row row : store.patientRows(odsCode, patientId, null)) {
            if (!byType.containsKey(row.resource().resourceType())) {
                read.computeIfAbsent(row.resource().resourceType(), k -> new ArrayList<>()).add(row.resource());
                own.put(reference(row.resource()), row);
            }
        }
        byType.putAll(read);
        allRead = true;
    }

    /** Every one of the patient's resources, by type and id. */
    public List<StoredResource> all() {
        readAll();
        return byType.keySet().stream().sorted().flatMap(type -> byType.get(type).stream()).toList();
    }

    /** The patient's resources of one type, in id order. */
    public List<StoredResource> ofType(String type) {
        List<StoredResource> resources = byType.get(type);
        if (resources == null) {
            resources = new ArrayList<>();
            if (!allRead) {
                for (GpRecordStore.Row row : store.patientRows(odsCode, patientId, type)) {
                    resources.add(row.resource());
                    own.put(reference(row.resource()), row);
                }
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
        GpRecordStore.Row row = own.get(reference);
        return row == null ? Optional.empty() : Optional.of(row.resource());
    }

    /** The patient's resource, or a shared one this request already holds or the practice directory has. */
    Optional<StoredResource> resolve(String reference) {
        Optional<StoredResource> resource = get(reference);
        if (resource.isPresent()) {
            return resource;
        }
        GpRecordStore.Row row = shared.get(reference);
        if (row == null) {
            row = store.directory(odsCode).get(reference);
            if (row != null) {
                shared.put(reference, row);
            }
        }
        return row == null ? Optional.empty() : Optional.of(row.resource());
    }

    void addShared(GpRecordStore.Row row) {
        shared.put(reference(row.resource()), row);
    }

    /** The item's {@link FilterFields}: stored with it, or projected from its JSON if written before they were. */
    public FilterFields filterFields(StoredResource item) {
        String reference = reference(item);
        FilterFields fields = parsedFields.get(reference);
        if (fields == null) {
            GpRecordStore.Row row = own.get(reference);
            if (row == null) {
                row = shared.get(reference);
            }
            fields = fields(row != null ? row : new GpRecordStore.Row(item, null));
            parsedFields.put(reference, fields);
        }
        return fields;
    }

    /** What a resource this request holds references (the patient itself left out). */
    public List<ResourceIndex.Reference> referencesOf(StoredResource resource) {
        return references(filterFields(resource));
    }

    /** Whether the practice keeps the item confidential (withheld from direct care). */
    public boolean markedConfidential(StoredResource item) {
        if (confidential == null) {
            confidential = store.confidentialItems(odsCode, patientId);
        }
        return !confidential.isEmpty() && confidential.contains(reference(item));
    }

    static FilterFields fields(GpRecordStore.Row row) {
        return row.filterFields() != null ? FilterFields.parse(row.filterFields()) : FilterFields.of(parse(row.resource().json()));
    }

    static List<ResourceIndex.Reference> references(FilterFields fields) {
        List<ResourceIndex.Reference> references = new ArrayList<>();
        for (String text : fields.all("refs")) {
            int slash = text.indexOf('/');
            references.add(new ResourceIndex.Reference(text.substring(0, slash), text.substring(slash + 1)));
        }
        return references;
    }

    private static String reference(StoredResource resource) {
        return resource.reference();
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return ResourceIndex.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException(new java.sql.SQLException("stored JSON does not parse", e));
        }
    }
}
