package org.gpconnect.provider.structured;

import org.gpconnect.store.FilterFields;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consultations (includeConsultations): the Encounters in the search period (or the N most
 * recent), each with its consultation, topic and heading Lists and every item they hold, whatever
 * areas were asked for; the secondary "Consultations - ... contained in consultations" Lists name
 * those items by area (accessrecord_structured_development_consultation_guidance). A confidential
 * consultation is left out with the warning on the primary List; a confidential item inside one is
 * taken out of its structure List, with the warning on its secondary List. A document in one
 * (DocumentReference) comes by reference, unless the practice switched documents off.
 */
final class ConsultationsArea {
    /** Secondary list code and title per item type found in consultations. */
    private static final Map<String, String[]> SECONDARY_LISTS = Map.of(
            "AllergyIntolerance", new String[]{"consultations-allergies-contained-in-consultations", "Consultations - allergies contained in consultations"},
            "ProcedureRequest", new String[]{"consultations-diary-entries-contained-in-consultations", "Consultations - diary entries contained in consultations"},
            "Immunization", new String[]{"consultations-immunisations-contained-in-consultations", "Consultations - immunisations contained in consultations"},
            "DiagnosticReport", new String[]{"consultations-investigations-contained-in-consultations", "Consultations - investigations contained in consultations"},
            DocumentReferences.TYPE, new String[]{"consultations-documents-contained-in-consultations", "Consultations - documents contained in consultations"},
            "MedicationRequest", new String[]{"consultations-medications-contained-in-consultations", "Consultations - medications contained in consultations"},
            "ReferralRequest", new String[]{"consultations-outbound-referrals-in-consultations", "Consultations - outbound referrals in consultations"},
            "Condition", new String[]{"consultations-problems-contained-in-consultations", "Consultations - problems contained in consultations"},
            "Observation", new String[]{"consultations-uncategorised-data-contained-in-consultations", "Consultations - uncategorised data contained in consultations"});

    private ConsultationsArea() {}

    static void addTo(StructuredRecordAssembly assembly, StructuredRecordRequest.Consultations ask) {
        // each Encounter is parsed once: its start orders the most recent ones
        Map<StoredResource, String> starts = new LinkedHashMap<>();
        for (StoredResource encounter : assembly.resources().ofType("Encounter")) {
            FilterFields json = assembly.fields(encounter);
            if (ask.searchPeriod().map(period -> inPeriod(json, period)).orElse(true)) {
                starts.put(encounter, String.valueOf(json.get("period.start")));
            }
        }
        List<StoredResource> encounters = new ArrayList<>(starts.keySet());
        if (ask.numberOfMostRecent().isPresent()) {
            encounters.sort(Comparator.comparing(starts::get, Comparator.reverseOrder()));
            encounters = encounters.subList(0, Math.min(encounters.size(), ask.numberOfMostRecent().get()));
        }
        Map<String, List<StoredResource>> structureByEncounter = new LinkedHashMap<>();
        for (StoredResource list : assembly.resources().ofType("List")) {
            String encounter = assembly.fields(list).get("encounter");
            if (encounter != null) {
                structureByEncounter.computeIfAbsent(encounter, k -> new ArrayList<>()).add(list);
            }
        }

        List<String> primary = new ArrayList<>();
        boolean withheld = false;
        SecondaryLists secondary = new SecondaryLists(SECONDARY_LISTS);
        Set<String> plans = new HashSet<>();
        for (StoredResource encounter : encounters) {
            if (assembly.confidential(encounter)) {
                withheld = true;
                continue;
            }
            assembly.item(encounter);
            primary.add("Encounter/" + encounter.id());
            for (StoredResource structure : structureByEncounter.getOrDefault("Encounter/" + encounter.id(), List.of())) {
                Set<String> withheldEntries = new HashSet<>();
                for (String reference : assembly.fields(structure).all("entry")) {
                    if (reference.startsWith("List/") || reference.indexOf('/') < 1) {
                        continue;
                    }
                    String type = reference.substring(0, reference.indexOf('/'));
                    StoredResource item = assembly.resources().get(reference).orElse(null);
                    if (item != null && assembly.confidential(item)) {
                        withheldEntries.add(reference);
                        if (secondary.covers(type)) {
                            secondary.withheld(type);
                        }
                        continue;
                    }
                    if (item != null && assembly.switchedOff(item)) {
                        continue; // the entry says "Document items have been disabled" (StructuredRecordAssembly)
                    }
                    if (secondary.covers(type)) {
                        secondary.item(type, reference);
                    }
                    if (type.equals("MedicationRequest")) {
                        plans.add(reference);
                    }
                }
                assembly.item(withheldEntries.isEmpty() ? structure : RecordItems.without(structure, "entry", entry -> entry.path("item").path("reference").asText(), withheldEntries));
            }
        }
        // a medication in a consultation always comes as statement, authorisation and Medication
        if (!plans.isEmpty()) {
            for (StoredResource statement : assembly.resources().ofType("MedicationStatement")) {
                if (plans.contains(String.valueOf(assembly.fields(statement).get("basedOn")))
                        && !assembly.confidential(statement)) {
                    assembly.item(statement);
                }
            }
        }
        assembly.list(ClinicalList.primary(PrimaryList.CONSULTATIONS, assembly.patientId(), assembly.now(), primary, List.of(),
                assembly.warnings(withheld)));
        secondary.addTo(assembly);
    }


    /** Started on or after the period's start, ended on or before its end (structured.md §7). */
    private static boolean inPeriod(FilterFields encounter, SearchPeriod period) {
        String start = encounter.get("period.start");
        String end = encounter.get("period.end") != null ? encounter.get("period.end") : start;
        if (start == null) {
            return true;
        }
        return (period.start() == null || !LocalDate.parse(start.substring(0, 10)).isBefore(period.start()))
                && (period.end() == null || !LocalDate.parse(end.substring(0, 10)).isAfter(period.end()));
    }
}
