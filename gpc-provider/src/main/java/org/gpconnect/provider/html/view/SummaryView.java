package org.gpconnect.provider.html.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Summary (accessrecord_view_summary.md): subsections that replicate those of the other views
 * exactly (rendered by those views), in the 0.7.4 order, with no date filters.
 */
final class SummaryView {
    private SummaryView() {}

    static List<ViewTable> tables(ViewContext context) {
        List<ViewTable> tables = new ArrayList<>();
        if (context.settings().emergencyCodes()) {
            tables.add(EmergencyCodesView.table(context));
        }
        tables.addAll(EncountersView.tables(context, "Last 3 Encounters", 3));
        tables.addAll(ProblemsView.tables(context, false));
        tables.addAll(AllergiesView.tables(context, false));
        tables.addAll(MedicationsView.tables(context, false));
        return tables;
    }
}
