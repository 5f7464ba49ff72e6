package org.gpconnect.provider.structured;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter and part parameter names of {@code $gpc.getstructuredrecord} and
 * {@code $gpc.migratestructuredrecord}, spelt as the OperationDefinitions spell them, so that
 * warnings ("includeProblems has been disabled") and diagnostics use the consumer's own words.
 */
public final class ParameterName {
    public static final String PATIENT_NHS_NUMBER = "patientNHSNumber";

    public static final String INCLUDE_ALLERGIES = "includeAllergies";
    public static final String INCLUDE_RESOLVED_ALLERGIES = "includeResolvedAllergies";
    public static final String INCLUDE_MEDICATION = "includeMedication";
    public static final String INCLUDE_PRESCRIPTION_ISSUES = "includePrescriptionIssues";
    public static final String MEDICATION_SEARCH_FROM_DATE = "medicationSearchFromDate";
    public static final String INCLUDE_CONSULTATIONS = "includeConsultations";
    public static final String CONSULTATION_SEARCH_PERIOD = "consultationSearchPeriod";
    public static final String INCLUDE_NUMBER_OF_MOST_RECENT = "includeNumberOfMostRecent";
    public static final String INCLUDE_PROBLEMS = "includeProblems";
    public static final String FILTER_STATUS = "filterStatus";
    public static final String FILTER_SIGNIFICANCE = "filterSignificance";
    public static final String INCLUDE_IMMUNISATIONS = "includeImmunisations";
    public static final String INCLUDE_NOT_GIVEN = "includeNotGiven";
    public static final String INCLUDE_STATUS = "includeStatus";
    public static final String INCLUDE_UNCATEGORISED_DATA = "includeUncategorisedData";
    public static final String UNCATEGORISED_DATA_SEARCH_PERIOD = "uncategorisedDataSearchPeriod";
    public static final String INCLUDE_INVESTIGATIONS = "includeInvestigations";
    public static final String INVESTIGATION_SEARCH_PERIOD = "investigationSearchPeriod";
    public static final String INCLUDE_REFERRALS = "includeReferrals";
    public static final String REFERRAL_SEARCH_PERIOD = "referralSearchPeriod";
    public static final String INCLUDE_DIARY_ENTRIES = "includeDiaryEntries";
    public static final String DIARY_ENTRIES_SEARCH_DATE = "diaryEntriesSearchDate";

    public static final String INCLUDE_FULL_RECORD = "includeFullRecord";
    public static final String INCLUDE_SENSITIVE_INFORMATION = "includeSensitiveInformation";

    /**
     * Every parameter get structured record recognises, with its part parameters.
     * {@code filterSignificance} was dropped by 1.6.2 but is still in the published
     * OperationDefinition and NHS England's test suite sends it, so it stays recognised.
     */
    static final Map<String, List<String>> GET_STRUCTURED_RECORD = ordered(
            PATIENT_NHS_NUMBER, List.of(),
            INCLUDE_ALLERGIES, List.of(INCLUDE_RESOLVED_ALLERGIES),
            INCLUDE_MEDICATION, List.of(INCLUDE_PRESCRIPTION_ISSUES, MEDICATION_SEARCH_FROM_DATE),
            INCLUDE_CONSULTATIONS, List.of(CONSULTATION_SEARCH_PERIOD, INCLUDE_NUMBER_OF_MOST_RECENT),
            INCLUDE_PROBLEMS, List.of(FILTER_STATUS, FILTER_SIGNIFICANCE),
            INCLUDE_IMMUNISATIONS, List.of(INCLUDE_NOT_GIVEN, INCLUDE_STATUS),
            INCLUDE_UNCATEGORISED_DATA, List.of(UNCATEGORISED_DATA_SEARCH_PERIOD),
            INCLUDE_INVESTIGATIONS, List.of(INVESTIGATION_SEARCH_PERIOD),
            INCLUDE_REFERRALS, List.of(REFERRAL_SEARCH_PERIOD),
            INCLUDE_DIARY_ENTRIES, List.of(DIARY_ENTRIES_SEARCH_DATE));

    static final Map<String, List<String>> MIGRATE_STRUCTURED_RECORD = ordered(
            PATIENT_NHS_NUMBER, List.of(),
            INCLUDE_FULL_RECORD, List.of(INCLUDE_SENSITIVE_INFORMATION));

    private ParameterName() {}

    /** {@code includeMedication.medicationSearchFromDate}: how the spec names a part parameter. */
    public static String path(String parameter, String part) {
        return parameter + "." + part;
    }

    private static Map<String, List<String>> ordered(Object... namesAndParts) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndParts.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> parts = (List<String>) namesAndParts[i + 1];
            map.put((String) namesAndParts[i], parts);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
