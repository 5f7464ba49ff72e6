package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.gpconnect.provider.html.view.ViewTable.Column.date;
import static org.gpconnect.provider.html.view.ViewTable.Column.text;

/**
 * Problems and Issues: every problem header (Condition). Active (active, recurrence) ones always
 * all; inactive ones filtered by whether they were active at any time in the period. The record
 * knows two significance levels (ProblemSignificance): major inactive problems go to Major
 * Inactive, minor and unrated ones to Other Inactive (accessrecord_view_problems.md).
 */
final class ProblemsView {
    private ProblemsView() {}

    static List<ViewTable> tables(ViewContext context, boolean withOtherInactive) {
        ViewTable active = ViewTable.subsection("Active Problems and Issues", "prb-tab-act",
                date("Start Date"), text("Entry"), text("Significance"), text("Details"));
        ViewTable major = inactive("Major Inactive Problems and Issues", "prb-tab-majinact");
        ViewTable other = inactive("Other Inactive Problems and Issues", "prb-tab-othinact");
        active.dateBanner(context.allBanner());
        major.dateBanner(context.filteredBanner());
        other.dateBanner(context.filteredBanner());
        for (StoredResource item : context.ofType("Condition")) {
            String status = String.valueOf(context.fields(item).get("clinicalStatus"));
            String significance = context.fields(item).get("significance");
            boolean isActive = status.equals("active") || status.equals("recurrence");
            JsonNode problem = context.json(item);
            LocalDate start = Texts.date(problem.has("onsetDateTime") ? problem.get("onsetDateTime") : problem.get("assertedDate"));
            LocalDate end = Texts.date(problem.get("abatementDateTime"));
            if (!isActive && context.period() != null && !context.period().overlaps(start, end == null ? start : end)) {
                continue;
            }
            ViewTable table = isActive ? active : "major".equals(significance) ? major : other;
            if (context.confidential(item)) {
                table.excluded();
                continue;
            }
            String entry = Texts.concept(problem.path("code"));
            String shownSignificance = "major".equals(significance) ? "Major" : "minor".equals(significance) ? "Minor" : null;
            Texts.Lines details = new Texts.Lines().add(Texts.notes(problem));
            for (JsonNode extension : problem.path("extension")) {
                if (extension.path("url").asText().endsWith("Extension-CareConnect-RelatedProblemHeader-1")) {
                    String type = Texts.part(extension, "type").path("valueCode").asText("");
                    String target = Texts.part(extension, "target").path("valueReference").path("reference").asText(null);
                    context.get(target).filter(linked -> !context.confidential(linked)).ifPresent(linked ->
                            details.add(type.equals("parent") ? "Parent problem" : type.equals("child") ? "Child problem" : "Related problem",
                                    Texts.concept(context.json(linked).path("code"))));
                }
            }
            if (isActive) {
                active.add(start, start, entry, shownSignificance, details.toString());
            } else {
                table.add(end, start, end, entry, shownSignificance, details.toString());
            }
        }
        List<ViewTable> tables = new ArrayList<>(List.of(active, major));
        if (withOtherInactive) {
            tables.add(other);
        }
        return tables;
    }

    private static ViewTable inactive(String title, String id) {
        return ViewTable.subsection(title, id, date("Start Date"), date("End Date"), text("Entry"), text("Significance"), text("Details"));
    }
}
