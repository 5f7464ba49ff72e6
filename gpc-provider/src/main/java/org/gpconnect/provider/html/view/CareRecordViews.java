package org.gpconnect.provider.html.view;

import org.gpconnect.store.GpRecordStore;

import java.util.List;

/**
 * Renders one care record section as the XHTML {@code <div>} of Composition.section.text, laid out
 * as accessrecord_html_layout.md and the section's view page say. Thread-safe: each rendering keeps
 * its state in its own {@link ViewContext}. What feeds each section: docs/html-views.md.
 */
public class CareRecordViews {
    private final GpRecordStore store;
    private final ViewSettings settings;

    /** @param store where the practice's shared resources (Medications, Practitioners, Organizations) are read */
    public CareRecordViews(GpRecordStore store, ViewSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    public CareRecordViews(GpRecordStore store) {
        this(store, ViewSettings.defaults());
    }

    /** The section's XHTML, well-formed, every text value escaped. */
    public String render(SectionRequest request) {
        ViewContext context = new ViewContext(request, settings, store);
        List<ViewTable> tables = switch (request.section()) {
            case SUM -> SummaryView.tables(context);
            case ENC -> EncountersView.tables(context, null, 0);
            case CLI -> ClinicalItemsView.clinicalItems(context);
            case PRB -> ProblemsView.tables(context, true);
            case ALL -> AllergiesView.tables(context, true);
            case MED -> MedicationsView.tables(context, true);
            case REF -> ReferralsView.tables(context);
            case OBS -> ClinicalItemsView.observations(context);
            case IMM -> ImmunisationsView.tables(context);
            case ADM -> AdministrativeItemsView.tables(context);
            case INV, PAT -> null;
        };
        return tables == null ? SectionPage.notSupported(context) : SectionPage.render(context, List.of(), tables);
    }
}
