package org.gpconnect.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a practice's Practitioners, PractitionerRoles, Organizations and Locations, with
 * each PractitionerRole filed under the Practitioner it is for. Immutable once built.
 */
public final class PracticeDirectory {
    private final Map<String, GpRecordStore.Row> byReference = new HashMap<>();
    private final Map<String, List<StoredResource>> rolesByPractitioner = new HashMap<>();
    private final long readAt;

    PracticeDirectory(List<GpRecordStore.Row> rows, long readAt) {
        this.readAt = readAt;
        for (GpRecordStore.Row row : rows) {
            StoredResource resource = row.resource();
            byReference.put(resource.reference(), row);
            if (resource.resourceType().equals("PractitionerRole")) {
                for (ResourceIndex.Reference target : PatientResources.references(PatientResources.fields(row))) {
                    if (target.type().equals("Practitioner")) {
                        rolesByPractitioner.computeIfAbsent(target.id(), k -> new ArrayList<>()).add(resource);
                    }
                }
            }
        }
    }

    long readAt() { return readAt; }

    GpRecordStore.Row get(String reference) {
        return byReference.get(reference);
    }

    /** The PractitionerRoles of one Practitioner, in id order. */
    public List<StoredResource> rolesOf(String practitionerId) {
        return rolesByPractitioner.getOrDefault(practitionerId, List.of());
    }
}
