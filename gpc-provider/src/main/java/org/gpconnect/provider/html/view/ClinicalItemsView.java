package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.List;

import static org.gpconnect.provider.html.view.ViewTable.Column.date;
import static org.gpconnect.provider.html.view.ViewTable.Column.text;

/**
 * Clinical Items and Observations: the journal's Observations as {@link JournalObservations} sorts
 * them, in the period. Clinical Items are coded entries without a value; Observations carry one.
 */
final class ClinicalItemsView {
    private ClinicalItemsView() {}

    static List<ViewTable> clinicalItems(ViewContext context) {
        ViewTable table = ViewTable.single(context.section().heading(), "cli-tab", date("Date"), text("Entry"), text("Details"));
        eachShown(context, table, JournalObservations.Kind.CLINICAL_ITEM, (item, observation, date, sorter) ->
                table.add(date, date, Texts.concept(observation.path("code")), JournalObservations.details(observation).toString()));
        return List.of(table);
    }

    static List<ViewTable> observations(ViewContext context) {
        ViewTable table = ViewTable.single(context.section().heading(), "obs-tab", date("Date"), text("Entry"), text("Value"),
                text("Range"), text("Details"));
        eachShown(context, table, JournalObservations.Kind.OBSERVATION, (item, observation, date, sorter) -> {
            Texts.Lines details = JournalObservations.details(observation);
            if (sorter.testResult(item)) {
                details.add("Test result");
            }
            table.add(date, date, Texts.concept(observation.path("code")), JournalObservations.value(observation),
                    JournalObservations.range(observation), details.toString());
        });
        return List.of(table);
    }

    private interface Row {
        void add(StoredResource item, JsonNode observation, LocalDate date, JournalObservations.Sorter sorter);
    }

    /** The Observations of one kind in the period, each added as a row; a confidential one only marks the table. */
    private static void eachShown(ViewContext context, ViewTable table, JournalObservations.Kind kind, Row row) {
        table.dateBanner(context.filteredBanner());
        JournalObservations.Sorter sorter = new JournalObservations.Sorter(context);
        for (StoredResource item : context.ofType("Observation")) {
            if (sorter.kind(item) != kind) {
                continue;
            }
            JsonNode observation = context.json(item);
            LocalDate date = JournalObservations.date(observation);
            if (!context.inPeriod(date)) {
                continue;
            }
            if (context.confidential(item)) {
                table.excluded();
                continue;
            }
            row.add(item, observation, date, sorter);
        }
    }
}
