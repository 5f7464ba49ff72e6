package org.gpconnect.provider.structured;

import org.gpconnect.fhir.error.OperationOutcomes;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.jwt.RequestingParty;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;
import org.hl7.fhir.dstu3.model.Parameters;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a consumer asked of {@code $gpc.getstructuredrecord} or
 * {@code $gpc.migratestructuredrecord}, checked against every request rule of the spec (Access
 * Record Structured 1.6.2, "Retrieve a patient's structured record" and "Migrate a patient's
 * structured record") and resolved to the spec's defaults, so that whoever builds the Bundle never
 * looks at the Parameters again. An area that was not asked for is empty; an area that was
 * asked for carries its options with defaults filled in.
 *
 * <p>A migration asks for the whole record: every area, unfiltered, with resolved allergies,
 * prescription issues, immunisations not given and status, plus {@link #fullRecord()}.
 */
public final class StructuredRecordRequest {

    /** includeAllergies. */
    public record Allergies(boolean includeResolvedAllergies) {}

    /** includeMedication. includePrescriptionIssues defaults to true; no date means the whole history. */
    public record Medication(boolean includePrescriptionIssues, LocalDate medicationSearchFromDate) {
        public Optional<LocalDate> searchFromDate() { return Optional.ofNullable(medicationSearchFromDate); }
    }

    /** includeConsultations: a period, the N most recent, or (neither) every consultation. */
    public record Consultations(SearchPeriod consultationSearchPeriod, Integer includeNumberOfMostRecent) {
        public Optional<SearchPeriod> searchPeriod() { return Optional.ofNullable(consultationSearchPeriod); }
        public Optional<Integer> numberOfMostRecent() { return Optional.ofNullable(includeNumberOfMostRecent); }
    }

    /**
     * One includeProblems filter: a problem passes when it has the status (active, inactive) and
     * significance (major, minor) given; an absent filter lets every value through.
     */
    public record ProblemFilter(String filterStatus, String filterSignificance) {
        public boolean matches(String clinicalStatus, String significance) {
            return (filterStatus == null || filterStatus.equals(clinicalStatus))
                    && (filterSignificance == null || filterSignificance.equals(significance));
        }
    }

    /**
     * includeProblems, which the OperationDefinition lets a consumer send more than once (0..*),
     * each with its own filters: a problem is returned when any one of them lets it through.
     */
    public record Problems(List<ProblemFilter> filters) {
        public Problems {
            filters = List.copyOf(filters);
        }

        public boolean includes(String clinicalStatus, String significance) {
            return filters.stream().anyMatch(f -> f.matches(clinicalStatus, significance));
        }
    }

    /** includeImmunisations: includeNotGiven defaults to false, includeStatus to true. */
    public record Immunisations(boolean includeNotGiven, boolean includeStatus) {}

    /** includeUncategorisedData; a null period means the whole history. */
    public record UncategorisedData(SearchPeriod uncategorisedDataSearchPeriod) {
        public Optional<SearchPeriod> searchPeriod() { return Optional.ofNullable(uncategorisedDataSearchPeriod); }
    }

    /** includeInvestigations; a null period means the whole history. */
    public record Investigations(SearchPeriod investigationSearchPeriod) {
        public Optional<SearchPeriod> searchPeriod() { return Optional.ofNullable(investigationSearchPeriod); }
    }

    /** includeReferrals; a null period means the whole history. */
    public record Referrals(SearchPeriod referralSearchPeriod) {
        public Optional<SearchPeriod> searchPeriod() { return Optional.ofNullable(referralSearchPeriod); }
    }

    /** includeDiaryEntries: entries up to diaryEntriesSearchDate (today or later), or all of them. */
    public record DiaryEntries(LocalDate diaryEntriesSearchDate) {
        public Optional<LocalDate> searchDate() { return Optional.ofNullable(diaryEntriesSearchDate); }
    }

    /** includeFullRecord of a migration. */
    public record FullRecord(boolean includeSensitiveInformation) {}

    private final String nhsNumber;
    private final Allergies allergies;
    private final Medication medication;
    private final Consultations consultations;
    private final Problems problems;
    private final Immunisations immunisations;
    private final UncategorisedData uncategorisedData;
    private final Investigations investigations;
    private final Referrals referrals;
    private final DiaryEntries diaryEntries;
    private final FullRecord fullRecord;
    private final List<String> unrecognisedParameters;

    StructuredRecordRequest(RequestReader.Draft draft) {
        this.nhsNumber = draft.nhsNumber;
        this.allergies = draft.allergies;
        this.medication = draft.medication;
        this.consultations = draft.consultations;
        this.problems = draft.problems;
        this.immunisations = draft.immunisations;
        this.uncategorisedData = draft.uncategorisedData;
        this.investigations = draft.investigations;
        this.referrals = draft.referrals;
        this.diaryEntries = draft.diaryEntries;
        this.fullRecord = draft.fullRecord;
        this.unrecognisedParameters = List.copyOf(draft.unrecognised);
    }

    /**
     * Checks a request body against every rule of the operation and resolves it, or throws the
     * {@link org.gpconnect.fhir.error.SpineException} the spec gives for the first rule broken.
     *
     * @param today                     the practice's date (Europe/London), against which search dates are checked
     * @param migration                 true for {@code $gpc.migratestructuredrecord}, whose parameters differ
     *                                  and which rejects any parameter it does not know
     * @param restrictedConfidentiality whether the JWT's requested_scope is {@code conf/R}; only a migration looks at it
     */
    public static StructuredRecordRequest parse(Parameters parameters, LocalDate today, boolean migration,
                                                boolean restrictedConfidentiality) {
        return new StructuredRecordRequest(migration
                ? RequestReader.migrateStructuredRecord(parameters, restrictedConfidentiality)
                : RequestReader.getStructuredRecord(parameters, today));
    }

    /** {@code $gpc.getstructuredrecord}. */
    public static StructuredRecordRequest parse(Parameters parameters, LocalDate today) {
        return parse(parameters, today, false, false);
    }

    /** {@code $gpc.migratestructuredrecord}, with the requesting party's confidentiality scope. */
    public static StructuredRecordRequest parseMigration(Parameters parameters, LocalDate today, RequestingParty party) {
        return parse(parameters, today, true, party.restrictedConfidentiality());
    }

    public String nhsNumber() { return nhsNumber; }
    public boolean migration() { return fullRecord != null; }
    public Optional<FullRecord> fullRecord() { return Optional.ofNullable(fullRecord); }

    /**
     * Whether the request reaches across the record (several areas, or consultations and problems,
     * which bring items of every type with them), so that reading it all at once is cheaper.
     */
    public boolean reachesAcrossTheRecord() {
        long areas = java.util.stream.Stream.of(allergies, medication, consultations, problems, immunisations,
                uncategorisedData, investigations, referrals, diaryEntries).filter(java.util.Objects::nonNull).count();
        return areas > 1 || consultations != null || problems != null;
    }
    public Optional<Allergies> allergies() { return Optional.ofNullable(allergies); }
    public Optional<Medication> medication() { return Optional.ofNullable(medication); }
    public Optional<Consultations> consultations() { return Optional.ofNullable(consultations); }
    public Optional<Problems> problems() { return Optional.ofNullable(problems); }
    public Optional<Immunisations> immunisations() { return Optional.ofNullable(immunisations); }
    public Optional<UncategorisedData> uncategorisedData() { return Optional.ofNullable(uncategorisedData); }
    public Optional<Investigations> investigations() { return Optional.ofNullable(investigations); }
    public Optional<Referrals> referrals() { return Optional.ofNullable(referrals); }
    public Optional<DiaryEntries> diaryEntries() { return Optional.ofNullable(diaryEntries); }

    /**
     * The parameters and part parameters ignored as unrecognised, as the spec names them
     * ({@code includeMadeUp}, {@code includeAllergies.timePeriod}), in request order.
     */
    public List<String> unrecognisedParameters() { return unrecognisedParameters; }

    /**
     * The one OperationOutcome the response Bundle carries when something was ignored: an issue
     * per unrecognised parameter, severity warning, code not-supported, Spine code
     * NOT_IMPLEMENTED, text "{name} is an unrecognised parameter", diagnostics the name. Built
     * afresh on each call because FHIR resources are mutable.
     */
    public Optional<OperationOutcome> warnings() {
        BundleWarnings warnings = new BundleWarnings();
        unrecognisedParameters.forEach(name -> warnings.add(name, "is an unrecognised parameter"));
        return warnings.outcome();
    }
}
