package org.gpconnect.provider.structured;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.FilterFields;
import org.gpconnect.store.StoredResource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Problems (includeProblems): the problem headers that pass the status filter, and for what they
 * link to (relatedClinicalContent, related problems) the secondary "Problems - ... related to
 * problems" Lists, with the linked items in the Bundle (accessrecord_structured_development_linkages).
 * A confidential linked item is withheld, its link removed from the problem, and the secondary
 * List carries the confidential-items warning.
 */
final class ProblemsArea {
    private static final String RELATED_CONTENT = "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedClinicalContent-1";
    private static final String RELATED_PROBLEM = "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedProblemHeader-1";
    /** Secondary list code (and title) per linked resource type. */
    private static final Map<String, String[]> SECONDARY_LISTS = Map.ofEntries(
            Map.entry("AllergyIntolerance", new String[]{"problems-allergies-related-to-problems", "Problems - allergies related to problems"}),
            Map.entry("Encounter", new String[]{"problems-consultations-related-to-problems", "Problems - consultations related to problems"}),
            Map.entry("ProcedureRequest", new String[]{"problems-diary-entries-related-to-problems", "Problems - diary entries related to problems"}),
            Map.entry(DocumentReferences.TYPE, new String[]{"problems-documents-related-to-problems", "Problems - documents related to problems"}),
            Map.entry("Immunization", new String[]{"problems-immunisations-related-to-problems", "Problems - immunisations related to problems"}),
            Map.entry("DiagnosticReport", new String[]{"problems-investigations-related-to-problems", "Problems - investigations related to problems"}),
            Map.entry("MedicationRequest", new String[]{"problems-medications-related-to-problems", "Problems - medications related to problems"}),
            Map.entry("MedicationStatement", new String[]{"problems-medications-related-to-problems", "Problems - medications related to problems"}),
            Map.entry("ReferralRequest", new String[]{"problems-outbound-referrals-related-to-problems", "Problems - outbound referrals related to problems"}),
            Map.entry("Observation", new String[]{"problems-uncategorised-data-related-to-problems", "Problems - uncategorised data related to problems"}),
            Map.entry("Condition", new String[]{"problems-linked-problems-not-relating-to-the-primary-query", "Problems - linked problems not relating to the primary query"}));

    private ProblemsArea() {}

    static void addTo(StructuredRecordAssembly assembly, StructuredRecordRequest.Problems ask) {
        List<StoredResource> conditions = assembly.resources().ofType("Condition");
        // which problems the filter returns, decided once: a link to one of them needs no secondary list
        Set<String> primaryProblems = new LinkedHashSet<>();
        for (StoredResource condition : conditions) {
            FilterFields json = assembly.fields(condition);
            if (ask.includes(status(json), significance(json))) {
                primaryProblems.add("Condition/" + condition.id());
            }
        }

        List<String> primary = new ArrayList<>();
        boolean withheld = false;
        SecondaryLists secondary = new SecondaryLists(SECONDARY_LISTS);
        for (StoredResource condition : conditions) {
            if (!primaryProblems.contains("Condition/" + condition.id())) {
                continue;
            }
            if (assembly.confidential(condition)) {
                withheld = true;
                continue;
            }
            Set<String> removedLinks = new LinkedHashSet<>();
            for (String target : assembly.fields(condition).all("link")) {
                if (target.indexOf('/') < 1) {
                    continue;
                }
                String type = target.substring(0, target.indexOf('/'));
                Optional<StoredResource> linked = assembly.resources().get(target);
                if (linked.isPresent() && assembly.confidential(linked.get())) {
                    removedLinks.add(target);
                    if (secondary.covers(type)) {
                        secondary.withheld(type);
                    }
                } else if (linked.isPresent() && assembly.switchedOff(linked.get())) {
                    // documents switched off: the link says "Document items have been disabled" (StructuredRecordAssembly)
                } else if (secondary.covers(type) && linked.isPresent() && !primaryProblems.contains(target)) {
                    assembly.item(linked.get());
                    secondary.item(type, target);
                }
            }
            assembly.item(removedLinks.isEmpty() ? condition : RecordItems.without(condition, "extension", ProblemsArea::linkTarget, removedLinks));
            primary.add("Condition/" + condition.id());
        }
        assembly.list(ClinicalList.primary(PrimaryList.PROBLEMS, assembly.patientId(), assembly.now(), primary, List.of(),
                assembly.warnings(withheld)));
        secondary.addTo(assembly);
    }


    private static String linkTarget(JsonNode extension) {
        String url = extension.path("url").asText();
        if (RELATED_CONTENT.equals(url)) {
            return extension.path("valueReference").path("reference").asText(null);
        }
        if (RELATED_PROBLEM.equals(url)) {
            for (JsonNode part : extension.path("extension")) {
                if ("target".equals(part.path("url").asText())) {
                    return part.path("valueReference").path("reference").asText(null);
                }
            }
        }
        return null;
    }

    /** The filter knows active and inactive; STU3's recurrence counts as active, remission and resolved as inactive. */
    private static String status(FilterFields condition) {
        String status = String.valueOf(condition.get("clinicalStatus"));
        return status.equals("active") || status.equals("recurrence") ? "active" : "inactive";
    }

    private static String significance(FilterFields condition) {
        return condition.get("significance");
    }
}
