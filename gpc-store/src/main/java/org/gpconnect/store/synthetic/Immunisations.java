package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * Given immunisations. The vaccine product is recorded as unknown (nullFlavor UNK, as the spec
 * allows) so that no dm+d vaccine code has to be invented; the procedure carries the meaning.
 */
final class Immunisations {
    static final String RECORDED = "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-DateRecorded-1";
    static final String PROCEDURE = "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-VaccinationProcedure-1";

    private Immunisations() {}

    static void add(PatientChart chart) {
        Vocabulary.Concept procedure = chart.pick(Vocabulary.VACCINATIONS);
        LocalDate given = chart.day();
        ObjectNode immunization = chart.item("Immunization", "immunisation", "CareConnect-GPC-Immunization-1");
        ArrayNode extensions = immunization.putArray("extension");
        PatientChart.extension(extensions, RECORDED).put("valueDateTime", chart.recorded(given));
        PatientChart.extension(extensions, PROCEDURE).set("valueCodeableConcept", PatientChart.concept(procedure));
        immunization.put("status", "completed");
        immunization.put("notGiven", false);
        immunization.set("vaccineCode", PatientChart.concept("http://hl7.org/fhir/v3/NullFlavor", "UNK", "unknown"));
        immunization.set("patient", chart.patient());
        chart.linkConsultation(immunization, "encounter");
        immunization.put("date", given.toString());
        immunization.put("primarySource", true);
        immunization.set("location", PatientChart.reference("Location/1"));
        ObjectNode practitioner = immunization.putArray("practitioner").addObject();
        practitioner.set("role", PatientChart.concept("http://hl7.org/fhir/v2/0443", "AP", "Administering Provider"));
        practitioner.set("actor", PatientChart.reference(chart.practitioner()));
    }
}
