package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consultation: an Encounter, the items recorded in it (each naming the Encounter), and its
 * structure Lists as GP Connect returns them: consultation List → one Topic List → Heading Lists
 * (History, Examination, Medication, Plan) → the items, in the order they were recorded.
 */
final class Consultations {
    static final String LIST = "CareConnect-GPC-List-1";
    static final Vocabulary.Concept CONSULTATION = new Vocabulary.Concept("325851000000107", "Consultation");
    static final Vocabulary.Concept TOPIC = new Vocabulary.Concept("25851000000105", "Topic (EHR)");
    static final Vocabulary.Concept HEADING = new Vocabulary.Concept("24781000000107", "Category (EHR)");
    static final List<Vocabulary.Concept> TYPES = List.of(
            new Vocabulary.Concept("185347001", "Encounter for problem"),
            new Vocabulary.Concept("185317003", "Telephone encounter"),
            new Vocabulary.Concept("439708006", "Home visit"));

    private Consultations() {}

    /** Records a consultation with the given number of episodes (each a few resources). */
    static void add(PatientChart chart, int episodes) {
        LocalDate day = chart.day();
        String clinician = chart.practitioner();
        Vocabulary.Concept type = chart.pick(TYPES);

        ObjectNode encounter = chart.item("Encounter", "encounter", "CareConnect-GPC-Encounter-1");
        encounter.put("status", "finished");
        encounter.putArray("type").add(PatientChart.concept(type));
        encounter.set("subject", chart.patient());
        ObjectNode participant = encounter.putArray("participant").addObject();
        participant.putArray("type").add(PatientChart.concept(
                "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-ParticipantType-1", "REC", "recorder"));
        participant.set("individual", PatientChart.reference(clinician));
        ObjectNode period = encounter.putObject("period");
        if (!type.code().equals("185317003")) {
            encounter.putArray("location").addObject().set("location", PatientChart.reference("Location/1"));
        }
        encounter.set("serviceProvider", PatientChart.reference("Organization/1"));
        String encounterRef = PatientChart.ref(encounter);

        int first = chart.resources.size();
        java.time.LocalDateTime start = chart.openConsultation(encounterRef, day);
        String started = PatientChart.instant(start);
        period.put("start", started);
        for (int i = 0; i < episodes; i++) {
            double roll = chart.random.nextDouble();
            if (roll < 0.35) {
                Observations.addBloodPressure(chart);
            } else if (roll < 0.6) {
                Observations.addMeasurement(chart);
            } else if (roll < 0.8) {
                Medications.add(chart, 3);
            } else if (roll < 0.88) {
                Immunisations.add(chart);
            } else if (roll < 0.94) {
                Requests.addReferral(chart);
            } else {
                Requests.addDiaryEntry(chart);
            }
        }
        chart.closeConsultation();
        String ended = PatientChart.instant(start.plusMinutes(12 + chart.random.nextInt(14)));
        period.put("end", ended);

        Map<String, List<String>> headings = new LinkedHashMap<>();
        for (ObjectNode item : List.copyOf(chart.resources.subList(first, chart.resources.size()))) {
            String heading = heading(item);
            if (heading != null) {
                headings.computeIfAbsent(heading, h -> new java.util.ArrayList<>()).add(PatientChart.ref(item));
            }
        }
        ObjectNode consultation = list(chart, "consultation", type.display(), CONSULTATION, encounterRef, ended);
        ObjectNode topic = list(chart, "topic", null, TOPIC, encounterRef, ended);
        consultation.putArray("entry").addObject().set("item", PatientChart.reference(PatientChart.ref(topic)));
        ArrayNode topicEntries = topic.putArray("entry");
        for (Map.Entry<String, List<String>> heading : headings.entrySet()) {
            ObjectNode list = list(chart, "heading", heading.getKey(), HEADING, encounterRef, ended);
            topicEntries.addObject().set("item", PatientChart.reference(PatientChart.ref(list)));
            ArrayNode entries = list.putArray("entry");
            for (String item : heading.getValue()) {
                entries.addObject().set("item", PatientChart.reference(item));
            }
        }
    }

    /** The SOAP heading an item is filed under; null for what the structure Lists do not reference. */
    private static String heading(ObjectNode item) {
        String id = item.get("id").asText();
        return switch (item.get("resourceType").asText()) {
            case "Observation" -> "Examination";
            case "MedicationRequest" -> id.contains("-plan-") ? "Medication" : null;
            case "Immunization" -> "History";
            case "ReferralRequest", "ProcedureRequest" -> "Plan";
            default -> null; // statements, Medications: reached through the plan
        };
    }

    private static ObjectNode list(PatientChart chart, String idType, String title, Vocabulary.Concept code,
                                   String encounter, String lastModified) {
        ObjectNode list = chart.item("List", idType, LIST);
        list.put("status", "current");
        list.put("mode", "snapshot");
        if (title != null) {
            list.put("title", title);
        }
        list.set("code", PatientChart.concept(code));
        list.set("subject", chart.patient());
        list.set("encounter", PatientChart.reference(encounter));
        list.put("date", lastModified);
        list.set("orderedBy", PatientChart.concept("http://hl7.org/fhir/list-order", "system", "Sorted by System"));
        return list;
    }
}
