package org.gpconnect.provider.structured;

import com.fasterxml.jackson.databind.JsonNode;
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
    private static final String PRESCRIBING_AGENCY = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescribingAgency-1";
    private static final String PRESCRIPTION_TYPE = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescriptionType-1";

    private MedicationsArea() {}

    static void addTo(StructuredRecordAssembly assembly, StructuredRecordRequest.Medication ask) {
        List<StoredResource> resources = new ArrayList<>(assembly.resources().ofType("MedicationStatement"));
        resources.addAll(assembly.resources().ofType("MedicationRequest"));
        Map<String, StoredResource> plans = new HashMap<>();
        Map<String, List<StoredResource>> issues = new HashMap<>();
        List<StoredResource> statements = new ArrayList<>();
        Map<String, JsonNode> json = new HashMap<>();
        for (StoredResource resource : resources) {
            JsonNode node = assembly.fields(resource);
            json.put(resource.resourceType() + "/" + resource.id(), node);
            if (resource.resourceType().equals("MedicationStatement")) {
                statements.add(resource);
            } else if ("plan".equals(node.path("intent").asText())) {
                plans.put("MedicationRequest/" + resource.id(), resource);
            } else {
                issues.computeIfAbsent(node.path("basedOn").path(0).path("reference").asText(), k -> new ArrayList<>()).add(resource);
            }
        }
        List<String> references = new ArrayList<>();
        boolean withheld = false;
        for (StoredResource statement : statements) {
            JsonNode node = json.get("MedicationStatement/" + statement.id());
            String planReference = node.path("basedOn").path(0).path("reference").asText();
            StoredResource plan = plans.get(planReference);
            if (!activeOnOrAfter(node, plan == null ? null : json.get(planReference), ask.searchFromDate().orElse(null))) {
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
    static boolean activeOnOrAfter(JsonNode statement, JsonNode plan, LocalDate from) {
        if (from == null || !"prescribed-at-gp-practice".equals(code(statement, PRESCRIBING_AGENCY))) {
            return true;
        }
        JsonNode period = statement.path("effectivePeriod");
        String end = period.path("end").asText(null);
        if (end != null) {
            return !LocalDate.parse(end.substring(0, 10)).isBefore(from);
        }
        boolean acute = plan != null && code(plan, PRESCRIPTION_TYPE) != null && code(plan, PRESCRIPTION_TYPE).startsWith("acute");
        String start = period.path("start").asText(null);
        return !acute || start == null || !LocalDate.parse(start.substring(0, 10)).isBefore(from);
    }

    private static String code(JsonNode resource, String extensionUrl) {
        for (JsonNode extension : resource.path("extension")) {
            if (extensionUrl.equals(extension.path("url").asText())) {
                return extension.path("valueCodeableConcept").path("coding").path(0).path("code").asText(null);
            }
        }
        return null;
    }
}
