package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One course of medication as the views show it: the MedicationStatement, the authorisation
 * (MedicationRequest plan) it is based on and that plan's issues (orders), read together once
 * (accessrecord_structured_development_medication_resource_relationships).
 */
final class MedicationCourse {
    private static final String AT_PRACTICE = "prescribed-at-gp-practice";

    final StoredResource statementItem;
    final StoredResource planItem;
    final JsonNode statement;
    final JsonNode plan;
    private final ViewContext context;
    private final List<StoredResource> issueItems;
    private List<JsonNode> issues;
    final String item;
    final String typeCode;
    final String agencyCode;
    final LocalDate start;
    final LocalDate end;

    private MedicationCourse(ViewContext context, StoredResource statementItem, StoredResource planItem, List<StoredResource> issueItems) {
        this.statementItem = statementItem;
        this.planItem = planItem;
        this.statement = context.json(statementItem);
        this.plan = planItem == null ? MissingNode.getInstance() : context.json(planItem);
        this.context = context;
        this.issueItems = issueItems;
        String medication = statement.path("medicationReference").path("reference").asText(null);
        String name = context.nameOf(medication);
        this.item = name != null ? name : Texts.concept(statement.path("medicationCodeableConcept"));
        this.typeCode = coding(Texts.extension(plan, "Extension-CareConnect-GPC-PrescriptionType-1"), "code");
        this.agencyCode = coding(Texts.extension(statement, "Extension-CareConnect-GPC-PrescribingAgency-1"), "code");
        LocalDate started = Texts.date(statement.path("effectivePeriod").get("start"));
        this.start = started != null ? started : Texts.date(statement.get("dateAsserted"));
        this.end = Texts.date(statement.path("effectivePeriod").get("end"));
    }

    /** Every course of the patient's record, statements in id order. */
    static List<MedicationCourse> of(ViewContext context) {
        Map<String, StoredResource> plans = new HashMap<>();
        Map<String, List<StoredResource>> issues = new HashMap<>();
        for (StoredResource request : context.ofType("MedicationRequest")) {
            if (context.fields(request).is("intent", "plan")) {
                plans.put(request.reference(), request);
            } else {
                issues.computeIfAbsent(String.valueOf(context.fields(request).get("basedOn")), k -> new ArrayList<>()).add(request);
            }
        }
        List<MedicationCourse> courses = new ArrayList<>();
        for (StoredResource statement : context.ofType("MedicationStatement")) {
            String planReference = String.valueOf(context.fields(statement).get("basedOn"));
            courses.add(new MedicationCourse(context, statement, plans.get(planReference), issues.getOrDefault(planReference, List.of())));
        }
        return courses;
    }

    /**
     * The issues, parsed when first asked for: a long record has thousands, and the Summary reads only
     * those of current repeats.
     */
    List<JsonNode> issues() {
        if (issues == null) {
            issues = new ArrayList<>(issueItems.size());
            issueItems.forEach(issue -> issues.add(context.json(issue)));
        }
        return issues;
    }

    /** Withheld with its authorisation and issues when either is marked confidential, as the structured record does. */
    boolean confidential(ViewContext context) {
        return context.confidential(statementItem) || (planItem != null && context.confidential(planItem));
    }

    boolean acute() {
        return typeCode != null && (typeCode.startsWith("acute") || typeCode.startsWith("delayed"));
    }

    boolean repeatDispensed() {
        return typeCode != null && typeCode.startsWith("repeat-dispens");
    }

    boolean prescribedElsewhere() {
        return agencyCode != null && !agencyCode.equals(AT_PRACTICE);
    }

    /** Ended by a clinician (stopped), not by running its course (completed). */
    boolean discontinued() {
        return statement.path("status").asText().equals("stopped") || plan.path("status").asText().equals("stopped");
    }

    /** Current: not ended, by a clinician or by its end date; a GP2GP-transferred course only once re-authorised here. */
    boolean current(LocalDate today) {
        return !discontinued() && !prescribedElsewhere()
                && (statement.path("status").asText().equals("active") || statement.path("status").asText().equals("intended"))
                && (end == null || !end.isBefore(today));
    }

    /** The Type column: the prescription type, and who prescribed it when not this practice. */
    String type() {
        String type = coding(Texts.extension(plan, "Extension-CareConnect-GPC-PrescriptionType-1"), "display");
        if (type == null) {
            type = typeCode == null ? (prescribedElsewhere() ? "Acute" : null) : capitalised(typeCode);
        }
        if (prescribedElsewhere()) {
            String agency = coding(Texts.extension(statement, "Extension-CareConnect-GPC-PrescribingAgency-1"), "display");
            return type + " - " + (agency == null ? "Unknown Prescriber" : agency);
        }
        return type;
    }

    String dosage() {
        String text = statement.path("dosage").path(0).path("text").asText(null);
        return text != null ? text : plan.path("dosageInstruction").path(0).path("text").asText(null);
    }

    String quantity() {
        return Texts.quantity(plan.path("dispenseRequest").path("quantity"));
    }

    String daysDuration() {
        return plan.path("dispenseRequest").path("expectedSupplyDuration").path("value").asText(null);
    }

    Integer maxIssues() {
        JsonNode allowed = Texts.part(Texts.extension(plan, "Extension-CareConnect-GPC-MedicationRepeatInformation-1"),
                "numberOfRepeatPrescriptionsAllowed").path("valueUnsignedInt");
        return allowed.isNumber() ? allowed.asInt() : null;
    }

    /** Null where the practice issues nothing: prescribed elsewhere, repeat dispensing. */
    LocalDate lastIssued() {
        if (prescribedElsewhere() || repeatDispensed()) {
            return null;
        }
        LocalDate recorded = Texts.date(Texts.extension(statement, "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1").get("valueDateTime"));
        LocalDate latest = null;
        for (JsonNode issue : issues()) {
            LocalDate issued = Texts.date(issue.get("authoredOn"));
            if (issued != null && (latest == null || issued.isAfter(latest))) {
                latest = issued;
            }
        }
        return latest != null ? latest : recorded;
    }

    /** The number of issues this practice made; none shown where it issues none. */
    Integer issued() {
        return prescribedElsewhere() || repeatDispensed() ? null : issueItems.size();
    }

    LocalDate discontinuedDate() {
        LocalDate changed = Texts.date(Texts.part(statusReason(), "statusChangeDate").path("valueDateTime"));
        return changed != null ? changed : end;
    }

    String discontinuationReason() {
        return Texts.concept(Texts.part(statusReason(), "statusReason").path("valueCodeableConcept"));
    }

    /** "CANCELLED:" (acute) or "DISCONTINUED:" (repeat) with date and reason, for a clinician-ended course. */
    String discontinuationDetails() {
        if (!discontinued()) {
            return null;
        }
        LocalDate date = discontinuedDate();
        String reason = discontinuationReason();
        return (acute() ? "CANCELLED: " : "DISCONTINUED: ") + (date == null ? "" : DisplayDate.format(date))
                + (reason == null ? "" : (date == null ? "" : " ") + reason);
    }

    /** The recorded scheduled end, or null when it has to be calculated (see {@link #calculatedEnd()}). */
    LocalDate scheduledEnd() {
        if (end != null) {
            return end;
        }
        return Texts.date(plan.path("dispenseRequest").path("validityPeriod").get("end"));
    }

    LocalDate calculatedEnd() {
        String days = daysDuration();
        if (start == null || days == null) {
            return null;
        }
        try {
            return start.plusDays((long) Double.parseDouble(days));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Statement and authorisation notes, one a line. */
    String additionalInformation() {
        Texts.Lines lines = new Texts.Lines().add(Texts.notes(statement));
        String planNotes = Texts.notes(plan);
        if (planNotes != null && !planNotes.equals(Texts.notes(statement))) {
            lines.add(planNotes);
        }
        return lines.toString();
    }

    /**
     * Whether the course falls in the period (accessrecord_view_medications.md, All Medication):
     * its effective period overlaps it; an open-ended repeat (or an unknown type prescribed elsewhere)
     * is ongoing; an open-ended acute counts on its start date only.
     */
    boolean inPeriod(org.gpconnect.provider.html.TimePeriod period) {
        if (period == null) {
            return true;
        }
        if (end != null) {
            return period.overlaps(start, end);
        }
        if (!acute() || (typeCode == null && prescribedElsewhere())) {
            return period.overlaps(start, null);
        }
        return start == null || period.includes(start);
    }

    private JsonNode statusReason() {
        JsonNode onPlan = Texts.extension(plan, "Extension-CareConnect-GPC-MedicationStatusReason-1");
        return onPlan.isMissingNode() ? Texts.extension(statement, "Extension-CareConnect-GPC-MedicationStatusReason-1") : onPlan;
    }

    private static String coding(JsonNode extension, String field) {
        return extension.path("valueCodeableConcept").path("coding").path(0).path(field).asText(null);
    }

    private static String capitalised(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
