package org.gpconnect.provider.viewer;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The patient banner a consumer shows above the record, in the NHS common user interface's words:
 * FAMILY, Given (Title), born dd-Mmm-yyyy, gender, NHS number as 3-3-4, and the registered practice.
 */
record PatientBanner(String name, String birthDate, String gender, String nhsNumber, String practice) {
    static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
    // English, not UK: the JDK's en-GB spells September "Sept", the banner wants three letters
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    static PatientBanner of(JsonNode patient, String practice) {
        return new PatientBanner(name(patient), birthDate(patient.path("birthDate").asText(null)),
                gender(patient.path("gender").asText(null)), nhsNumber(patient), practice);
    }

    String toXhtml() {
        return "<header class=\"patient-banner\"><p class=\"patient-name\">" + Xhtml.escape(name) + "</p><dl>"
                + item("Born", birthDate) + item("Gender", gender) + item("NHS number", nhsNumber)
                + item("GP practice", practice) + "</dl></header>";
    }

    private static String item(String label, String value) {
        return "<div><dt>" + Xhtml.escape(label) + "</dt><dd>" + Xhtml.escape(value) + "</dd></div>";
    }

    /** The official name if there is one (a patient may also have a nickname or a previous name). */
    static String name(JsonNode patient) {
        JsonNode chosen = null;
        for (JsonNode name : patient.path("name")) {
            if (chosen == null || "official".equals(name.path("use").asText())) {
                chosen = name;
            }
            if ("official".equals(name.path("use").asText())) {
                break;
            }
        }
        if (chosen == null) {
            return "Unknown";
        }
        List<String> given = new ArrayList<>();
        chosen.path("given").forEach(part -> given.add(part.asText()));
        List<String> prefixes = new ArrayList<>();
        chosen.path("prefix").forEach(part -> prefixes.add(part.asText()));
        StringBuilder text = new StringBuilder(chosen.path("family").asText("").toUpperCase(Locale.ROOT));
        if (!given.isEmpty()) {
            text.append(text.isEmpty() ? "" : ", ").append(String.join(" ", given));
        }
        if (!prefixes.isEmpty()) {
            text.append(" (").append(String.join(" ", prefixes)).append(')');
        }
        return text.isEmpty() ? chosen.path("text").asText("Unknown") : text.toString();
    }

    static String birthDate(String birthDate) {
        if (birthDate == null || birthDate.isBlank()) {
            return "Unknown";
        }
        try {
            return DAY.format(LocalDate.parse(birthDate));
        } catch (DateTimeParseException e) {
            return birthDate; // a partial date (1948 or 1948-09) is shown as the record has it
        }
    }

    static String gender(String gender) {
        if (gender == null || gender.isBlank()) {
            return "Unknown";
        }
        return Character.toUpperCase(gender.charAt(0)) + gender.substring(1);
    }

    static String nhsNumber(JsonNode patient) {
        for (JsonNode identifier : patient.path("identifier")) {
            if (NHS_NUMBER_SYSTEM.equals(identifier.path("system").asText())) {
                return formatNhsNumber(identifier.path("value").asText(""));
            }
        }
        return "Unknown";
    }

    static String formatNhsNumber(String digits) {
        return digits.matches("\\d{10}")
                ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6) : digits;
    }
}
