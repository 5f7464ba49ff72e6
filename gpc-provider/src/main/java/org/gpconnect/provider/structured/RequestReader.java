package org.gpconnect.provider.structured;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.structured.StructuredRecordRequest.Allergies;
import org.gpconnect.provider.structured.StructuredRecordRequest.Consultations;
import org.gpconnect.provider.structured.StructuredRecordRequest.DiaryEntries;
import org.gpconnect.provider.structured.StructuredRecordRequest.FullRecord;
import org.gpconnect.provider.structured.StructuredRecordRequest.Immunisations;
import org.gpconnect.provider.structured.StructuredRecordRequest.Investigations;
import org.gpconnect.provider.structured.StructuredRecordRequest.Medication;
import org.gpconnect.provider.structured.StructuredRecordRequest.ProblemFilter;
import org.gpconnect.provider.structured.StructuredRecordRequest.Problems;
import org.gpconnect.provider.structured.StructuredRecordRequest.Referrals;
import org.gpconnect.provider.structured.StructuredRecordRequest.UncategorisedData;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.gpconnect.provider.structured.ParameterName.*;
import static org.gpconnect.provider.structured.ParameterValues.invalid;

/**
 * Applies the request rules in the order the checks depend on each other: the shape of the
 * Parameters (names, cardinality, unrecognised names), then patientNHSNumber, then each clinical
 * area's part parameters and dates, and last the combinations of part parameters across areas.
 */
final class RequestReader {
    private static final Set<String> PROBLEM_STATUSES = Set.of("active", "inactive");
    private static final Set<String> PROBLEM_SIGNIFICANCES = Set.of("major", "minor");

    /** The request as it is being read; StructuredRecordRequest copies it into an immutable value. */
    static final class Draft {
        String nhsNumber;
        Allergies allergies;
        Medication medication;
        Consultations consultations;
        Problems problems;
        Immunisations immunisations;
        UncategorisedData uncategorisedData;
        Investigations investigations;
        Referrals referrals;
        DiaryEntries diaryEntries;
        FullRecord fullRecord;
        final List<String> unrecognised = new ArrayList<>();
        /** Clinical-area parameters sent, by name. */
        final Set<String> areas = new LinkedHashSet<>();
        /** Part parameters sent, as {@code parameter.part}: the combination rules are about what was sent. */
        final Set<String> parts = new LinkedHashSet<>();
    }

    private RequestReader() {}

    static Draft getStructuredRecord(Parameters parameters, LocalDate today) {
        Draft draft = new Draft();
        Map<String, List<ParametersParameterComponent>> byName = recognised(parameters, GET_STRUCTURED_RECORD, false, draft);
        draft.nhsNumber = ParameterValues.nhsNumber(byName.get(PATIENT_NHS_NUMBER).get(0));
        draft.areas.addAll(byName.keySet());
        draft.areas.remove(PATIENT_NHS_NUMBER);
        for (Map.Entry<String, List<ParametersParameterComponent>> entry : byName.entrySet()) {
            for (ParametersParameterComponent parameter : entry.getValue()) {
                Map<String, ParametersParameterComponent> parts = parts(parameter);
                parts.keySet().forEach(part -> draft.parts.add(path(entry.getKey(), part)));
                area(entry.getKey(), parts, today, draft);
            }
        }
        NotPermittedCombinations.check(draft, today);
        return draft;
    }

    static Draft migrateStructuredRecord(Parameters parameters, boolean restrictedConfidentiality) {
        Draft draft = new Draft();
        Map<String, List<ParametersParameterComponent>> byName = recognised(parameters, MIGRATE_STRUCTURED_RECORD, true, draft);
        draft.nhsNumber = ParameterValues.nhsNumber(byName.get(PATIENT_NHS_NUMBER).get(0));
        if (!byName.containsKey(INCLUDE_FULL_RECORD)) {
            throw invalid(INCLUDE_FULL_RECORD + " is missing: a migration must send it, with its part parameter "
                    + INCLUDE_SENSITIVE_INFORMATION);
        }
        ParametersParameterComponent sensitive = parts(byName.get(INCLUDE_FULL_RECORD).get(0)).get(INCLUDE_SENSITIVE_INFORMATION);
        String path = path(INCLUDE_FULL_RECORD, INCLUDE_SENSITIVE_INFORMATION);
        // Mandatory (1..1) in the parameter table, although its text speaks of a default of true
        if (sensitive == null) {
            throw invalid(INCLUDE_FULL_RECORD + " needs its part parameter " + INCLUDE_SENSITIVE_INFORMATION + " (true or false)");
        }
        boolean includeSensitive = ParameterValues.booleanValue(sensitive, path);
        if (includeSensitive && !restrictedConfidentiality) {
            throw new SpineException(SpineErrorCode.CONFLICTING_VALUES, path
                    + " is true but the JWT requested_scope is conf/N: sensitive information needs conf/R");
        }
        // The spec only forbids the case above; NHS England's test suite also rejects conf/R without sensitive information
        if (!includeSensitive && restrictedConfidentiality) {
            throw new SpineException(SpineErrorCode.CONFLICTING_VALUES, path
                    + " is false but the JWT requested_scope is conf/R, which asks for sensitive information");
        }
        draft.fullRecord = new FullRecord(includeSensitive);
        draft.allergies = new Allergies(true);
        draft.medication = new Medication(true, null);
        draft.consultations = new Consultations(null, null);
        draft.problems = new Problems(List.of(new ProblemFilter(null, null)));
        draft.immunisations = new Immunisations(true, true);
        draft.uncategorisedData = new UncategorisedData(null);
        draft.investigations = new Investigations(null);
        draft.referrals = new Referrals(null);
        draft.diaryEntries = new DiaryEntries(null);
        return draft;
    }

    /**
     * The recognised parameters by name, in request order. An unrecognised parameter or part is
     * remembered for the warning (get) or rejected (migrate); a recognised one sent more often
     * than its cardinality allows does not conform to the OperationDefinition.
     */
    private static Map<String, List<ParametersParameterComponent>> recognised(
            Parameters parameters, Map<String, List<String>> known, boolean strict, Draft draft) {
        Map<String, List<ParametersParameterComponent>> byName = new LinkedHashMap<>();
        for (ParametersParameterComponent parameter : parameters.getParameter()) {
            String name = parameter.getName();
            if (name == null || name.isBlank()) {
                throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "Parameters.parameter has a parameter without a name");
            }
            if (known.containsKey(name)) {
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(parameter);
            } else if (strict) {
                throw invalid(name + " is an unrecognised parameter: " + operation(known) + " takes only "
                        + String.join(", ", known.keySet()));
            } else if (!draft.unrecognised.contains(name)) {
                // Reported at the coarsest level: the parts of an unrecognised parameter are not looked at
                draft.unrecognised.add(name);
            }
        }
        if (byName.isEmpty()) {
            throw invalid("No recognised parameters" + (draft.unrecognised.isEmpty() ? ""
                    : ": " + String.join(", ", draft.unrecognised) + " are not parameters of " + operation(known)));
        }
        for (Map.Entry<String, List<ParametersParameterComponent>> entry : byName.entrySet()) {
            // includeProblems is 0..* in the OperationDefinition; every other parameter is 0..1 or 1..1
            if (entry.getValue().size() > 1 && !INCLUDE_PROBLEMS.equals(entry.getKey())) {
                throw new SpineException(SpineErrorCode.INVALID_RESOURCE, entry.getKey() + " may be sent once only");
            }
        }
        if (!byName.containsKey(PATIENT_NHS_NUMBER)) {
            throw invalid(PATIENT_NHS_NUMBER + " is missing: it is mandatory");
        }
        for (Map.Entry<String, List<ParametersParameterComponent>> entry : byName.entrySet()) {
            for (ParametersParameterComponent parameter : entry.getValue()) {
                checkParts(entry.getKey(), parameter, known.get(entry.getKey()), strict, draft);
            }
        }
        return byName;
    }

    private static void checkParts(String name, ParametersParameterComponent parameter, List<String> knownParts,
                                   boolean strict, Draft draft) {
        if (!knownParts.isEmpty() && (parameter.getValue() != null || parameter.hasResource())) {
            throw invalid(name + " takes part parameters, not a value");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (ParametersParameterComponent part : parameter.getPart()) {
            String partName = part.getName();
            if (partName == null || partName.isBlank()) {
                throw new SpineException(SpineErrorCode.INVALID_RESOURCE, name + " has a part parameter without a name");
            }
            String path = path(name, partName);
            if (!knownParts.contains(partName)) {
                if (strict) {
                    throw invalid(path + " is an unrecognised parameter");
                }
                if (!draft.unrecognised.contains(path)) {
                    draft.unrecognised.add(path);
                }
            } else if (!seen.add(partName)) {
                // Every part parameter is 0..1 or 1..1; NHS England's test suite expects INVALID_RESOURCE here
                throw new SpineException(SpineErrorCode.INVALID_RESOURCE, path + " may be sent once only");
            }
        }
    }

    /** The recognised part parameters of one parameter, by name (checkParts has ruled out duplicates). */
    private static Map<String, ParametersParameterComponent> parts(ParametersParameterComponent parameter) {
        Map<String, ParametersParameterComponent> parts = new LinkedHashMap<>();
        List<String> known = GET_STRUCTURED_RECORD.containsKey(parameter.getName())
                ? GET_STRUCTURED_RECORD.get(parameter.getName()) : MIGRATE_STRUCTURED_RECORD.get(parameter.getName());
        for (ParametersParameterComponent part : parameter.getPart()) {
            if (known.contains(part.getName())) {
                parts.put(part.getName(), part);
            }
        }
        return parts;
    }

    private static void area(String name, Map<String, ParametersParameterComponent> parts, LocalDate today, Draft draft) {
        switch (name) {
            case INCLUDE_ALLERGIES -> draft.allergies = allergies(parts);
            case INCLUDE_MEDICATION -> draft.medication = medication(parts, today);
            case INCLUDE_CONSULTATIONS -> draft.consultations = consultations(parts, today);
            case INCLUDE_PROBLEMS -> draft.problems = problems(draft.problems, parts);
            case INCLUDE_IMMUNISATIONS -> draft.immunisations = new Immunisations(
                    bool(parts, INCLUDE_IMMUNISATIONS, INCLUDE_NOT_GIVEN, false),
                    bool(parts, INCLUDE_IMMUNISATIONS, INCLUDE_STATUS, true));
            case INCLUDE_UNCATEGORISED_DATA -> draft.uncategorisedData = new UncategorisedData(
                    pastPeriod(parts, INCLUDE_UNCATEGORISED_DATA, UNCATEGORISED_DATA_SEARCH_PERIOD, today));
            case INCLUDE_INVESTIGATIONS -> draft.investigations = new Investigations(
                    pastPeriod(parts, INCLUDE_INVESTIGATIONS, INVESTIGATION_SEARCH_PERIOD, today));
            case INCLUDE_REFERRALS -> draft.referrals = new Referrals(
                    pastPeriod(parts, INCLUDE_REFERRALS, REFERRAL_SEARCH_PERIOD, today));
            case INCLUDE_DIARY_ENTRIES -> draft.diaryEntries = new DiaryEntries(diaryDate(parts, today));
            default -> { } // patientNHSNumber, read already
        }
    }

    private static Allergies allergies(Map<String, ParametersParameterComponent> parts) {
        ParametersParameterComponent resolved = parts.get(INCLUDE_RESOLVED_ALLERGIES);
        if (resolved == null) {
            throw invalid(INCLUDE_ALLERGIES + " needs its mandatory part parameter " + INCLUDE_RESOLVED_ALLERGIES
                    + " (true or false)");
        }
        return new Allergies(ParameterValues.booleanValue(resolved, path(INCLUDE_ALLERGIES, INCLUDE_RESOLVED_ALLERGIES)));
    }

    private static Medication medication(Map<String, ParametersParameterComponent> parts, LocalDate today) {
        boolean issues = bool(parts, INCLUDE_MEDICATION, INCLUDE_PRESCRIPTION_ISSUES, true);
        LocalDate from = null;
        ParametersParameterComponent date = parts.get(MEDICATION_SEARCH_FROM_DATE);
        if (date != null) {
            String path = path(INCLUDE_MEDICATION, MEDICATION_SEARCH_FROM_DATE);
            from = notAfterToday(ParameterValues.date(date, path), path, today);
        }
        return new Medication(issues, from);
    }

    private static Consultations consultations(Map<String, ParametersParameterComponent> parts, LocalDate today) {
        if (parts.containsKey(CONSULTATION_SEARCH_PERIOD) && parts.containsKey(INCLUDE_NUMBER_OF_MOST_RECENT)) {
            // The spec's error table gives INVALID_RESOURCE for this one, and NHS England's test suite expects it
            throw new SpineException(SpineErrorCode.INVALID_RESOURCE, path(INCLUDE_CONSULTATIONS, CONSULTATION_SEARCH_PERIOD)
                    + " and " + path(INCLUDE_CONSULTATIONS, INCLUDE_NUMBER_OF_MOST_RECENT) + " cannot be sent together");
        }
        SearchPeriod period = pastPeriod(parts, INCLUDE_CONSULTATIONS, CONSULTATION_SEARCH_PERIOD, today);
        ParametersParameterComponent mostRecent = parts.get(INCLUDE_NUMBER_OF_MOST_RECENT);
        Integer number = mostRecent == null ? null
                : ParameterValues.positiveInt(mostRecent, path(INCLUDE_CONSULTATIONS, INCLUDE_NUMBER_OF_MOST_RECENT));
        return new Consultations(period, number);
    }

    private static Problems problems(Problems sofar, Map<String, ParametersParameterComponent> parts) {
        String status = code(parts, FILTER_STATUS, PROBLEM_STATUSES);
        String significance = code(parts, FILTER_SIGNIFICANCE, PROBLEM_SIGNIFICANCES);
        List<ProblemFilter> filters = new ArrayList<>(sofar == null ? List.of() : sofar.filters());
        filters.add(new ProblemFilter(status, significance));
        return new Problems(filters);
    }

    private static String code(Map<String, ParametersParameterComponent> parts, String part, Set<String> allowed) {
        ParametersParameterComponent parameter = parts.get(part);
        if (parameter == null) {
            return null;
        }
        String path = path(INCLUDE_PROBLEMS, part);
        String code = ParameterValues.code(parameter, path);
        if (!allowed.contains(code)) {
            throw invalid(path + " must be " + String.join(" or ", allowed.stream().sorted().toList()) + ", not '" + code + "'");
        }
        return code;
    }

    private static boolean bool(Map<String, ParametersParameterComponent> parts, String name, String part, boolean otherwise) {
        ParametersParameterComponent parameter = parts.get(part);
        return parameter == null ? otherwise : ParameterValues.booleanValue(parameter, path(name, part));
    }

    /** Search periods look back: neither bound may be later than today (section 10 of the spec). */
    private static SearchPeriod pastPeriod(Map<String, ParametersParameterComponent> parts, String name, String part,
                                           LocalDate today) {
        ParametersParameterComponent parameter = parts.get(part);
        if (parameter == null) {
            return null;
        }
        String path = path(name, part);
        SearchPeriod period = ParameterValues.period(parameter, path);
        if (period.start() != null) {
            notAfterToday(period.start(), path + ".start", today);
        }
        if (period.end() != null) {
            notAfterToday(period.end(), path + ".end", today);
        }
        return period;
    }

    /** Diary entries are future events, so their search date is the one date that must be today or later. */
    private static LocalDate diaryDate(Map<String, ParametersParameterComponent> parts, LocalDate today) {
        ParametersParameterComponent parameter = parts.get(DIARY_ENTRIES_SEARCH_DATE);
        if (parameter == null) {
            return null;
        }
        String path = path(INCLUDE_DIARY_ENTRIES, DIARY_ENTRIES_SEARCH_DATE);
        LocalDate date = ParameterValues.date(parameter, path);
        if (date.isBefore(today)) {
            throw invalid(path + " (" + date + ") is before today (" + today + "): it must be today or later");
        }
        return date;
    }

    private static LocalDate notAfterToday(LocalDate date, String path, LocalDate today) {
        if (date.isAfter(today)) {
            throw invalid(path + " (" + date + ") is after today (" + today + "): search dates cannot be in the future");
        }
        return date;
    }

    private static String operation(Map<String, List<String>> known) {
        return known == MIGRATE_STRUCTURED_RECORD ? "gpc.migratestructuredrecord" : "gpc.getstructuredrecord";
    }
}
