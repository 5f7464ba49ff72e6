package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/**
 * A medication course as GP Connect models it: one MedicationStatement based on one authorisation
 * (MedicationRequest intent plan), each issue a MedicationRequest intent order based on that plan,
 * all referencing one Medication. Acutes have one issue; repeats are issued every supply period.
 */
final class Medications {
    static final String BASE = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    static final String REPEAT_INFORMATION = BASE + "Extension-CareConnect-GPC-MedicationRepeatInformation-1";
    static final String STATUS_REASON = BASE + "Extension-CareConnect-GPC-MedicationStatusReason-1";
    static final String PRESCRIPTION_TYPE = BASE + "Extension-CareConnect-GPC-PrescriptionType-1";
    static final String LAST_ISSUE = BASE + "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1";
    static final String AGENCY = BASE + "Extension-CareConnect-GPC-PrescribingAgency-1";

    private Medications() {}

    /** Adds a course of at most maxIssues issues. */
    static void add(PatientChart chart, int maxIssues) {
        Vocabulary.Drug drug = chart.pick(Vocabulary.DRUGS);
        LocalDate start = chart.day();
        int issues = drug.repeat() ? 1 + chart.random.nextInt(Math.max(1, Math.min(maxIssues, 24))) : 1;
        LocalDate lastIssue = start.plusDays((long) (issues - 1) * drug.supplyDays());
        while (lastIssue.isAfter(chart.recordEnd) && issues > 1) {
            issues--;
            lastIssue = start.plusDays((long) (issues - 1) * drug.supplyDays());
        }
        LocalDate supplyEnd = lastIssue.plusDays(drug.supplyDays());
        // a repeat whose supply still runs at the record's end is current; others have finished or were stopped
        String status = !drug.repeat() ? "completed" : !supplyEnd.isBefore(chart.recordEnd) ? "active"
                : chart.chance(0.3) ? "stopped" : "completed";
        String prescriber = chart.practitioner();

        ObjectNode medication = chart.item("Medication", "medication", "CareConnect-GPC-Medication-1");
        medication.set("code", PatientChart.concept(Vocabulary.SNOMED, drug.code(), drug.display()));
        String medicationRef = PatientChart.ref(medication);

        ObjectNode plan = chart.item("MedicationRequest", "plan", "CareConnect-GPC-MedicationRequest-1");
        ArrayNode extensions = plan.putArray("extension");
        if (drug.repeat()) {
            ArrayNode repeat = PatientChart.extension(extensions, REPEAT_INFORMATION).putArray("extension");
            // unsignedInt as the spec and the MedicationRequest profile say (the extension definition says positiveInt)
            PatientChart.extension(repeat, "numberOfRepeatPrescriptionsIssued").put("valueUnsignedInt", issues);
            PatientChart.extension(repeat, "authorisationExpiryDate").put("valueDateTime", supplyEnd.toString());
        }
        if (status.equals("stopped")) {
            ArrayNode reason = PatientChart.extension(extensions, STATUS_REASON).putArray("extension");
            PatientChart.extension(reason, "statusChangeDate").put("valueDateTime", supplyEnd.toString());
            ObjectNode text = PatientChart.object();
            text.put("text", "No longer required");
            PatientChart.extension(reason, "statusReason").set("valueCodeableConcept", text);
        }
        prescriptionType(extensions, drug);
        request(chart, plan, "plan", status, medicationRef, start, drug, prescriber);
        chart.linkConsultation(plan, "context"); // the authorising consultation; issues come later, outside it
        plan.with("dispenseRequest").set("validityPeriod", period(start, status.equals("active") ? null : supplyEnd));

        for (int i = 0; i < issues; i++) {
            LocalDate issued = start.plusDays((long) i * drug.supplyDays());
            ObjectNode order = chart.item("MedicationRequest", "issue", "CareConnect-GPC-MedicationRequest-1");
            prescriptionType(order.putArray("extension"), drug);
            order.putArray("basedOn").add(PatientChart.reference(PatientChart.ref(plan)));
            request(chart, order, "order", "completed", medicationRef, issued, drug, prescriber);
            order.with("dispenseRequest").set("validityPeriod", period(issued, issued.plusDays(drug.supplyDays())));
        }

        ObjectNode statement = chart.item("MedicationStatement", "statement", "CareConnect-GPC-MedicationStatement-1");
        ArrayNode statementExtensions = statement.putArray("extension");
        PatientChart.extension(statementExtensions, LAST_ISSUE).put("valueDateTime", lastIssue.toString());
        PatientChart.extension(statementExtensions, AGENCY).set("valueCodeableConcept", PatientChart.concept(
                "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-PrescribingAgency-1", "prescribed-at-gp-practice",
                "Prescribed at GP practice"));
        statement.putArray("basedOn").add(PatientChart.reference(PatientChart.ref(plan)));
        statement.put("status", status);
        statement.set("medicationReference", PatientChart.reference(medicationRef));
        chart.linkConsultation(statement, "context");
        statement.set("effectivePeriod", period(start, status.equals("active") ? null : supplyEnd));
        statement.put("dateAsserted", start.toString());
        statement.set("subject", chart.patient());
        statement.put("taken", "unk");
        statement.putArray("dosage").addObject().put("text", drug.dosage());
    }

    private static void prescriptionType(ArrayNode extensions, Vocabulary.Drug drug) {
        PatientChart.extension(extensions, PRESCRIPTION_TYPE).set("valueCodeableConcept", PatientChart.concept(
                "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-PrescriptionType-1",
                drug.repeat() ? "repeat" : "acute", drug.repeat() ? "Repeat" : "Acute"));
    }

    private static void request(PatientChart chart, ObjectNode request, String intent, String status, String medication,
                                LocalDate authored, Vocabulary.Drug drug, String prescriber) {
        request.put("status", status);
        request.put("intent", intent);
        request.set("medicationReference", PatientChart.reference(medication));
        request.set("subject", chart.patient());
        request.put("authoredOn", authored.toString());
        request.putObject("requester").set("agent", PatientChart.reference(prescriber));
        request.set("recorder", PatientChart.reference(prescriber));
        request.putArray("dosageInstruction").addObject().put("text", drug.dosage());
        ObjectNode dispense = request.putObject("dispenseRequest");
        ObjectNode quantity = dispense.putObject("quantity");
        quantity.put("value", drug.quantity());
        quantity.put("unit", drug.unit());
        ObjectNode duration = dispense.putObject("expectedSupplyDuration");
        duration.put("value", drug.supplyDays());
        duration.put("unit", "day");
        duration.put("system", "http://unitsofmeasure.org");
        duration.put("code", "d");
    }

    static ObjectNode period(LocalDate start, LocalDate end) {
        ObjectNode period = PatientChart.object();
        period.put("start", start.toString());
        if (end != null) {
            period.put("end", end.toString());
        }
        return period;
    }
}
