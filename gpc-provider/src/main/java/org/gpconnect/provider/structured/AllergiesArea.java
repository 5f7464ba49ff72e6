package org.gpconnect.provider.structured;

import org.gpconnect.store.StoredResource;

import java.util.ArrayList;
import java.util.List;

/**
 * Allergies (includeAllergies): active allergies always and in full, as entries of the "Allergies
 * and adverse reactions" List; with includeResolvedAllergies, resolved ones contained in the
 * "Ended allergies" List (accessrecord_structured_development_allergies_guidance).
 */
public final class AllergiesArea {
    private AllergiesArea() {}

    public static void addTo(StructuredRecordAssembly assembly, boolean includeResolved) {
        List<StoredResource> allergies = assembly.resources().ofType("AllergyIntolerance");
        List<String> active = new ArrayList<>();
        List<String> endedRefs = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        boolean activeWithheld = false;
        boolean endedWithheld = false;
        for (StoredResource allergy : allergies) {
            boolean resolved = assembly.fields(allergy).is("clinicalStatus", "resolved");
            if (assembly.confidential(allergy)) {
                activeWithheld |= !resolved;
                endedWithheld |= resolved;
            } else if (resolved) {
                if (includeResolved) {
                    assembly.containedItem(allergy);
                    ended.add(allergy.json());
                    endedRefs.add("#" + allergy.id());
                }
            } else {
                assembly.item(allergy);
                active.add("AllergyIntolerance/" + allergy.id());
            }
        }
        assembly.list(ClinicalList.primary(PrimaryList.ALLERGIES, assembly.patientId(), assembly.now(), active, List.of(),
                assembly.warnings(activeWithheld)));
        if (includeResolved) {
            assembly.list(ClinicalList.primary(PrimaryList.ENDED_ALLERGIES, assembly.patientId(), assembly.now(), endedRefs, ended,
                    assembly.warnings(endedWithheld)));
        }
    }
}
