package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

import static org.gpconnect.provider.html.view.ViewTable.Column.date;
import static org.gpconnect.provider.html.view.ViewTable.Column.text;

/** Referrals: outbound ReferralRequests authored in the period, entered-in-error ones never (as the structured record). */
final class ReferralsView {
    private ReferralsView() {}

    static List<ViewTable> tables(ViewContext context) {
        ViewTable table = ViewTable.single(context.section().heading(), "ref-tab", date("Date"), text("From"), text("To"),
                text("Priority"), text("Details"));
        table.dateBanner(context.filteredBanner());
        for (StoredResource item : context.ofType("ReferralRequest")) {
            if (context.fields(item).is("status", "entered-in-error")) {
                continue;
            }
            LocalDate date = DisplayDate.parse(context.fields(item).get("authoredOn"));
            if (!context.inPeriod(date)) {
                continue;
            }
            if (context.confidential(item)) {
                table.excluded();
                continue;
            }
            JsonNode referral = context.json(item);
            StringJoiner to = new StringJoiner("\n");
            for (JsonNode recipient : referral.path("recipient")) {
                String name = context.nameOf(recipient.path("reference").asText(null));
                to.add(name != null ? name : recipient.path("display").asText(""));
            }
            String priority = referral.path("priority").asText(null);
            // the original term of the main coded item first, then further text on labelled lines
            Texts.Lines details = new Texts.Lines();
            referral.path("reasonCode").forEach(reason -> details.add(Texts.concept(reason)));
            details.add("Specialty", Texts.concept(referral.path("specialty")))
                    .add("Service requested", Texts.concept(referral.path("serviceRequested").path(0)))
                    .add("Description", referral.path("description").asText(null))
                    .add("Notes", Texts.notes(referral));
            table.add(date, date, context.nameOf(referral.path("requester").path("agent").path("reference").asText(null)),
                    to.length() == 0 ? null : to.toString(),
                    priority == null ? null : Character.toUpperCase(priority.charAt(0)) + priority.substring(1), details.toString());
        }
        return List.of(table);
    }
}
