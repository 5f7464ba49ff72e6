package org.gpconnect.provider.documents;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.identifier.IdentifierSystem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query of Search for a patient's documents (access_documents_development_search_patient_documents,
 * 1.6.2): the five _include/_revinclude parameters consumers must send, and the optional {@code created}
 * (a {@code ge} and/or an {@code le} bound, date or dateTime), {@code author} (an organisation's ODS
 * code) and {@code description} (keywords over description and type). Anything else, and any of these
 * malformed, is INVALID_PARAMETER with the parameter named, as the test suite checks ("Search for
 * Documents with an invalid parameter"), rather than FHIR's usual silent ignoring.
 *
 * @param createdFrom   first instant a document may have been created, or null
 * @param createdBefore instant a document must have been created before, or null
 * @param authorOds     ODS code of the authoring organisation, or null
 * @param keywords      lower-case words all of which the description or type must contain
 */
public record DocumentSearchRequest(Instant createdFrom, Instant createdBefore, String authorOds, List<String> keywords) {
    static final String INCLUDE = "_include";
    static final Set<String> INCLUDES = Set.of("DocumentReference:subject:Patient", "DocumentReference:custodian:Organization",
            "DocumentReference:author:Organization", "DocumentReference:author:Practitioner");
    static final String REVINCLUDE = "_revinclude:recurse";
    static final String REVINCLUDED = "PractitionerRole:practitioner";
    private static final String CREATED = "created";
    private static final String AUTHOR = "author";
    private static final String DESCRIPTION = "description";
    private static final Set<String> KNOWN = Set.of(INCLUDE, REVINCLUDE, "_revinclude", CREATED, AUTHOR, DESCRIPTION);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    public static DocumentSearchRequest parse(Map<String, String[]> parameters) {
        for (String name : parameters.keySet()) {
            if (!KNOWN.contains(name)) {
                throw invalid("Unknown search parameter " + name + " for a documents search");
            }
        }
        checkIncludes(parameters);
        Instant from = null;
        Instant before = null;
        for (String value : values(parameters, CREATED)) {
            String prefix = value.length() > 2 ? value.substring(0, 2) : "";
            // an unencoded "+" of a time zone offset arrives as a space; a date never holds one
            String date = value.substring(prefix.length()).replace(' ', '+');
            if (prefix.equals("ge") && from == null) {
                from = bound(date, value, false);
            } else if (prefix.equals("le") && before == null) {
                before = bound(date, value, true);
            } else {
                throw invalid("created takes one ge and one le date at most, not " + value);
            }
        }
        if (from != null && before != null && !from.isBefore(before)) {
            throw invalid("The created range is empty: its ge date is after its le date");
        }
        return new DocumentSearchRequest(from, before, author(parameters), keywords(parameters));
    }

    private static void checkIncludes(Map<String, String[]> parameters) {
        Set<String> includes = new LinkedHashSet<>(values(parameters, INCLUDE));
        List<String> revincludes = new ArrayList<>(values(parameters, REVINCLUDE));
        revincludes.addAll(values(parameters, "_revinclude"));
        for (String include : includes) {
            if (!INCLUDES.contains(include)) {
                throw invalid("_include=" + include + " is not supported by a documents search");
            }
        }
        for (String revinclude : revincludes) {
            if (!revinclude.equals(REVINCLUDED)) {
                throw invalid("_revinclude=" + revinclude + " is not supported by a documents search");
            }
        }
        List<String> missing = new ArrayList<>(INCLUDES.stream().filter(i -> !includes.contains(i)).sorted()
                .map(i -> INCLUDE + "=" + i).toList());
        if (revincludes.isEmpty()) {
            missing.add(REVINCLUDE + "=" + REVINCLUDED);
        }
        if (!missing.isEmpty()) {
            throw invalid("A documents search must include " + String.join(", ", missing));
        }
    }

    /** The instant a bound starts at, or for an upper bound the instant just after it (its precision's end). */
    private static Instant bound(String date, String parameter, boolean upper) {
        try {
            if (date.length() == 4) {
                LocalDate year = LocalDate.of(Integer.parseInt(date), 1, 1);
                return (upper ? year.plusYears(1) : year).atStartOfDay(UK).toInstant();
            }
            if (date.length() == 7) {
                LocalDate month = YearMonth.parse(date).atDay(1);
                return (upper ? month.plusMonths(1) : month).atStartOfDay(UK).toInstant();
            }
            if (date.length() == 10) {
                LocalDate day = LocalDate.parse(date);
                return (upper ? day.plusDays(1) : day).atStartOfDay(UK).toInstant();
            }
            Instant moment = date.length() > 16 && hasOffset(date) ? OffsetDateTime.parse(date).toInstant()
                    : LocalDateTime.parse(date).atZone(UK).toInstant();
            return upper ? moment.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1) : moment;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid("created has no valid date or dateTime: " + parameter);
        }
    }

    private static boolean hasOffset(String dateTime) {
        return dateTime.endsWith("Z") || dateTime.lastIndexOf('+') > 10 || dateTime.lastIndexOf('-') > 10;
    }

    private static String author(Map<String, String[]> parameters) {
        List<String> authors = values(parameters, AUTHOR);
        if (authors.isEmpty()) {
            return null;
        }
        if (authors.size() > 1) {
            throw invalid("author may be given once only");
        }
        String token = authors.get(0);
        int bar = token.indexOf('|');
        String code = bar < 0 ? "" : token.substring(bar + 1).trim();
        if (bar < 0 || !token.substring(0, bar).equals(IdentifierSystem.ODS_ORGANIZATION_CODE) || code.isEmpty()) {
            throw invalid("author must be an organisation's ODS code (" + IdentifierSystem.ODS_ORGANIZATION_CODE
                    + "|code), not " + token);
        }
        return code;
    }

    private static List<String> keywords(Map<String, String[]> parameters) {
        List<String> descriptions = values(parameters, DESCRIPTION);
        if (descriptions.size() > 1) {
            throw invalid("description may be given once only");
        }
        if (descriptions.isEmpty()) {
            return List.of();
        }
        List<String> words = Arrays.stream(descriptions.get(0).toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(word -> !word.isEmpty()).toList();
        if (words.isEmpty()) {
            throw invalid("description has no words to search for");
        }
        return words;
    }

    /** A parameter's values; an empty one is malformed. */
    private static List<String> values(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw invalid(name + " has no value");
            }
        }
        return List.of(values);
    }

    private static SpineException invalid(String diagnostics) {
        return new SpineException(SpineErrorCode.INVALID_PARAMETER, diagnostics);
    }
}
