package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The patient's Observations sorted into what Clinical Items and Observations show. A test result
 * (reached from a DiagnosticReport) with a value is an observation; the report's test groups are
 * not shown. Uncategorised data with a value (or components, as a blood pressure) is an observation;
 * without one (a coded entry, an immunisation consent) it is a clinical item. Consultation comment
 * notes belong to their consultation (Encounters) and appear in neither.
 */
final class JournalObservations {
    /** SNOMED comment note: consultation narrative (the structured record leaves it out of uncategorised data too). */
    private static final String COMMENT_NOTE = "37331000000100";

    private JournalObservations() {}

    enum Kind { CLINICAL_ITEM, OBSERVATION, NONE }

    /** One pass over the DiagnosticReports, then a look-up per Observation. */
    static final class Sorter {
        private final Set<String> results = new HashSet<>();
        private final Set<String> groups = new HashSet<>();
        private final ViewContext context;

        Sorter(ViewContext context) {
            this.context = context;
            for (StoredResource report : context.ofType("DiagnosticReport")) {
                results.addAll(context.fields(report).all("result"));
            }
            if (!results.isEmpty()) {
                // a test group is a report's direct result with no value of its own; its members are the results
                // (a member's "related" points back at its group, derived-from, and does not make it a group)
                List<String> members = new java.util.ArrayList<>();
                for (StoredResource observation : context.ofType("Observation")) {
                    if (results.contains(observation.reference()) && !hasValue(context.json(observation))) {
                        groups.add(observation.reference());
                        members.addAll(context.fields(observation).all("related"));
                    }
                }
                results.addAll(members);
            }
        }

        Kind kind(StoredResource observation) {
            String code = context.fields(observation).get("code");
            if (groups.contains(observation.reference()) || (code != null && code.endsWith("|" + COMMENT_NOTE))) {
                return Kind.NONE;
            }
            return hasValue(context.json(observation)) ? Kind.OBSERVATION
                    : results.contains(observation.reference()) ? Kind.NONE : Kind.CLINICAL_ITEM;
        }

        boolean testResult(StoredResource observation) {
            return results.contains(observation.reference());
        }
    }

    static boolean hasValue(JsonNode observation) {
        if (observation.has("component")) {
            return true;
        }
        var names = observation.fieldNames();
        while (names.hasNext()) {
            if (names.next().startsWith("value")) {
                return true;
            }
        }
        return false;
    }

    static LocalDate date(JsonNode observation) {
        return Texts.date(observation.has("effectiveDateTime") ? observation.get("effectiveDateTime")
                : observation.path("effectivePeriod").has("start") ? observation.path("effectivePeriod").get("start") : observation.get("issued"));
    }

    /** The value with its unit; a blood pressure's components as "systolic/diastolic unit". */
    static String value(JsonNode observation) {
        if (observation.has("valueQuantity")) {
            return Texts.quantity(observation.get("valueQuantity"));
        }
        if (observation.has("valueCodeableConcept")) {
            return Texts.concept(observation.get("valueCodeableConcept"));
        }
        for (String name : List.of("valueString", "valueBoolean", "valueInteger", "valueDateTime", "valueTime")) {
            if (observation.has(name)) {
                return observation.get(name).asText();
            }
        }
        Texts.Lines parts = new Texts.Lines();
        for (JsonNode component : observation.path("component")) {
            parts.add(Texts.concept(component.path("code")), Texts.quantity(component.path("valueQuantity")));
        }
        return parts.toString();
    }

    /** The reference range, with its unit where that differs from the value's. */
    static String range(JsonNode observation) {
        JsonNode range = observation.path("referenceRange").path(0);
        if (range.isMissingNode()) {
            return null;
        }
        if (range.hasNonNull("text")) {
            return range.get("text").asText();
        }
        String valueUnit = observation.path("valueQuantity").path("unit").asText("");
        String low = bound(range.path("low"), valueUnit);
        String high = bound(range.path("high"), valueUnit);
        if (low == null && high == null) {
            return null;
        }
        return (low == null ? "" : low) + " - " + (high == null ? "" : high);
    }

    private static String bound(JsonNode quantity, String valueUnit) {
        if (!quantity.has("value")) {
            return null;
        }
        String unit = quantity.path("unit").asText("");
        return quantity.get("value").asText() + (unit.isEmpty() || unit.equals(valueUnit) ? "" : " " + unit);
    }

    /** Comment, interpretation and, for a test result, the test it belongs to. */
    static Texts.Lines details(JsonNode observation) {
        return new Texts.Lines().add(observation.path("comment").asText(null))
                .add("Interpretation", Texts.concept(observation.path("interpretation")));
    }
}
