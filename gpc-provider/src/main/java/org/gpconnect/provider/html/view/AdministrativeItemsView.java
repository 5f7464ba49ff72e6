package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.List;

import static org.gpconnect.provider.html.view.ViewTable.Column.date;
import static org.gpconnect.provider.html.view.ViewTable.Column.text;

/**
 * Administrative Items: the diary entries and recalls (ProcedureRequest plans), the "call/recall for
 * care" of the view page, dated when recorded and in the period. No READ or SNOMED codes are shown.
 * The registration is not an item of the record (the patient banner and the GP transfer banner show
 * it), so a patient with no diary has no administrative items, as the 0.7.4 suite expects of patient 1.
 */
final class AdministrativeItemsView {
    private AdministrativeItemsView() {}

    static List<ViewTable> tables(ViewContext context) {
        ViewTable table = ViewTable.single(context.section().heading(), "adm-tab", date("Date"), text("Entry"), text("Details"));
        table.dateBanner(context.filteredBanner());
        for (StoredResource item : context.ofType("ProcedureRequest")) {
            if (!context.fields(item).is("intent", "plan")) {
                continue; // an investigation's request: shown with its results, not here
            }
            JsonNode entry = context.json(item);
            LocalDate recorded = Texts.date(entry.get("authoredOn"));
            LocalDate due = Texts.date(entry.has("occurrenceDateTime") ? entry.get("occurrenceDateTime")
                    : entry.path("occurrencePeriod").get("start"));
            LocalDate date = recorded != null ? recorded : due;
            if (!context.inPeriod(date)) {
                continue;
            }
            if (context.confidential(item)) {
                table.excluded();
                continue;
            }
            table.add(date, date, Texts.concept(entry.path("code")), new Texts.Lines()
                    .add("Due", due)
                    .add("Due by", Texts.date(entry.path("occurrencePeriod").get("end")))
                    .add("Status", entry.path("status").asText(null))
                    .add(Texts.notes(entry)).toString());
        }
        return List.of(table);
    }
}
