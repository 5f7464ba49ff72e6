package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.gpconnect.provider.html.view.ViewTable.Column.date;
import static org.gpconnect.provider.html.view.ViewTable.Column.text;

/**
 * Emergency Codes (Summary only, accessrecord_view_emergency.md): the coded items whose code is on
 * the practice's configured list, only the most recent of each group of codes, with the view where
 * the item is shown in full. Reuses the table id cli-tab, as the spec says.
 */
final class EmergencyCodesView {
    private static final String SNOMED = "http://snomed.info/sct";
    /** The coded types searched, and the view each is shown in elsewhere. */
    private static final Map<String, String> SHOWN_IN = Map.of(
            "Condition", "Problems and Issues",
            "AllergyIntolerance", "Allergies and Adverse Reactions",
            "Observation", "Clinical Items",
            "ProcedureRequest", "Administrative Items",
            "Encounter", "Encounters");

    private EmergencyCodesView() {}

    static ViewTable table(ViewContext context) {
        ViewTable table = ViewTable.subsection("Emergency Codes", "cli-tab", date("Date"), text("Entry"), text("Details"),
                text("Location of further information"));
        if (context.settings().emergencyBanner() != null) {
            table.contentBanner(context.settings().emergencyBanner());
        }
        Map<String, Integer> groupOf = new HashMap<>();
        List<List<String>> groups = context.settings().emergencyCodeGroups();
        for (int g = 0; g < groups.size(); g++) {
            for (String code : groups.get(g)) {
                groupOf.put(code.contains("|") ? code : SNOMED + "|" + code, g);
            }
        }
        StoredResource[] latest = new StoredResource[groups.size()];
        LocalDate[] latestDate = new LocalDate[groups.size()];
        boolean[] withheld = new boolean[groups.size()];
        for (String type : SHOWN_IN.keySet().stream().sorted().toList()) {
            for (StoredResource item : context.ofType(type)) {
                Integer group = null;
                for (String code : context.fields(item).all("code")) {
                    group = groupOf.get(code);
                    if (group != null) {
                        break;
                    }
                }
                if (group == null) {
                    continue;
                }
                if (context.confidential(item)) {
                    withheld[group] = true;
                    continue;
                }
                LocalDate date = itemDate(context.json(item));
                if (latest[group] == null || (date != null && (latestDate[group] == null || date.isAfter(latestDate[group])))) {
                    latest[group] = item;
                    latestDate[group] = date;
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            if (withheld[g]) {
                table.excluded();
            }
            if (latest[g] != null) {
                JsonNode json = context.json(latest[g]);
                table.add(latestDate[g], latestDate[g], Texts.concept(json.path("code")),
                        new Texts.Lines().add(json.path("comment").asText(null)).add(Texts.notes(json)).toString(),
                        SHOWN_IN.get(latest[g].resourceType()));
            }
        }
        return table;
    }

    private static LocalDate itemDate(JsonNode item) {
        for (String name : List.of("onsetDateTime", "effectiveDateTime", "assertedDate", "authoredOn", "issued")) {
            if (item.has(name)) {
                return Texts.date(item.get(name));
            }
        }
        return Texts.date(item.path("period").get("start"));
    }
}
