package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.gpconnect.provider.html.view.ViewTable.Column.date;
import static org.gpconnect.provider.html.view.ViewTable.Column.text;

/**
 * Encounters: the consultations (Encounter), started in the period, each with what was recorded in
 * it summarised in Details, heading by heading as the consultation's Lists (consultation, topic,
 * heading) hold it. A confidential item inside a consultation is left out of its Details and the
 * table carries the exclusion banner, as a confidential consultation does.
 */
final class EncountersView {
    private EncountersView() {}

    static ViewTable table(ViewContext context) {
        return ViewTable.single(context.section().heading(), "enc-tab", date("Date"), text("Title"), text("Details"));
    }

    /** @param mostRecent how many to show (the Summary's last 3), or 0 for all */
    static List<ViewTable> tables(ViewContext context, String title, int mostRecent) {
        ViewTable table = title == null ? table(context)
                : ViewTable.subsection(title, "enc-tab", date("Date"), text("Title"), text("Details"));
        table.dateBanner(context.filteredBanner());
        Map<String, StoredResource> lists = new HashMap<>();
        Map<String, StoredResource> consultations = new HashMap<>();
        for (StoredResource list : context.ofType("List")) {
            lists.put(list.reference(), list);
            String encounter = context.fields(list).get("encounter");
            String code = context.fields(list).get("code");
            if (encounter != null && code != null && code.endsWith("|325851000000107")) {
                consultations.put(encounter, list);
            }
        }
        List<StoredResource> encounters = new ArrayList<>();
        Map<StoredResource, LocalDate> starts = new HashMap<>();
        for (StoredResource item : context.ofType("Encounter")) {
            LocalDate start = DisplayDate.parse(context.fields(item).get("period.start"));
            if (context.inPeriod(start)) {
                encounters.add(item);
                starts.put(item, start);
            }
        }
        if (mostRecent > 0) {
            encounters.sort(java.util.Comparator.comparing(starts::get, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
            encounters = encounters.subList(0, Math.min(mostRecent, encounters.size()));
        }
        for (StoredResource item : encounters) {
            if (context.confidential(item)) {
                table.excluded();
                continue;
            }
            JsonNode encounter = context.json(item);
            String title2 = Texts.concept(encounter.path("type").path(0));
            Texts.Lines details = new Texts.Lines();
            details.add("Clinician", context.nameOf(participant(encounter)));
            details.add("Location", context.nameOf(encounter.path("location").path(0).path("location").path("reference").asText(null)));
            StoredResource consultation = consultations.get(item.reference());
            if (consultation != null && !context.confidential(consultation)) {
                if (describe(context, lists, consultation, null, details, 0)) {
                    table.excluded();
                }
            }
            table.add(starts.get(item), starts.get(item), title2, details.toString());
        }
        return List.of(table);
    }

    private static String participant(JsonNode encounter) {
        for (JsonNode participant : encounter.path("participant")) {
            return participant.path("individual").path("reference").asText(null);
        }
        return null;
    }

    /** Adds each item of a structure List under its heading; true if an item was withheld. */
    private static boolean describe(ViewContext context, Map<String, StoredResource> lists, StoredResource list, String heading,
                                    Texts.Lines details, int depth) {
        boolean withheld = false;
        JsonNode node = context.json(list);
        for (JsonNode entry : node.path("entry")) {
            String reference = entry.path("item").path("reference").asText(null);
            if (reference == null) {
                continue;
            }
            StoredResource nested = lists.get(reference);
            if (nested != null) {
                if (depth < 3) {
                    String title = context.json(nested).path("title").asText(null);
                    // a topic's items are labelled by their heading (History, Examination...), not the topic
                    withheld |= describe(context, lists, nested, depth == 0 ? null : title, details, depth + 1);
                }
                continue;
            }
            StoredResource item = context.get(reference).orElse(null);
            if (item == null) {
                continue;
            }
            if (context.confidential(item)) {
                withheld = true;
                continue;
            }
            details.add(heading == null ? "Entry" : heading, summary(context, item));
        }
        return withheld;
    }

    /** One line for an item recorded in a consultation: its term and what else a clinician needs at a glance. */
    private static String summary(ViewContext context, StoredResource item) {
        JsonNode json = context.json(item);
        String term = switch (item.resourceType()) {
            case "MedicationRequest", "MedicationStatement" -> context.nameOf(json.path("medicationReference").path("reference").asText(null));
            case "Immunization" -> Texts.concept(Texts.extension(json, "Extension-CareConnect-VaccinationProcedure-1").path("valueCodeableConcept"));
            case "ReferralRequest" -> Texts.concept(json.path("reasonCode").path(0));
            case "DocumentReference" -> Texts.concept(json.path("type"));
            default -> Texts.concept(json.path("code"));
        };
        StringBuilder line = new StringBuilder(term == null ? item.resourceType() : term);
        if (item.resourceType().equals("Observation")) {
            if (JournalObservations.hasValue(json)) {
                line.append(' ').append(JournalObservations.value(json).replace('\n', ' '));
            }
            String comment = json.path("comment").asText(null);
            if (comment != null) {
                line.append(COMMENT_SEPARATOR).append(comment);
            }
        }
        return line.toString();
    }

    private static final String COMMENT_SEPARATOR = " - ";
}
