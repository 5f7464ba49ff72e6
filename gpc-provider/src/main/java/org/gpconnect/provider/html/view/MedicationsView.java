package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

import static org.gpconnect.provider.html.view.ViewTable.Column.date;
import static org.gpconnect.provider.html.view.ViewTable.Column.text;

/**
 * Medications (accessrecord_view_medications.md): the same courses as the structured record's
 * medication list (every MedicationStatement, confidential ones withheld), laid out as Acute
 * Medication (Last 12 Months), Current Repeat Medication and Discontinued Repeat Medication (always
 * all), All Medication (the courses in the period) and All Medication Issues (the practice's issues
 * of those courses, in or out of the period).
 */
final class MedicationsView {
    static final String SCHEDULED_END_BANNER = "Scheduled End Date is not always captured in the source; where it was not recorded, "
            + "the displayed date is calculated from start date and days duration";
    static final String DISCONTINUED_BANNER = "All repeat medication ended by a clinician action";

    private MedicationsView() {}

    static ViewTable acuteTable() {
        return ViewTable.subsection("Acute Medication (Last 12 Months)", "med-tab-acu-med", text("Type"), date("Start Date"),
                text("Medication Item"), text("Dosage Instruction"), text("Quantity"), date("Scheduled End Date"), text("Days Duration"),
                text("Additional Information"));
    }

    static ViewTable currentRepeatTable() {
        return ViewTable.subsection("Current Repeat Medication", "med-tab-curr-rep", text("Type"), date("Start Date"),
                text("Medication Item"), text("Dosage Instruction"), text("Quantity"), date("Last Issued Date"),
                text("Number of Prescriptions Issued"), text("Max Issues"), date("Review Date"), text("Additional Information"));
    }

    /** All five subsections, or (Summary) only the acute and current repeat ones. */
    static List<ViewTable> tables(ViewContext context, boolean all) {
        ViewTable acute = acuteTable();
        ViewTable current = currentRepeatTable();
        ViewTable discontinued = ViewTable.subsection("Discontinued Repeat Medication", "med-tab-dis-rep", text("Type"),
                date("Last Issued Date"), text("Medication Item"), text("Dosage Instruction"), text("Quantity"), date("Discontinued Date"),
                text("Discontinuation Reason"), text("Additional Information"));
        ViewTable allMedication = ViewTable.groupedSubsection("All Medication", "med-tab-all-sum", text("Type"), date("Start Date"),
                text("Medication Item"), text("Dosage Instruction"), text("Quantity"), date("Last Issued Date"),
                text("Number of Prescriptions Issued"), text("Discontinuation Details"), text("Additional Information"));
        ViewTable allIssues = ViewTable.groupedSubsection("All Medication Issues", "med-tab-all-iss", text("Type"), date("Issue Date"),
                text("Medication Item"), text("Dosage Instruction"), text("Quantity"), text("Days Duration"), text("Additional Information"));
        for (ViewTable table : List.of(acute, current, discontinued)) {
            table.dateBanner(context.allBanner());
        }
        allMedication.dateBanner(context.filteredBanner());
        allIssues.dateBanner(context.filteredBanner());
        discontinued.contentBanner(DISCONTINUED_BANNER);

        LocalDate yearAgo = context.today().minusDays(365);
        boolean endCalculated = false;
        for (MedicationCourse course : MedicationCourse.of(context)) {
            boolean isAcute = course.acute() && course.start != null && course.start.isAfter(yearAgo);
            boolean isCurrent = !course.acute() && course.current(context.today());
            // the Summary shows only the first two subsections: the others' work is not done for it
            boolean isDiscontinued = all && !course.acute() && course.discontinued();
            boolean inAll = all && course.inPeriod(context.period());
            if (course.confidential(context)) {
                if (isAcute) acute.excluded();
                if (isCurrent) current.excluded();
                if (isDiscontinued) discontinued.excluded();
                if (inAll) {
                    allMedication.excluded();
                    allIssues.excluded();
                }
                continue;
            }
            String type = course.type();
            String information = course.additionalInformation();
            if (isAcute) {
                LocalDate end = course.scheduledEnd();
                if (end == null) {
                    end = course.calculatedEnd();
                    endCalculated |= end != null;
                }
                String cancelled = course.discontinued() ? course.discontinuationDetails() : null;
                acute.add(course.start, type, course.start, course.item, course.dosage(), course.quantity(), end, course.daysDuration(),
                        new Texts.Lines().add(cancelled).add(information).toString());
            }
            if (isCurrent) {
                current.add(course.start, type, course.start, course.item, course.dosage(), course.quantity(), course.lastIssued(),
                        count(course.issued()), count(course.maxIssues()), null, information);
            }
            if (isDiscontinued) {
                LocalDate lastIssued = course.lastIssued();
                discontinued.add(lastIssued, type, lastIssued, course.item, course.dosage(), course.quantity(), course.discontinuedDate(),
                        course.discontinuationReason(), information);
            }
            if (inAll) {
                allMedication.addToGroup(course.item, course.start, type, course.start, course.item, course.dosage(), course.quantity(),
                        course.lastIssued(), count(course.issued()), course.discontinuationDetails(), information);
                if (!course.prescribedElsewhere() && !course.repeatDispensed()) {
                    for (JsonNode issue : course.issues()) {
                        addIssue(allIssues, course, type, issue);
                    }
                }
            }
        }
        if (endCalculated) {
            acute.contentBanner(SCHEDULED_END_BANNER);
        }
        return all ? List.of(acute, current, discontinued, allMedication, allIssues) : List.of(acute, current);
    }

    /** An issue as the course's row shows it, its own quantity, duration and notes where it has them. */
    private static void addIssue(ViewTable allIssues, MedicationCourse course, String type, JsonNode issue) {
        LocalDate issued = Texts.date(issue.get("authoredOn"));
        String dosage = issue.path("dosageInstruction").path(0).path("text").asText(null);
        String quantity = Texts.quantity(issue.path("dispenseRequest").path("quantity"));
        String days = issue.path("dispenseRequest").path("expectedSupplyDuration").path("value").asText(null);
        allIssues.addToGroup(course.item, issued, type, issued, course.item, dosage != null ? dosage : course.dosage(),
                quantity != null ? quantity : course.quantity(), days != null ? days : course.daysDuration(),
                new Texts.Lines().add(course.additionalInformation()).add(Texts.notes(issue)).toString());
    }

    private static String count(Integer number) {
        return number == null ? null : number.toString();
    }
}
