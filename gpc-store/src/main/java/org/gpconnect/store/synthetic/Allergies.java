package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/** AllergyIntolerance entries: most still active, some resolved with the AllergyIntoleranceEnd extension. */
final class Allergies {
    static final String PROFILE = "CareConnect-GPC-AllergyIntolerance-1";
    static final String END = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-AllergyIntoleranceEnd-1";

    private Allergies() {}

    static void add(PatientChart chart) {
        Vocabulary.Allergen allergen = chart.pick(Vocabulary.ALLERGENS);
        LocalDate asserted = chart.day();
        boolean resolved = chart.chance(0.25);
        ObjectNode allergy = chart.item("AllergyIntolerance", "allergy", PROFILE);
        if (resolved) {
            ArrayNode end = PatientChart.extension(allergy.putArray("extension"), END).putArray("extension");
            PatientChart.extension(end, "endDate").put("valueDateTime", chart.dayAfter(asserted).toString());
            PatientChart.extension(end, "reasonEnded").put("valueString", "No longer experiences a reaction on exposure");
        }
        allergy.put("clinicalStatus", resolved ? "resolved" : "active");
        allergy.put("verificationStatus", "unconfirmed");
        allergy.put("type", "allergy");
        allergy.putArray("category").add(allergen.category());
        Vocabulary.Concept reaction = chart.pick(Vocabulary.REACTIONS);
        boolean anaphylaxis = reaction.code().equals("39579001");
        if (anaphylaxis) {
            allergy.put("criticality", "high");
        }
        allergy.set("code", PatientChart.concept(allergen.concept()));
        allergy.set("patient", chart.patient());
        allergy.put("onsetDateTime", asserted.toString());
        allergy.put("assertedDate", asserted.toString());
        allergy.set("recorder", PatientChart.reference(chart.practitioner()));
        ObjectNode reactionNode = allergy.putArray("reaction").addObject();
        reactionNode.putArray("manifestation").add(PatientChart.concept(reaction));
        reactionNode.put("severity", anaphylaxis ? "severe" : chart.pick(java.util.List.of("mild", "moderate")));
    }
}
