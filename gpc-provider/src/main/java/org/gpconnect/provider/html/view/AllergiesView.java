package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.List;

import static org.gpconnect.provider.html.view.ViewTable.Column.date;
import static org.gpconnect.provider.html.view.ViewTable.Column.text;

/**
 * Allergies and Adverse Reactions: every AllergyIntolerance, current ones (any status but resolved)
 * and historical (resolved) ones, as the structured record's two allergy lists; no date filter.
 */
final class AllergiesView {
    private AllergiesView() {}

    static ViewTable current() {
        return ViewTable.subsection("Current Allergies and Adverse Reactions", "all-tab-curr", date("Start Date"), text("Details"));
    }

    static List<ViewTable> tables(ViewContext context, boolean withHistorical) {
        ViewTable current = current();
        ViewTable historical = ViewTable.subsection("Historical Allergies and Adverse Reactions", "all-tab-hist",
                date("Start Date"), date("End Date"), text("Details"));
        for (StoredResource item : context.ofType("AllergyIntolerance")) {
            boolean resolved = context.fields(item).is("clinicalStatus", "resolved");
            ViewTable table = resolved ? historical : current;
            if (context.confidential(item)) {
                table.excluded();
                continue;
            }
            JsonNode allergy = context.json(item);
            LocalDate start = Texts.date(allergy.has("onsetDateTime") ? allergy.get("onsetDateTime") : allergy.get("assertedDate"));
            Texts.Lines details = new Texts.Lines().add(Texts.concept(allergy.path("code")));
            for (JsonNode reaction : allergy.path("reaction")) {
                StringBuilder manifestations = new StringBuilder();
                for (JsonNode manifestation : reaction.path("manifestation")) {
                    String text = Texts.concept(manifestation);
                    if (text != null) {
                        manifestations.append(manifestations.isEmpty() ? "" : ", ").append(text);
                    }
                }
                String severity = reaction.path("severity").asText(null);
                details.add("Reaction", manifestations + (severity == null ? "" : " (" + severity + ")"));
            }
            details.add("Criticality", allergy.path("criticality").asText(null))
                    .add("Certainty", allergy.path("verificationStatus").asText(null))
                    .add(Texts.notes(allergy));
            if (resolved) {
                JsonNode end = Texts.extension(allergy, "Extension-CareConnect-GPC-AllergyIntoleranceEnd-1");
                details.add("Reason ended", Texts.part(end, "reasonEnded").path("valueString").asText(null));
                LocalDate ended = Texts.date(Texts.part(end, "endDate").path("valueDateTime"));
                historical.add(ended, start, ended, details.toString());
            } else {
                current.add(start, start, details.toString());
            }
        }
        return withHistorical ? List.of(current, historical) : List.of(current);
    }
}
