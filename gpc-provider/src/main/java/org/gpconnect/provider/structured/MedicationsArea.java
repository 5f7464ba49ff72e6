package org.gpconnect.provider.structured;

import org.gpconnect.store.FilterFields;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Medications and medical devices (includeMedication): each MedicationStatement with the
 * authorisation (MedicationRequest plan) it is based on and, unless includePrescriptionIssues is
 * false, the issues (orders) of that plan; the Medications come through their references
 * (accessrecord_structured_development_medication_resource_relationships). A confidential
 * statement or plan is withheld with its issues.
 */
final class MedicationsArea {

    private MedicationsArea() {}

    static void addTo(StructuredRecordAssembly assembly, StructuredRecordRequest.Medication ask) {
        List<StoredResource> resources = new ArrayList<>(assembly.resources().ofType("MedicationStatement"));
        resources.addAll(assembly.resources().ofType("MedicationRequest"));
        Map<String, StoredResource> plans = new HashMap<>();
        Map<String, List<StoredResource>> issues = new HashMap<>();
        List<StoredResource> statements = new ArrayList<>();
        for (StoredResource resource : resources) {
            FilterFields node = assembly.fields(resource);
            if (resource.resourceType().equals("MedicationStatement")) {
                statements.add(resource);
            } else if (node.is("intent", "plan")) {
                plans.put("MedicationRequest/" + resource.id(), resource);
            } else {
                issues.computeIfAbsent(String.valueOf(node.get("basedOn")), k -> new ArrayList<>()).add(resource);
            }
        }
        List<String> references = new ArrayList<>();
        boolean withheld = false;
        for (StoredResource statement : statements) {
            FilterFields node = assembly.fields(statement);
            String planReference = String.valueOf(node.get("basedOn"));
            StoredResource plan = plans.get(planReference);
            if (!activeOnOrAfter(node, plan == null ? null : assembly.fields(plan), ask.searchFromDate().orElse(null))) {
                continue;
            }
            if (assembly.confidential(statement) || (plan != null && assembly.confidential(plan))) {
                withheld = true;
                continue;
            }
            assembly.item(statement);
            references.add("MedicationStatement/" + statement.id());
            if (plan != null) {
                assembly.item(plan);
                if (ask.includePrescriptionIssues()) {
                    issues.getOrDefault(planReference, List.of()).forEach(assembly::item);
                }
            }
        }
        assembly.list(ClinicalList.primary(PrimaryList.MEDICATIONS, assembly.patientId(), assembly.now(), references, List.of(),
                assembly.warnings(withheld)));
    }

    /**
     * The spec's medicationSearchFromDate rule: active on or after the date, where an open-ended
     * repeat is ongoing and an open-ended acute was active on its start date only; medication
     * prescribed elsewhere is returned whatever the date.
     */
    static boolean activeOnOrAfter(FilterFields statement, FilterFields plan, LocalDate from) {
        if (from == null || !statement.is("prescribingAgency", "prescribed-at-gp-practice")) {
            return true;
        }
        String end = statement.get("effectivePeriod.end");
        if (end != null) {
            return !LocalDate.parse(end.substring(0, 10)).isBefore(from);
        }
        boolean acute = plan != null && plan.get("prescriptionType") != null && plan.get("prescriptionType").startsWith("acute");
        String start = statement.get("effectivePeriod.start");
        return !acute || start == null || !LocalDate.parse(start.substring(0, 10)).isBefore(from);
    }
}
