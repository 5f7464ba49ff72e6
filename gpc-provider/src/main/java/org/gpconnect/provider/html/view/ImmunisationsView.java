package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.List;

import static org.gpconnect.provider.html.view.ViewTable.Column.date;
import static org.gpconnect.provider.html.view.ViewTable.Column.text;

/**
 * Immunisations: every Immunization but those entered in error, given or not (a not-given one says
 * so in Details); no date filter.
 */
final class ImmunisationsView {
    /** HL7 NullFlavor UNK: the vaccine product is not recorded, so Contents stays empty. */
    private static final String UNKNOWN = "UNK";

    private ImmunisationsView() {}

    static List<ViewTable> tables(ViewContext context) {
        ViewTable table = ViewTable.single(context.section().heading(), "imm-tab", date("Date"), text("Vaccination"), text("Part"),
                text("Contents"), text("Details"));
        for (StoredResource item : context.ofType("Immunization")) {
            if (context.fields(item).is("status", "entered-in-error")) {
                continue;
            }
            if (context.confidential(item)) {
                table.excluded();
                continue;
            }
            JsonNode immunisation = context.json(item);
            LocalDate date = Texts.date(immunisation.get("date"));
            String procedure = Texts.concept(Texts.extension(immunisation, "Extension-CareConnect-VaccinationProcedure-1")
                    .path("valueCodeableConcept"));
            boolean productKnown = !UNKNOWN.equals(immunisation.path("vaccineCode").path("coding").path(0).path("code").asText());
            String product = productKnown ? Texts.concept(immunisation.path("vaccineCode")) : null;
            JsonNode dose = immunisation.path("vaccinationProtocol").path(0).path("doseSequence");
            Texts.Lines details = new Texts.Lines();
            if (immunisation.path("notGiven").asBoolean(false)) {
                details.add("Not given", Texts.concept(immunisation.path("explanation").path("reasonNotGiven").path(0)));
            }
            details.add("Reason", Texts.concept(immunisation.path("explanation").path("reason").path(0)))
                    .add("Site", Texts.concept(immunisation.path("site")))
                    .add("Route", Texts.concept(immunisation.path("route")))
                    .add("Batch", immunisation.path("lotNumber").asText(null))
                    .add(Texts.notes(immunisation));
            table.add(date, date, procedure != null ? procedure : product, dose.isNumber() ? dose.asText() : null, product,
                    details.toString());
        }
        return List.of(table);
    }
}
