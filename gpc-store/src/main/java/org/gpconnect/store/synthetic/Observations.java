package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/** Uncategorised data: measurements, smoking status and blood pressure triples (panel + two components). */
final class Observations {
    static final String PROFILE = "CareConnect-GPC-Observation-1";

    private Observations() {}

    static void addMeasurement(PatientChart chart) {
        LocalDate day = chart.day();
        ObjectNode observation = observation(chart, "observation", day);
        if (chart.chance(0.15)) {
            observation.set("code", PatientChart.concept(chart.pick(Vocabulary.SMOKING)));
            return;
        }
        Vocabulary.Measure measure = chart.pick(Vocabulary.MEASURES);
        observation.set("code", PatientChart.concept(measure.concept()));
        observation.set("valueQuantity", PatientChart.quantity(
                chart.between(measure.low(), measure.high(), measure.decimals()), measure.unit()));
    }

    static void addBloodPressure(PatientChart chart) {
        ObjectNode observation = observation(chart, "bp", chart.day());
        observation.set("code", PatientChart.concept(Vocabulary.BLOOD_PRESSURE));
        int systolic = (int) chart.between(105, 175, 0);
        int diastolic = (int) chart.between(62, Math.min(105, systolic - 30), 0);
        ArrayNode components = observation.putArray("component");
        component(components, Vocabulary.SYSTOLIC, systolic);
        component(components, Vocabulary.DIASTOLIC, diastolic);
    }

    private static void component(ArrayNode components, Vocabulary.Concept code, int value) {
        ObjectNode component = components.addObject();
        component.set("code", PatientChart.concept(code));
        component.set("valueQuantity", PatientChart.quantity(value, "mm[Hg]"));
    }

    private static ObjectNode observation(PatientChart chart, String idType, LocalDate day) {
        ObjectNode observation = chart.item("Observation", idType, PROFILE);
        observation.put("status", "final");
        observation.set("subject", chart.patient());
        chart.linkConsultation(observation, "context");
        observation.put("effectiveDateTime", day.toString());
        observation.put("issued", chart.recorded(day));
        observation.putArray("performer").add(PatientChart.reference(chart.practitioner()));
        return observation;
    }
}
