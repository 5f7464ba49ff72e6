package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * A pathology report as GP Connect returns one: DiagnosticReport based on a test request
 * (ProcedureRequest), a Specimen, a full blood count test group with its results, standalone
 * chemistry results and the filing comment.
 */
final class Investigations {
    static final String OBSERVATION = "CareConnect-GPC-Observation-1";
    static final ObjectNode LABORATORY = PatientChart.concept(
            "http://hl7.org/fhir/observation-category", "laboratory", "Laboratory");

    private Investigations() {}

    static void add(PatientChart chart) {
        LocalDate collected = chart.day();
        LocalDate reported = collected.plusDays(1 + chart.random.nextInt(3));
        String issued = chart.recorded(reported);
        String requester = chart.practitioner();

        ObjectNode request = chart.item("ProcedureRequest", "test-request", "CareConnect-GPC-ProcedureRequest-1");
        request.put("status", "active");
        request.put("intent", "order");
        request.set("code", PatientChart.concept(Vocabulary.BLOOD_TEST));
        request.set("subject", chart.patient());
        request.putObject("requester").set("agent", PatientChart.reference(requester));

        ObjectNode specimen = chart.item("Specimen", "specimen", "CareConnect-GPC-Specimen-1");
        specimen.put("status", "available");
        specimen.set("type", PatientChart.concept(Vocabulary.BLOOD_SPECIMEN));
        specimen.set("subject", chart.patient());
        specimen.put("receivedTime", chart.recorded(collected));
        specimen.putObject("collection").put("collectedDateTime", collected.toString());
        String specimenRef = PatientChart.ref(specimen);

        ObjectNode report = chart.item("DiagnosticReport", "report", "CareConnect-GPC-DiagnosticReport-1");
        ArrayNode results = PatientChart.object().putArray("result");

        if (chart.chance(0.6)) {
            ObjectNode group = result(chart, "test-group", Vocabulary.FULL_BLOOD_COUNT, collected, issued, specimenRef);
            results.add(PatientChart.reference(PatientChart.ref(group)));
            ArrayNode members = group.putArray("related");
            for (Vocabulary.Measure measure : Vocabulary.BLOOD_COUNT) {
                ObjectNode member = measured(chart, measure, collected, issued, specimenRef);
                ObjectNode up = member.putArray("related").addObject();
                up.put("type", "derived-from");
                up.set("target", PatientChart.reference(PatientChart.ref(group)));
                ObjectNode down = members.addObject();
                down.put("type", "has-member");
                down.set("target", PatientChart.reference(PatientChart.ref(member)));
            }
        }
        int chemistry = 1 + chart.random.nextInt(Vocabulary.CHEMISTRY.size());
        for (int i = 0; i < chemistry; i++) {
            ObjectNode result = measured(chart, Vocabulary.CHEMISTRY.get(i), collected, issued, specimenRef);
            results.add(PatientChart.reference(PatientChart.ref(result)));
        }
        ObjectNode filing = chart.item("Observation", "filing-comment", OBSERVATION);
        filing.put("status", "unknown");
        filing.set("code", PatientChart.concept(Vocabulary.COMMENT_NOTE));
        filing.set("subject", chart.patient());
        filing.put("effectiveDateTime", reported.toString());
        filing.put("issued", issued);
        filing.putArray("performer").add(PatientChart.reference(requester));
        filing.put("comment", chart.pick(java.util.List.of("Normal - no action", "Satisfactory", "Repeat in 3 months")));
        results.add(PatientChart.reference(PatientChart.ref(filing)));

        report.putArray("basedOn").add(PatientChart.reference(PatientChart.ref(request)));
        report.put("status", "final");
        report.set("category", PatientChart.concept("http://hl7.org/fhir/v2/0074", "LAB", "Laboratory"));
        report.set("code", PatientChart.concept(Vocabulary.DIAGNOSTIC_STUDIES_REPORT));
        report.set("subject", chart.patient());
        report.put("issued", issued);
        report.putArray("specimen").add(PatientChart.reference(specimenRef));
        report.set("result", results);
    }

    private static ObjectNode result(PatientChart chart, String idType, Vocabulary.Concept code, LocalDate collected,
                                     String issued, String specimen) {
        ObjectNode observation = chart.item("Observation", idType, OBSERVATION);
        observation.put("status", "final");
        observation.set("code", PatientChart.concept(code));
        observation.set("subject", chart.patient());
        observation.put("effectiveDateTime", collected.toString());
        observation.put("issued", issued);
        observation.set("specimen", PatientChart.reference(specimen));
        return observation;
    }

    private static ObjectNode measured(PatientChart chart, Vocabulary.Measure measure, LocalDate collected,
                                       String issued, String specimen) {
        ObjectNode observation = result(chart, "test-result", measure.concept(), collected, issued, specimen);
        observation.putArray("category").add(LABORATORY.deepCopy());
        // a little outside the reference range now and then, as real results are
        double spread = (measure.high() - measure.low()) * 0.15;
        observation.set("valueQuantity", PatientChart.quantity(
                chart.between(measure.low() - spread, measure.high() + spread, measure.decimals()), measure.unit()));
        ObjectNode range = observation.putArray("referenceRange").addObject();
        range.set("low", PatientChart.quantity(measure.low(), measure.unit()));
        range.set("high", PatientChart.quantity(measure.high(), measure.unit()));
        return observation;
    }
}
