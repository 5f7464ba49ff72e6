package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/** Problem headers (Condition): the long-term conditions that make a record multi-morbid. */
final class Problems {
    static final String PROFILE = "CareConnect-GPC-ProblemHeader-Condition-1";
    static final String SIGNIFICANCE = "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ProblemSignificance-1";
    static final String CATEGORY = "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-ConditionCategory-1";

    private Problems() {}

    static void add(PatientChart chart) {
        Vocabulary.Concept problem = chart.pick(Vocabulary.PROBLEMS);
        LocalDate onset = chart.day();
        boolean active = chart.chance(0.7);
        ObjectNode condition = chart.item("Condition", "problem", PROFILE);
        PatientChart.extension(condition.putArray("extension"), SIGNIFICANCE)
                .put("valueCode", chart.chance(0.6) ? "major" : "minor");
        condition.put("clinicalStatus", active ? "active" : "inactive");
        condition.putArray("category").add(PatientChart.concept(CATEGORY, "problem-list-item", "Problem List Item"));
        condition.set("code", PatientChart.concept(problem));
        condition.set("subject", chart.patient());
        condition.put("onsetDateTime", onset.toString());
        if (!active) {
            condition.put("abatementDateTime", chart.dayAfter(onset).toString());
        }
        condition.put("assertedDate", onset.toString());
        condition.set("asserter", PatientChart.reference(chart.practitioner()));
    }
}
