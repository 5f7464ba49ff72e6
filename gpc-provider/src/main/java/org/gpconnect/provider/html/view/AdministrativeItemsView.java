package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.List;

import static org.gpconnect.provider.html.view.ViewTable.Column.date;
import static org.gpconnect.provider.html.view.ViewTable.Column.text;

/**
 * Administrative Items: the registration at this practice (from the Patient's registration details)
 * and the diary entries and recalls (ProcedureRequest plans), dated when recorded and in the period.
 * No READ or SNOMED codes are shown.
 */
final class AdministrativeItemsView {
    private AdministrativeItemsView() {}

    static List<ViewTable> tables(ViewContext context) {
        ViewTable table = ViewTable.single(context.section().heading(), "adm-tab", date("Date"), text("Entry"), text("Details"));
        table.dateBanner(context.filteredBanner());
        LocalDate registered = SectionPage.registrationDate(context);
        if (registered != null && context.inPeriod(registered)) {
            JsonNode details = Texts.extension(ViewContext.parse(context.request().patient().json()),
                    "Extension-CareConnect-GPC-RegistrationDetails-1");
            table.add(registered, registered, "Registration", new Texts.Lines()
                    .add("Registration type", Texts.concept(Texts.part(details, "registrationType").path("valueCodeableConcept")))
                    .add("Registered until", Texts.date(Texts.part(details, "registrationPeriod").path("valuePeriod").get("end")))
                    .toString());
        }
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
