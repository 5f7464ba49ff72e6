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

    /** A Practitioner, PractitionerRole, Organization or Location of the practice, by reference ("Organization/2"). */
    public java.util.Optional<StoredResource> find(String reference) {
        return java.util.Optional.ofNullable(byReference.get(reference)).map(GpRecordStore.Row::resource);
    }

    /** The references a resource of the directory makes (a PractitionerRole's Organization), as "Type/id". */
    public List<String> referencesOf(String reference) {
        GpRecordStore.Row row = byReference.get(reference);
        return row == null ? List.of() : PatientResources.references(PatientResources.fields(row)).stream()
                .map(target -> target.type() + "/" + target.id()).toList();
    }

    /** The Practitioners ("Practitioner/1") with a PractitionerRole at one of the organisations ("Organization/1"). */
    public List<String> practitionersAt(java.util.Collection<String> organizations) {
        List<String> practitioners = new ArrayList<>();
        for (Map.Entry<String, List<StoredResource>> entry : rolesByPractitioner.entrySet()) {
            boolean there = entry.getValue().stream()
                    .anyMatch(role -> referencesOf(role.reference()).stream().anyMatch(organizations::contains));
            if (there) {
                practitioners.add("Practitioner/" + entry.getKey());
            }
        }
        practitioners.sort(null);
        return practitioners;
    }

    /** The PractitionerRoles of one Practitioner, in id order. */
    public List<StoredResource> rolesOf(String practitionerId) {
        return rolesByPractitioner.getOrDefault(practitionerId, List.of());
    }
}
