package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.StringJoiner;

/** How the views read FHIR elements as text for a clinician: concepts, names, quantities, labelled lines. */
final class Texts {
    private Texts() {}

    /** A CodeableConcept as a clinician reads it: its text, else its first coding's display (the term recorded). */
    static String concept(JsonNode concept) {
        if (concept == null || concept.isMissingNode()) {
            return null;
        }
        String text = concept.path("text").asText(null);
        if (text != null && !text.isBlank()) {
            return text;
        }
        for (JsonNode coding : concept.path("coding")) {
            String display = coding.path("display").asText(null);
            if (display != null && !display.isBlank()) {
                return display;
            }
        }
        return null;
    }

    static String personName(JsonNode name) {
        if (name.isMissingNode()) {
            return null;
        }
        if (name.hasNonNull("text")) {
            return name.get("text").asText();
        }
        StringJoiner text = new StringJoiner(" ");
        name.path("prefix").forEach(part -> text.add(part.asText()));
        name.path("given").forEach(part -> text.add(part.asText()));
        if (name.hasNonNull("family")) {
            text.add(name.get("family").asText());
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** A Quantity with its unit, numbers as recorded (the source's own formatting). */
    static String quantity(JsonNode quantity) {
        if (quantity == null || !quantity.has("value")) {
            return null;
        }
        String comparator = quantity.path("comparator").asText("");
        String unit = quantity.path("unit").asText(quantity.path("code").asText(""));
        return comparator + quantity.get("value").asText() + (unit.isEmpty() ? "" : " " + unit);
    }

    static LocalDate date(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : DisplayDate.parse(node.asText());
    }

    /** The value of a (simple) extension, found by the end of its url. */
    static JsonNode extension(JsonNode resource, String urlEnd) {
        for (JsonNode extension : resource.path("extension")) {
            if (extension.path("url").asText().endsWith(urlEnd)) {
                return extension;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** A part of a complex extension by its url. */
    static JsonNode part(JsonNode extension, String url) {
        for (JsonNode part : extension.path("extension")) {
            if (part.path("url").asText().equals(url)) {
                return part;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Every note's text, one a line. */
    static String notes(JsonNode resource) {
        StringJoiner text = new StringJoiner("\n");
        for (JsonNode note : resource.path("note")) {
            if (note.hasNonNull("text")) {
                text.add(note.get("text").asText());
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** Lines of a Details cell: each non-empty value, labelled where the label helps. */
    static final class Lines {
        private final StringJoiner lines = new StringJoiner("\n");

        Lines add(String value) {
            if (value != null && !value.isBlank()) {
                lines.add(value);
            }
            return this;
        }

        Lines add(String label, String value) {
            if (value != null && !value.isBlank()) {
                lines.add(label + ": " + value);
            }
            return this;
        }

        Lines add(String label, LocalDate date) {
            return date == null ? this : add(label, DisplayDate.format(date));
        }

        @Override
        public String toString() {
            return lines.length() == 0 ? null : lines.toString();
        }
    }
}
