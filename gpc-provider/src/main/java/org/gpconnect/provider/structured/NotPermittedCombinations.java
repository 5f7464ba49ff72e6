package org.gpconnect.provider.structured;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.gpconnect.provider.structured.ParameterName.*;
import static org.gpconnect.provider.structured.ParameterValues.invalid;

/**
 * "Not permitted parameter combinations": filters that would leave misleading gaps when
 * consultations or problems are asked for alongside them (a problem's linked medication older
 * than the medication search date, for example), answered 422 INVALID_PARAMETER. The two
 * predefined multi-area searches use such a combination on purpose and are let through.
 */
final class NotPermittedCombinations {
    /** Not allowed with includeConsultations (filterSignificance as well, as NHS England's test suite expects). */
    static final List<String> WITH_CONSULTATIONS = List.of(
            path(INCLUDE_MEDICATION, MEDICATION_SEARCH_FROM_DATE),
            path(INCLUDE_UNCATEGORISED_DATA, UNCATEGORISED_DATA_SEARCH_PERIOD),
            path(INCLUDE_PROBLEMS, FILTER_STATUS),
            path(INCLUDE_PROBLEMS, FILTER_SIGNIFICANCE),
            path(INCLUDE_REFERRALS, REFERRAL_SEARCH_PERIOD),
            path(INCLUDE_DIARY_ENTRIES, DIARY_ENTRIES_SEARCH_DATE),
            path(INCLUDE_IMMUNISATIONS, INCLUDE_NOT_GIVEN),
            path(INCLUDE_IMMUNISATIONS, INCLUDE_STATUS));

    /** Not allowed with includeProblems. */
    static final List<String> WITH_PROBLEMS = List.of(
            path(INCLUDE_MEDICATION, MEDICATION_SEARCH_FROM_DATE),
            path(INCLUDE_UNCATEGORISED_DATA, UNCATEGORISED_DATA_SEARCH_PERIOD),
            path(INCLUDE_REFERRALS, REFERRAL_SEARCH_PERIOD),
            path(INCLUDE_DIARY_ENTRIES, DIARY_ENTRIES_SEARCH_DATE),
            path(INCLUDE_IMMUNISATIONS, INCLUDE_NOT_GIVEN),
            path(INCLUDE_IMMUNISATIONS, INCLUDE_STATUS));

    private static final Set<String> SEARCH_1_AREAS = Set.of(
            INCLUDE_CONSULTATIONS, INCLUDE_PROBLEMS, INCLUDE_ALLERGIES, INCLUDE_MEDICATION);
    private static final Set<String> SEARCH_2_AREAS = Set.of(
            INCLUDE_CONSULTATIONS, INCLUDE_PROBLEMS, INCLUDE_ALLERGIES, INCLUDE_MEDICATION,
            INCLUDE_IMMUNISATIONS, INCLUDE_UNCATEGORISED_DATA);
    private static final Set<String> PREDEFINED_PARTS = Set.of(
            path(INCLUDE_CONSULTATIONS, INCLUDE_NUMBER_OF_MOST_RECENT),
            path(INCLUDE_ALLERGIES, INCLUDE_RESOLVED_ALLERGIES),
            path(INCLUDE_MEDICATION, MEDICATION_SEARCH_FROM_DATE));

    private NotPermittedCombinations() {}

    static void check(RequestReader.Draft draft, LocalDate today) {
        if (predefinedSearch(draft, today)) {
            return;
        }
        forbid(draft, INCLUDE_CONSULTATIONS, WITH_CONSULTATIONS);
        forbid(draft, INCLUDE_PROBLEMS, WITH_PROBLEMS);
    }

    private static void forbid(RequestReader.Draft draft, String area, List<String> parts) {
        if (!draft.areas.contains(area)) {
            return;
        }
        for (String part : parts) {
            if (draft.parts.contains(part)) {
                throw invalid(part + " cannot be sent with " + area + " (a not permitted parameter combination)");
            }
        }
    }

    /**
     * The spec does not say how a provider tells the predefined searches from other requests, so
     * only their exact shape passes: "last 3 consultations, last 1 year's medications, allergies
     * (with resolved) and problems", optionally with immunisations and uncategorised data, no
     * other area and no other part parameter. "today()-365 days" is allowed a day either way, so
     * that a consumer whose day has turned (or a calendar year across 29 February) still matches.
     */
    static boolean predefinedSearch(RequestReader.Draft draft, LocalDate today) {
        if (!draft.areas.equals(SEARCH_1_AREAS) && !draft.areas.equals(SEARCH_2_AREAS)) {
            return false;
        }
        if (!draft.parts.equals(PREDEFINED_PARTS) || draft.problems.filters().size() != 1) {
            return false;
        }
        LocalDate from = draft.medication.medicationSearchFromDate();
        LocalDate yearAgo = today.minusDays(365);
        return Integer.valueOf(3).equals(draft.consultations.includeNumberOfMostRecent())
                && draft.allergies.includeResolvedAllergies()
                && !from.isBefore(yearAgo.minusDays(1)) && !from.isAfter(yearAgo.plusDays(1));
    }
}
