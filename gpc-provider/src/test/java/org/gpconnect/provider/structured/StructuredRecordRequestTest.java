package org.gpconnect.provider.structured;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.gpconnect.fhir.error.OperationOutcomes;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.fhir.jwt.RequestingParty;
import org.gpconnect.provider.structured.StructuredRecordRequest.ProblemFilter;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.Type;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gpconnect.provider.structured.ParameterName.*;

/**
 * Every request rule of get structured record and migrate structured record, one test (or one
 * row) per rule of docs/structured.md "The request". Bodies are built with HAPI's model classes,
 * except for values HAPI's classes refuse to hold ("X2014", "yes", ""), which a leniently read
 * JSON body carries as text.
 */
class StructuredRecordRequestTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String NHS = "9000000009";
    private static final FhirContext FHIR = FhirContext.forDstu3Cached();

    // ---------------------------------------------------------------- building requests

    static ParametersParameterComponent nhsNumber(String system, String value) {
        return new ParametersParameterComponent().setName(PATIENT_NHS_NUMBER)
                .setValue(new Identifier().setSystem(system).setValue(value));
    }

    static ParametersParameterComponent param(String name, ParametersParameterComponent... parts) {
        ParametersParameterComponent parameter = new ParametersParameterComponent().setName(name);
        for (ParametersParameterComponent part : parts) {
            parameter.addPart(part);
        }
        return parameter;
    }

    static ParametersParameterComponent part(String name, Type value) {
        return new ParametersParameterComponent().setName(name).setValue(value);
    }

    static ParametersParameterComponent bool(String name, boolean value) {
        return part(name, new BooleanType(value));
    }

    static ParametersParameterComponent date(String name, String value) {
        return part(name, new DateType(value));
    }

    static ParametersParameterComponent date(String name, LocalDate value) {
        return date(name, value.toString());
    }

    static ParametersParameterComponent period(String name, String start, String end) {
        Period period = new Period();
        if (start != null) {
            period.setStartElement(new DateTimeType(start));
        }
        if (end != null) {
            period.setEndElement(new DateTimeType(end));
        }
        return part(name, period);
    }

    static ParametersParameterComponent period(String name, LocalDate start, LocalDate end) {
        return period(name, start == null ? null : start.toString(), end == null ? null : end.toString());
    }

    static Parameters parameters(ParametersParameterComponent... parameters) {
        Parameters body = new Parameters();
        for (ParametersParameterComponent parameter : parameters) {
            body.addParameter(parameter);
        }
        return body;
    }

    /** A get structured record request for the default patient with the given areas. */
    static Parameters get(ParametersParameterComponent... areas) {
        Parameters body = parameters(nhsNumber(IdentifierSystem.NHS_NUMBER, NHS));
        for (ParametersParameterComponent area : areas) {
            body.addParameter(area);
        }
        return body;
    }

    /** A body read as the operation reads one, invalid primitive values kept as text. */
    static Parameters json(String parametersJson) {
        return FHIR.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false))
                .parseResource(Parameters.class, "{\"resourceType\":\"Parameters\",\"parameter\":["
                        + "{\"name\":\"patientNHSNumber\",\"valueIdentifier\":{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\""
                        + NHS + "\"}}," + parametersJson + "]}");
    }

    static StructuredRecordRequest parse(Parameters body) {
        return StructuredRecordRequest.parse(body, TODAY);
    }

    static void rejects(Parameters body, SpineErrorCode code, String... named) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(SpineException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getStatusCode()).isEqualTo(code.httpStatus());
            assertThat(e.diagnostics()).contains(named);
        });
    }

    static void invalidParameter(Parameters body, String... named) {
        rejects(body, SpineErrorCode.INVALID_PARAMETER, named);
    }

    // ---------------------------------------------------------------- happy paths and defaults

    @Nested
    class Defaults {
        @Test
        void onlyTheNhsNumberAsksForNoClinicalArea() {
            StructuredRecordRequest request = parse(get());
            assertThat(request.nhsNumber()).isEqualTo(NHS);
            assertThat(request.migration()).isFalse();
            assertThat(request.fullRecord()).isEmpty();
            assertThat(Stream.of(request.allergies(), request.medication(), request.consultations(), request.problems(),
                    request.immunisations(), request.uncategorisedData(), request.investigations(), request.referrals(),
                    request.diaryEntries())).allMatch(java.util.Optional::isEmpty);
            assertThat(request.unrecognisedParameters()).isEmpty();
            assertThat(request.warnings()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void allergiesCarryIncludeResolvedAllergies(boolean resolved) {
            StructuredRecordRequest request = parse(get(param(INCLUDE_ALLERGIES, bool(INCLUDE_RESOLVED_ALLERGIES, resolved))));
            assertThat(request.allergies()).hasValueSatisfying(a -> assertThat(a.includeResolvedAllergies()).isEqualTo(resolved));
        }

        @Test
        void medicationDefaultsToPrescriptionIssuesAndTheWholeHistory() {
            StructuredRecordRequest.Medication medication = parse(get(param(INCLUDE_MEDICATION))).medication().orElseThrow();
            assertThat(medication.includePrescriptionIssues()).isTrue();
            assertThat(medication.searchFromDate()).isEmpty();
        }

        @Test
        void medicationPartsAreRead() {
            StructuredRecordRequest.Medication medication = parse(get(param(INCLUDE_MEDICATION,
                    bool(INCLUDE_PRESCRIPTION_ISSUES, false), date(MEDICATION_SEARCH_FROM_DATE, "2017-06-04"))))
                    .medication().orElseThrow();
            assertThat(medication.includePrescriptionIssues()).isFalse();
            assertThat(medication.searchFromDate()).contains(LocalDate.of(2017, 6, 4));
        }

        @Test
        void medicationSearchFromDateMayBeToday() {
            assertThat(parse(get(param(INCLUDE_MEDICATION, date(MEDICATION_SEARCH_FROM_DATE, TODAY))))
                    .medication().orElseThrow().searchFromDate()).contains(TODAY);
        }

        @Test
        void consultationsWithoutPartsAreEveryConsultation() {
            StructuredRecordRequest.Consultations consultations = parse(get(param(INCLUDE_CONSULTATIONS))).consultations().orElseThrow();
            assertThat(consultations.searchPeriod()).isEmpty();
            assertThat(consultations.numberOfMostRecent()).isEmpty();
        }

        @Test
        void consultationSearchPeriodIsRead() {
            assertThat(parse(get(param(INCLUDE_CONSULTATIONS, period(CONSULTATION_SEARCH_PERIOD, "2017-12-25", "2018-12-25"))))
                    .consultations().orElseThrow().searchPeriod())
                    .contains(new SearchPeriod(LocalDate.of(2017, 12, 25), LocalDate.of(2018, 12, 25)));
        }

        @Test
        void eitherBoundOfAPeriodMayBeLeftOut() {
            assertThat(parse(get(param(INCLUDE_CONSULTATIONS, period(CONSULTATION_SEARCH_PERIOD, "2017-12-25", null))))
                    .consultations().orElseThrow().searchPeriod())
                    .contains(new SearchPeriod(LocalDate.of(2017, 12, 25), null));
            assertThat(parse(get(param(INCLUDE_CONSULTATIONS, period(CONSULTATION_SEARCH_PERIOD, null, "2018-12-25"))))
                    .consultations().orElseThrow().searchPeriod())
                    .contains(new SearchPeriod(null, LocalDate.of(2018, 12, 25)));
        }

        @Test
        void includeNumberOfMostRecentIsRead() {
            assertThat(parse(get(param(INCLUDE_CONSULTATIONS, part(INCLUDE_NUMBER_OF_MOST_RECENT, new PositiveIntType(3)))))
                    .consultations().orElseThrow().numberOfMostRecent()).contains(3);
        }

        @Test
        void problemsWithoutFiltersAreEveryProblem() {
            StructuredRecordRequest.Problems problems = parse(get(param(INCLUDE_PROBLEMS))).problems().orElseThrow();
            assertThat(problems.filters()).containsExactly(new ProblemFilter(null, null));
            assertThat(problems.includes("inactive", "minor")).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"active", "inactive"})
        void filterStatusIsActiveOrInactive(String status) {
            StructuredRecordRequest.Problems problems = parse(get(param(INCLUDE_PROBLEMS, part(FILTER_STATUS, new CodeType(status)))))
                    .problems().orElseThrow();
            assertThat(problems.filters()).containsExactly(new ProblemFilter(status, null));
            assertThat(problems.includes(status, "major")).isTrue();
            assertThat(problems.includes(status.equals("active") ? "inactive" : "active", "major")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"major", "minor"})
        void filterSignificanceIsStillRecognised(String significance) {
            StructuredRecordRequest request = parse(get(param(INCLUDE_PROBLEMS,
                    part(FILTER_STATUS, new CodeType("active")), part(FILTER_SIGNIFICANCE, new CodeType(significance)))));
            assertThat(request.problems().orElseThrow().filters()).containsExactly(new ProblemFilter("active", significance));
            assertThat(request.warnings()).isEmpty();
        }

        @Test
        void includeProblemsMayBeRepeatedAndEachFilterAdds() {
            StructuredRecordRequest.Problems problems = parse(get(
                    param(INCLUDE_PROBLEMS, part(FILTER_STATUS, new CodeType("active")), part(FILTER_SIGNIFICANCE, new CodeType("minor"))),
                    param(INCLUDE_PROBLEMS, part(FILTER_STATUS, new CodeType("inactive")), part(FILTER_SIGNIFICANCE, new CodeType("major")))))
                    .problems().orElseThrow();
            assertThat(problems.filters()).hasSize(2);
            assertThat(problems.includes("active", "minor")).isTrue();
            assertThat(problems.includes("inactive", "major")).isTrue();
            assertThat(problems.includes("active", "major")).isFalse();
        }

        @Test
        void immunisationsDefaultToNotGivenFalseAndStatusTrue() {
            StructuredRecordRequest.Immunisations immunisations = parse(get(param(INCLUDE_IMMUNISATIONS))).immunisations().orElseThrow();
            assertThat(immunisations.includeNotGiven()).isFalse();
            assertThat(immunisations.includeStatus()).isTrue();
        }

        @Test
        void immunisationPartsAreRead() {
            StructuredRecordRequest.Immunisations immunisations = parse(get(param(INCLUDE_IMMUNISATIONS,
                    bool(INCLUDE_NOT_GIVEN, true), bool(INCLUDE_STATUS, false)))).immunisations().orElseThrow();
            assertThat(immunisations.includeNotGiven()).isTrue();
            assertThat(immunisations.includeStatus()).isFalse();
        }

        @Test
        void periodsOfTheOtherAreasAreReadAndMayEndToday() {
            StructuredRecordRequest request = parse(get(
                    param(INCLUDE_UNCATEGORISED_DATA, period(UNCATEGORISED_DATA_SEARCH_PERIOD, TODAY, TODAY)),
                    param(INCLUDE_INVESTIGATIONS, period(INVESTIGATION_SEARCH_PERIOD, "2017-01-02", "2017-07-02")),
                    param(INCLUDE_REFERRALS, period(REFERRAL_SEARCH_PERIOD, null, TODAY.toString()))));
            assertThat(request.uncategorisedData().orElseThrow().searchPeriod()).contains(new SearchPeriod(TODAY, TODAY));
            assertThat(request.investigations().orElseThrow().searchPeriod())
                    .contains(new SearchPeriod(LocalDate.of(2017, 1, 2), LocalDate.of(2017, 7, 2)));
            assertThat(request.referrals().orElseThrow().searchPeriod()).contains(new SearchPeriod(null, TODAY));
        }

        @Test
        void areasWithoutPartsHaveNoPeriod() {
            StructuredRecordRequest request = parse(get(param(INCLUDE_UNCATEGORISED_DATA), param(INCLUDE_INVESTIGATIONS),
                    param(INCLUDE_REFERRALS), param(INCLUDE_DIARY_ENTRIES)));
            assertThat(request.uncategorisedData().orElseThrow().searchPeriod()).isEmpty();
            assertThat(request.investigations().orElseThrow().searchPeriod()).isEmpty();
            assertThat(request.referrals().orElseThrow().searchPeriod()).isEmpty();
            assertThat(request.diaryEntries().orElseThrow().searchDate()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 3650})
        void diaryEntriesSearchDateIsTodayOrLater(int daysAhead) {
            assertThat(parse(get(param(INCLUDE_DIARY_ENTRIES, date(DIARY_ENTRIES_SEARCH_DATE, TODAY.plusDays(daysAhead)))))
                    .diaryEntries().orElseThrow().searchDate()).contains(TODAY.plusDays(daysAhead));
        }

        @Test
        void everyAreaAtOnceWithoutFilters() {
            StructuredRecordRequest request = parse(get(
                    param(INCLUDE_ALLERGIES, bool(INCLUDE_RESOLVED_ALLERGIES, true)),
                    param(INCLUDE_MEDICATION, bool(INCLUDE_PRESCRIPTION_ISSUES, true)),
                    param(INCLUDE_CONSULTATIONS), param(INCLUDE_PROBLEMS), param(INCLUDE_IMMUNISATIONS),
                    param(INCLUDE_UNCATEGORISED_DATA), param(INCLUDE_INVESTIGATIONS), param(INCLUDE_REFERRALS),
                    param(INCLUDE_DIARY_ENTRIES)));
            assertThat(Stream.of(request.allergies(), request.medication(), request.consultations(), request.problems(),
                    request.immunisations(), request.uncategorisedData(), request.investigations(), request.referrals(),
                    request.diaryEntries())).allMatch(java.util.Optional::isPresent);
            assertThat(request.warnings()).isEmpty();
        }

        @Test
        void aContainerSentAsNameOnlyInJsonIsAccepted() {
            assertThat(parse(json("{\"name\":\"includeProblems\"}")).problems()).isPresent();
        }
    }

    // ---------------------------------------------------------------- the error table

    @Nested
    class Errors {
        @Test
        void noParametersAtAll() {
            invalidParameter(parameters(), "No recognised parameters");
        }

        @Test
        void noRecognisedParameter() {
            invalidParameter(parameters(param("invalidNHSNumberParam"), param("unknownConsultations")),
                    "No recognised parameters", "invalidNHSNumberParam", "unknownConsultations");
        }

        @Test
        void patientNhsNumberMissing() {
            invalidParameter(parameters(param(INCLUDE_ALLERGIES, bool(INCLUDE_RESOLVED_ALLERGIES, true))), PATIENT_NHS_NUMBER);
        }

        @Test
        void patientNhsNumberMissingBesideAnUnknownParameter() {
            invalidParameter(parameters(part("invalidNHSNumberParam", new Identifier().setSystem(IdentifierSystem.NHS_NUMBER).setValue(NHS)),
                    param(INCLUDE_MEDICATION, bool(INCLUDE_PRESCRIPTION_ISSUES, false))), PATIENT_NHS_NUMBER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"9000000008", "900000000", "90000000091", "ABCDEFGHIJ", " "})
        void patientNhsNumberInvalid(String value) {
            rejects(parameters(nhsNumber(IdentifierSystem.NHS_NUMBER, value)), SpineErrorCode.INVALID_NHS_NUMBER, PATIENT_NHS_NUMBER);
        }

        @Test
        void patientNhsNumberWithoutValue() {
            rejects(parameters(nhsNumber(IdentifierSystem.NHS_NUMBER, null)), SpineErrorCode.INVALID_NHS_NUMBER, PATIENT_NHS_NUMBER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://fhir.nhs.uk/Id/ods-organization-code", "http://fhir.nhs.net/Id/nhs-number", ""})
        void patientNhsNumberWithAnotherOrNoSystem(String system) {
            rejects(parameters(nhsNumber(system, NHS)), SpineErrorCode.INVALID_IDENTIFIER_SYSTEM, PATIENT_NHS_NUMBER);
        }

        @Test
        void patientNhsNumberNotAnIdentifier() {
            invalidParameter(parameters(part(PATIENT_NHS_NUMBER, new StringType(NHS))), PATIENT_NHS_NUMBER, "Identifier");
        }

        @Test
        void patientNhsNumberWithoutAnyValue() {
            invalidParameter(parameters(param(PATIENT_NHS_NUMBER)), PATIENT_NHS_NUMBER, "no value");
        }

        @Test
        void aParameterHoldingAResource() {
            invalidParameter(parameters(new ParametersParameterComponent().setName(PATIENT_NHS_NUMBER).setResource(new Patient())),
                    PATIENT_NHS_NUMBER);
        }

        @Test
        void patientNhsNumberTwice() {
            rejects(get(nhsNumber(IdentifierSystem.NHS_NUMBER, NHS)), SpineErrorCode.INVALID_RESOURCE, PATIENT_NHS_NUMBER);
        }

        @Test
        void aClinicalAreaTwice() {
            rejects(get(param(INCLUDE_IMMUNISATIONS), param(INCLUDE_IMMUNISATIONS)), SpineErrorCode.INVALID_RESOURCE,
                    INCLUDE_IMMUNISATIONS);
        }

        @Test
        void aPartParameterTwice() {
            rejects(get(param(INCLUDE_MEDICATION, bool(INCLUDE_PRESCRIPTION_ISSUES, true), bool(INCLUDE_PRESCRIPTION_ISSUES, true))),
                    SpineErrorCode.INVALID_RESOURCE, "includeMedication.includePrescriptionIssues");
        }

        @Test
        void aParameterWithoutAName() {
            rejects(get(param(null)), SpineErrorCode.INVALID_RESOURCE, "without a name");
            rejects(get(param(INCLUDE_MEDICATION, bool(null, true))), SpineErrorCode.INVALID_RESOURCE, INCLUDE_MEDICATION);
        }

        @Test
        void includeAllergiesWithoutIncludeResolvedAllergies() {
            invalidParameter(get(param(INCLUDE_ALLERGIES)), INCLUDE_ALLERGIES, INCLUDE_RESOLVED_ALLERGIES);
        }

        @Test
        void includeAllergiesWithOnlyAnUnknownPart() {
            invalidParameter(get(param(INCLUDE_IMMUNISATIONS), param(INCLUDE_ALLERGIES, bool("RubbishPartParameter", true))),
                    INCLUDE_RESOLVED_ALLERGIES);
        }

        @Test
        void aContainerWithAValue() {
            invalidParameter(get(part(INCLUDE_PROBLEMS, new BooleanType(true))), INCLUDE_PROBLEMS, "not a value");
        }

        static Stream<Arguments> everyPart() {
            return Stream.of(
                    Arguments.of(INCLUDE_ALLERGIES, INCLUDE_RESOLVED_ALLERGIES),
                    Arguments.of(INCLUDE_MEDICATION, INCLUDE_PRESCRIPTION_ISSUES),
                    Arguments.of(INCLUDE_MEDICATION, MEDICATION_SEARCH_FROM_DATE),
                    Arguments.of(INCLUDE_CONSULTATIONS, CONSULTATION_SEARCH_PERIOD),
                    Arguments.of(INCLUDE_CONSULTATIONS, INCLUDE_NUMBER_OF_MOST_RECENT),
                    Arguments.of(INCLUDE_PROBLEMS, FILTER_STATUS),
                    Arguments.of(INCLUDE_PROBLEMS, FILTER_SIGNIFICANCE),
                    Arguments.of(INCLUDE_IMMUNISATIONS, INCLUDE_NOT_GIVEN),
                    Arguments.of(INCLUDE_IMMUNISATIONS, INCLUDE_STATUS),
                    Arguments.of(INCLUDE_UNCATEGORISED_DATA, UNCATEGORISED_DATA_SEARCH_PERIOD),
                    Arguments.of(INCLUDE_INVESTIGATIONS, INVESTIGATION_SEARCH_PERIOD),
                    Arguments.of(INCLUDE_REFERRALS, REFERRAL_SEARCH_PERIOD),
                    Arguments.of(INCLUDE_DIARY_ENTRIES, DIARY_ENTRIES_SEARCH_DATE));
        }

        @ParameterizedTest(name = "{0}.{1}")
        @MethodSource("everyPart")
        void aPartWithoutAValue(String parameter, String part) {
            invalidParameter(get(param(parameter, param(part))), path(parameter, part), "no value");
        }

        @ParameterizedTest(name = "{0}.{1}")
        @MethodSource("everyPart")
        void aPartWithAnEmptyValue(String parameter, String part) {
            String type = switch (part) {
                case INCLUDE_RESOLVED_ALLERGIES, INCLUDE_PRESCRIPTION_ISSUES, INCLUDE_NOT_GIVEN, INCLUDE_STATUS -> "valueBoolean";
                case MEDICATION_SEARCH_FROM_DATE, DIARY_ENTRIES_SEARCH_DATE -> "valueDate";
                case INCLUDE_NUMBER_OF_MOST_RECENT -> "valuePositiveInt";
                case FILTER_STATUS, FILTER_SIGNIFICANCE -> "valueCode";
                default -> "valuePeriod";
            };
            String value = type.equals("valuePeriod") ? "{}" : "\"\"";
            invalidParameter(json("{\"name\":\"" + parameter + "\",\"part\":[{\"name\":\"" + part + "\",\"" + type + "\":" + value + "}]}"),
                    path(parameter, part));
        }

        @ParameterizedTest(name = "{0}.{1}")
        @MethodSource("everyPart")
        void aPartOfTheWrongType(String parameter, String part) {
            invalidParameter(get(param(parameter, part(part, new StringType("true")))), path(parameter, part), "not a string");
        }

        @Test
        void aBooleanThatIsNotTrueOrFalse() {
            invalidParameter(json("{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\",\"valueBoolean\":\"yes\"}]}"),
                    "includeAllergies.includeResolvedAllergies", "yes");
        }

        @Test
        void aDateTimeInsteadOfADate() {
            invalidParameter(get(param(INCLUDE_MEDICATION, part(MEDICATION_SEARCH_FROM_DATE, new DateTimeType("2017-06-04")))),
                    "includeMedication.medicationSearchFromDate");
        }

        static Stream<String> notWholeDates() {
            return Stream.of("2014", "2014-02", "2015-10-23T11:08:32", "2015-10-23T11:08:32+00:00", "X2014", "X2014-02",
                    "X2015-10-23T11:08:32", "null", "2019-02-30");
        }

        @ParameterizedTest
        @MethodSource("notWholeDates")
        void medicationSearchFromDateNotAWholeDate(String value) {
            invalidParameter(json("{\"name\":\"includeMedication\",\"part\":[{\"name\":\"medicationSearchFromDate\",\"valueDate\":\""
                    + value + "\"}]}"), "includeMedication.medicationSearchFromDate");
        }

        @Test
        void partialAndTimedDatesSayWhy() {
            invalidParameter(get(param(INCLUDE_MEDICATION, date(MEDICATION_SEARCH_FROM_DATE, "2014"))), "partial date");
            invalidParameter(json("{\"name\":\"includeMedication\",\"part\":[{\"name\":\"medicationSearchFromDate\",\"valueDate\":\"2015-10-23T11:08:32\"}]}"),
                    "has a time");
            invalidParameter(get(param(INCLUDE_CONSULTATIONS, period(CONSULTATION_SEARCH_PERIOD, "2015-10-23T11:08:32+00:00", null))),
                    "includeConsultations.consultationSearchPeriod.start", "has a time");
        }

        @Test
        void medicationSearchFromDateInTheFuture() {
            invalidParameter(get(param(INCLUDE_MEDICATION, date(MEDICATION_SEARCH_FROM_DATE, TODAY.plusDays(1)))),
                    "includeMedication.medicationSearchFromDate", "after today");
        }

        static Stream<Arguments> periods() {
            return Stream.of(
                    Arguments.of(INCLUDE_CONSULTATIONS, CONSULTATION_SEARCH_PERIOD),
                    Arguments.of(INCLUDE_UNCATEGORISED_DATA, UNCATEGORISED_DATA_SEARCH_PERIOD),
                    Arguments.of(INCLUDE_INVESTIGATIONS, INVESTIGATION_SEARCH_PERIOD),
                    Arguments.of(INCLUDE_REFERRALS, REFERRAL_SEARCH_PERIOD));
        }

        @ParameterizedTest(name = "{0}.{1}")
        @MethodSource("periods")
        void aPeriodStartingInTheFuture(String parameter, String part) {
            invalidParameter(get(param(parameter, period(part, TODAY.plusDays(1), null))), path(parameter, part) + ".start", "after today");
            invalidParameter(get(param(parameter, period(part, TODAY.plusDays(10), TODAY.plusDays(15)))), path(parameter, part));
        }

        @ParameterizedTest(name = "{0}.{1}")
        @MethodSource("periods")
        void aPeriodEndingInTheFuture(String parameter, String part) {
            invalidParameter(get(param(parameter, period(part, TODAY.minusDays(10), TODAY.plusDays(1)))),
                    path(parameter, part) + ".end", "after today");
        }

        @ParameterizedTest(name = "{0}.{1}")
        @MethodSource("periods")
        void aPeriodStartingAfterItEnds(String parameter, String part) {
            invalidParameter(get(param(parameter, period(part, "2018-01-02", "2018-01-01"))), path(parameter, part), "after it ends");
        }

        @ParameterizedTest(name = "{0}.{1}")
        @MethodSource("periods")
        void aPeriodOfOneDayEndingTodayIsFine(String parameter, String part) {
            assertThat(parse(get(param(parameter, period(part, TODAY, TODAY))))).isNotNull();
        }

        static Stream<Arguments> badPeriods() {
            return periods().flatMap(p -> Stream.of(
                    new String[]{"2014", "2016-01-01"}, new String[]{"2014-02", "2014-08-20"},
                    new String[]{"2015-10-23T11:08:32", "2016-11-01"}, new String[]{"2015-10-23T11:08:32+00:00", "2019-10-01"},
                    new String[]{"2014-01-01", "2016"}, new String[]{"2014-02-01", "2014-08"},
                    new String[]{"2015-10-01", "2016-11-23T11:08:32"}, new String[]{"2014-01-01", "2015-10-23T11:08:32+00:00"},
                    new String[]{"X2014", "2015-12-01"}, new String[]{"", "2019-01-01"}, new String[]{"2015-12-01", ""},
                    new String[]{"null", "null"}, new String[]{"2018", "2019"})
                    .map(dates -> Arguments.of(p.get()[0], p.get()[1], dates[0], dates[1])));
        }

        @ParameterizedTest(name = "{0}.{1} {2} to {3}")
        @MethodSource("badPeriods")
        void aPeriodBoundThatIsNotAWholeDate(String parameter, String part, String start, String end) {
            invalidParameter(json("{\"name\":\"" + parameter + "\",\"part\":[{\"name\":\"" + part
                    + "\",\"valuePeriod\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}]}"), path(parameter, part));
        }

        @ParameterizedTest(name = "{0}.{1}")
        @MethodSource("periods")
        void aPeriodWithNeitherBound(String parameter, String part) {
            invalidParameter(get(param(parameter, part(part, (Period) new Period().setId("empty")))), path(parameter, part));
        }

        @Test
        void consultationSearchPeriodWithIncludeNumberOfMostRecent() {
            rejects(get(param(INCLUDE_CONSULTATIONS, period(CONSULTATION_SEARCH_PERIOD, "2017-12-25", "2018-12-25"),
                            part(INCLUDE_NUMBER_OF_MOST_RECENT, new PositiveIntType(3)))),
                    SpineErrorCode.INVALID_RESOURCE, CONSULTATION_SEARCH_PERIOD, INCLUDE_NUMBER_OF_MOST_RECENT);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -3})
        void includeNumberOfMostRecentBelowOne(int number) {
            invalidParameter(get(param(INCLUDE_CONSULTATIONS, part(INCLUDE_NUMBER_OF_MOST_RECENT, new PositiveIntType(number)))),
                    "includeConsultations.includeNumberOfMostRecent");
        }

        @ParameterizedTest
        @ValueSource(strings = {"resolved", "recurrence", "remission", "null", "off", "Active"})
        void filterStatusOtherThanActiveOrInactive(String status) {
            invalidParameter(get(param(INCLUDE_PROBLEMS, part(FILTER_STATUS, new CodeType(status)))), "includeProblems.filterStatus", status);
        }

        @ParameterizedTest
        @ValueSource(strings = {"HIGH", "null", "off", "low"})
        void filterSignificanceOtherThanMajorOrMinor(String significance) {
            invalidParameter(get(param(INCLUDE_PROBLEMS, part(FILTER_SIGNIFICANCE, new CodeType(significance)))),
                    "includeProblems.filterSignificance");
        }

        @Test
        void diaryEntriesSearchDateBeforeToday() {
            invalidParameter(get(param(INCLUDE_DIARY_ENTRIES, date(DIARY_ENTRIES_SEARCH_DATE, TODAY.minusDays(1)))),
                    "includeDiaryEntries.diaryEntriesSearchDate", "before today");
        }

        @ParameterizedTest
        @MethodSource("notWholeDates")
        void diaryEntriesSearchDateNotAWholeDate(String value) {
            invalidParameter(json("{\"name\":\"includeDiaryEntries\",\"part\":[{\"name\":\"diaryEntriesSearchDate\",\"valueDate\":\""
                    + value + "\"}]}"), "includeDiaryEntries.diaryEntriesSearchDate");
        }
    }

    // ---------------------------------------------------------------- not permitted combinations

    @Nested
    class Combinations {
        /** Each forbidden part, sent the way that is otherwise valid. */
        static ParametersParameterComponent sent(String path) {
            return switch (path) {
                case "includeMedication.medicationSearchFromDate" ->
                        param(INCLUDE_MEDICATION, date(MEDICATION_SEARCH_FROM_DATE, TODAY.minusYears(3)));
                case "includeUncategorisedData.uncategorisedDataSearchPeriod" ->
                        param(INCLUDE_UNCATEGORISED_DATA, period(UNCATEGORISED_DATA_SEARCH_PERIOD, "2014-01-01", "2015-01-01"));
                case "includeProblems.filterStatus" -> param(INCLUDE_PROBLEMS, part(FILTER_STATUS, new CodeType("active")));
                case "includeProblems.filterSignificance" -> param(INCLUDE_PROBLEMS, part(FILTER_SIGNIFICANCE, new CodeType("major")));
                case "includeReferrals.referralSearchPeriod" ->
                        param(INCLUDE_REFERRALS, period(REFERRAL_SEARCH_PERIOD, "2014-01-01", "2016-01-01"));
                case "includeDiaryEntries.diaryEntriesSearchDate" ->
                        param(INCLUDE_DIARY_ENTRIES, date(DIARY_ENTRIES_SEARCH_DATE, TODAY.plusDays(20)));
                case "includeImmunisations.includeNotGiven" -> param(INCLUDE_IMMUNISATIONS, bool(INCLUDE_NOT_GIVEN, false));
                case "includeImmunisations.includeStatus" -> param(INCLUDE_IMMUNISATIONS, bool(INCLUDE_STATUS, true));
                default -> throw new IllegalArgumentException(path);
            };
        }

        @Test
        void theListsAreTheSpecs() {
            assertThat(NotPermittedCombinations.WITH_CONSULTATIONS).containsExactlyInAnyOrder(
                    "includeMedication.medicationSearchFromDate", "includeUncategorisedData.uncategorisedDataSearchPeriod",
                    "includeProblems.filterStatus", "includeProblems.filterSignificance", "includeReferrals.referralSearchPeriod",
                    "includeDiaryEntries.diaryEntriesSearchDate", "includeImmunisations.includeNotGiven",
                    "includeImmunisations.includeStatus");
            assertThat(NotPermittedCombinations.WITH_PROBLEMS).containsExactlyInAnyOrder(
                    "includeMedication.medicationSearchFromDate", "includeUncategorisedData.uncategorisedDataSearchPeriod",
                    "includeReferrals.referralSearchPeriod", "includeDiaryEntries.diaryEntriesSearchDate",
                    "includeImmunisations.includeNotGiven", "includeImmunisations.includeStatus");
        }

        static Stream<String> withConsultations() {
            return NotPermittedCombinations.WITH_CONSULTATIONS.stream();
        }

        static Stream<String> withProblems() {
            return NotPermittedCombinations.WITH_PROBLEMS.stream();
        }

        @ParameterizedTest
        @MethodSource("withConsultations")
        void notWithIncludeConsultations(String path) {
            invalidParameter(get(param(INCLUDE_CONSULTATIONS), sent(path)), path, INCLUDE_CONSULTATIONS, "not permitted");
        }

        @ParameterizedTest
        @MethodSource("withProblems")
        void notWithIncludeProblems(String path) {
            invalidParameter(get(param(INCLUDE_PROBLEMS), sent(path)), path, INCLUDE_PROBLEMS, "not permitted");
        }

        @ParameterizedTest
        @MethodSource("withConsultations")
        void eachIsFineWithoutConsultationsOrProblems(String path) {
            assertThat(parse(get(sent(path), param(INCLUDE_ALLERGIES, bool(INCLUDE_RESOLVED_ALLERGIES, false))))).isNotNull();
        }

        @Test
        void problemFiltersAreFineWithProblemsAlone() {
            assertThat(parse(get(sent("includeProblems.filterStatus"))).problems()).isPresent();
        }

        @Test
        void investigationSearchPeriodIsFineWithBoth() {
            assertThat(parse(get(param(INCLUDE_CONSULTATIONS), param(INCLUDE_PROBLEMS),
                    param(INCLUDE_INVESTIGATIONS, period(INVESTIGATION_SEARCH_PERIOD, "2017-01-01", "2018-01-01"))))
                    .investigations()).isPresent();
        }

        @Test
        void consultationsOwnFiltersAndProblemsAreFine() {
            assertThat(parse(get(param(INCLUDE_CONSULTATIONS, part(INCLUDE_NUMBER_OF_MOST_RECENT, new PositiveIntType(3))),
                    param(INCLUDE_PROBLEMS), param(INCLUDE_IMMUNISATIONS), param(INCLUDE_UNCATEGORISED_DATA),
                    param(INCLUDE_MEDICATION, bool(INCLUDE_PRESCRIPTION_ISSUES, true)))).consultations()).isPresent();
        }

        // -------- the predefined multi-area searches

        static ParametersParameterComponent[] predefinedSearch1(LocalDate medicationFrom, int mostRecent, boolean resolved) {
            return new ParametersParameterComponent[]{
                    param(INCLUDE_CONSULTATIONS, part(INCLUDE_NUMBER_OF_MOST_RECENT, new PositiveIntType(mostRecent))),
                    param(INCLUDE_PROBLEMS),
                    param(INCLUDE_ALLERGIES, bool(INCLUDE_RESOLVED_ALLERGIES, resolved)),
                    param(INCLUDE_MEDICATION, date(MEDICATION_SEARCH_FROM_DATE, medicationFrom))};
        }

        @Test
        void predefinedSearch1IsAllowed() {
            StructuredRecordRequest request = parse(get(predefinedSearch1(TODAY.minusDays(365), 3, true)));
            assertThat(request.medication().orElseThrow().searchFromDate()).contains(TODAY.minusDays(365));
            assertThat(request.consultations().orElseThrow().numberOfMostRecent()).contains(3);
        }

        @Test
        void predefinedSearch2IsAllowed() {
            Parameters body = get(predefinedSearch1(TODAY.minusDays(365), 3, true));
            body.addParameter(param(INCLUDE_IMMUNISATIONS));
            body.addParameter(param(INCLUDE_UNCATEGORISED_DATA));
            StructuredRecordRequest request = parse(body);
            assertThat(request.immunisations()).isPresent();
            assertThat(request.uncategorisedData()).isPresent();
        }

        @ParameterizedTest
        @ValueSource(ints = {364, 366})
        void predefinedSearchAllowsADayEitherWay(int daysAgo) {
            assertThat(parse(get(predefinedSearch1(TODAY.minusDays(daysAgo), 3, true)))).isNotNull();
        }

        @Test
        void predefinedSearchStillWarnsOfUnknownParameters() {
            Parameters body = get(predefinedSearch1(TODAY.minusDays(365), 3, true));
            body.addParameter(param("includeMadeUp"));
            assertThat(parse(body).unrecognisedParameters()).containsExactly("includeMadeUp");
        }

        @ParameterizedTest
        @ValueSource(ints = {363, 367, 30, 3650})
        void anotherMedicationDateIsNotThePredefinedSearch(int daysAgo) {
            invalidParameter(get(predefinedSearch1(TODAY.minusDays(daysAgo), 3, true)), "includeMedication.medicationSearchFromDate");
        }

        @Test
        void anotherNumberOfConsultationsIsNotThePredefinedSearch() {
            invalidParameter(get(predefinedSearch1(TODAY.minusDays(365), 2, true)), "includeMedication.medicationSearchFromDate");
        }

        @Test
        void withoutResolvedAllergiesIsNotThePredefinedSearch() {
            invalidParameter(get(predefinedSearch1(TODAY.minusDays(365), 3, false)), "includeMedication.medicationSearchFromDate");
        }

        @Test
        void anotherAreaIsNotThePredefinedSearch() {
            Parameters body = get(predefinedSearch1(TODAY.minusDays(365), 3, true));
            body.addParameter(param(INCLUDE_INVESTIGATIONS));
            invalidParameter(body, "includeMedication.medicationSearchFromDate");
        }

        @Test
        void onlyOneOfTheSearch2ExtrasIsNotThePredefinedSearch() {
            Parameters body = get(predefinedSearch1(TODAY.minusDays(365), 3, true));
            body.addParameter(param(INCLUDE_IMMUNISATIONS));
            invalidParameter(body, "includeMedication.medicationSearchFromDate");
        }

        @Test
        void anotherPartIsNotThePredefinedSearch() {
            ParametersParameterComponent[] search = predefinedSearch1(TODAY.minusDays(365), 3, true);
            search[3].addPart(bool(INCLUDE_PRESCRIPTION_ISSUES, true));
            invalidParameter(get(search), "includeMedication.medicationSearchFromDate");
            ParametersParameterComponent[] filtered = predefinedSearch1(TODAY.minusDays(365), 3, true);
            filtered[1].addPart(part(FILTER_STATUS, new CodeType("active")));
            invalidParameter(get(filtered), "not permitted");
        }

        @Test
        void aSearch2ExtraWithPartsIsNotThePredefinedSearch() {
            Parameters body = get(predefinedSearch1(TODAY.minusDays(365), 3, true));
            body.addParameter(param(INCLUDE_IMMUNISATIONS, bool(INCLUDE_STATUS, true)));
            body.addParameter(param(INCLUDE_UNCATEGORISED_DATA));
            invalidParameter(body, "not permitted");
        }
    }

    // ---------------------------------------------------------------- unrecognised parameters

    @Nested
    class Unrecognised {
        static void isTheWarning(OperationOutcomeIssueComponent issue, String name) {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
            assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
            assertThat(issue.getDetails().getCodingFirstRep().getSystem()).isEqualTo(SpineErrorCode.SYSTEM);
            assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("NOT_IMPLEMENTED");
            assertThat(issue.getDetails().getCodingFirstRep().getDisplay()).isEqualTo("Not implemented");
            assertThat(issue.getDetails().getText()).isEqualTo(name + " is an unrecognised parameter");
            assertThat(issue.getDiagnostics()).isEqualTo(name);
        }

        @Test
        void anUnknownParameterIsIgnoredWithAWarning() {
            StructuredRecordRequest request = parse(get(param("inlcudeUnknownAllergies", bool(INCLUDE_RESOLVED_ALLERGIES, false))));
            assertThat(request.allergies()).isEmpty();
            assertThat(request.unrecognisedParameters()).containsExactly("inlcudeUnknownAllergies");
            OperationOutcome outcome = request.warnings().orElseThrow();
            assertThat(outcome.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(OperationOutcomes.PROFILE);
            assertThat(outcome.getIssue()).hasSize(1);
            isTheWarning(outcome.getIssueFirstRep(), "inlcudeUnknownAllergies");
        }

        @Test
        void anUnknownPartOfAKnownParameterIsIgnoredWithAWarning() {
            StructuredRecordRequest request = parse(get(param(INCLUDE_ALLERGIES,
                    period("timePeriod", "2014-01-01", "2015-01-01"), bool(INCLUDE_RESOLVED_ALLERGIES, false))));
            assertThat(request.allergies()).hasValueSatisfying(a -> assertThat(a.includeResolvedAllergies()).isFalse());
            isTheWarning(request.warnings().orElseThrow().getIssueFirstRep(), "includeAllergies.timePeriod");
        }

        @Test
        void aPartOfAnotherAreaIsUnknownHere() {
            StructuredRecordRequest request = parse(get(param(INCLUDE_ALLERGIES,
                    bool(INCLUDE_PRESCRIPTION_ISSUES, false), bool(INCLUDE_RESOLVED_ALLERGIES, false))));
            isTheWarning(request.warnings().orElseThrow().getIssueFirstRep(), "includeAllergies.includePrescriptionIssues");
        }

        @Test
        void anUnknownPartIsNotCheckedForAValue() {
            assertThat(parse(get(param(INCLUDE_IMMUNISATIONS, param("madeUp")))).unrecognisedParameters())
                    .containsExactly("includeImmunisations.madeUp");
        }

        @Test
        void thePartsOfAnUnknownParameterAreNotReported() {
            StructuredRecordRequest request = parse(get(
                    param("includeMadeUpParam", part("madeUpPartParam1", new StringType("madeUpValue1")),
                            part("madeUpPartParam2", new StringType("madeUpValue2"))),
                    param("madeUpImmunizations"), param("includeConsults")));
            assertThat(request.unrecognisedParameters()).containsExactly("includeMadeUpParam", "madeUpImmunizations", "includeConsults");
            List<OperationOutcomeIssueComponent> issues = request.warnings().orElseThrow().getIssue();
            assertThat(issues).hasSize(3);
            isTheWarning(issues.get(0), "includeMadeUpParam");
            isTheWarning(issues.get(1), "madeUpImmunizations");
            isTheWarning(issues.get(2), "includeConsults");
        }

        @Test
        void aPartNameSentAsAParameterIsUnknown() {
            assertThat(parse(get(param(CONSULTATION_SEARCH_PERIOD))).unrecognisedParameters())
                    .containsExactly(CONSULTATION_SEARCH_PERIOD);
        }

        @Test
        void migrationParametersAreUnknownToGetStructuredRecord() {
            assertThat(parse(get(param(INCLUDE_FULL_RECORD, bool(INCLUDE_SENSITIVE_INFORMATION, true)))).unrecognisedParameters())
                    .containsExactly(INCLUDE_FULL_RECORD);
        }

        @Test
        void theSameUnknownNameIsReportedOnce() {
            assertThat(parse(get(param("madeUp"), param("madeUp"))).unrecognisedParameters()).containsExactly("madeUp");
        }

        @Test
        void anUnknownParameterDoesNotExcuseAnError() {
            invalidParameter(get(param("includeMadeUp"), param(INCLUDE_ALLERGIES)), INCLUDE_RESOLVED_ALLERGIES);
        }

        @Test
        void theWarningsAreBuiltAfreshEachTime() {
            StructuredRecordRequest request = parse(get(param("madeUp")));
            assertThat(request.warnings().orElseThrow()).isNotSameAs(request.warnings().orElseThrow());
        }
    }

    // ---------------------------------------------------------------- migrate structured record

    @Nested
    class Migration {
        static Parameters migrate(Boolean includeSensitiveInformation, ParametersParameterComponent... more) {
            Parameters body = parameters(nhsNumber(IdentifierSystem.NHS_NUMBER, NHS));
            body.addParameter(includeSensitiveInformation == null ? param(INCLUDE_FULL_RECORD)
                    : param(INCLUDE_FULL_RECORD, bool(INCLUDE_SENSITIVE_INFORMATION, includeSensitiveInformation)));
            for (ParametersParameterComponent parameter : more) {
                body.addParameter(parameter);
            }
            return body;
        }

        static StructuredRecordRequest parseMigration(Parameters body, boolean restricted) {
            return StructuredRecordRequest.parse(body, TODAY, true, restricted);
        }

        static void migrationRejects(Parameters body, boolean restricted, SpineErrorCode code, String... named) {
            assertThatThrownBy(() -> parseMigration(body, restricted)).isInstanceOfSatisfying(SpineException.class, e -> {
                assertThat(e.code()).isEqualTo(code);
                assertThat(e.getStatusCode()).isEqualTo(code.httpStatus());
                assertThat(e.diagnostics()).contains(named);
            });
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void theWholeRecordIsAskedFor(boolean sensitive) {
            StructuredRecordRequest request = parseMigration(migrate(sensitive), sensitive);
            assertThat(request.migration()).isTrue();
            assertThat(request.nhsNumber()).isEqualTo(NHS);
            assertThat(request.fullRecord()).contains(new StructuredRecordRequest.FullRecord(sensitive));
            assertThat(request.allergies().orElseThrow().includeResolvedAllergies()).isTrue();
            assertThat(request.medication().orElseThrow()).isEqualTo(new StructuredRecordRequest.Medication(true, null));
            assertThat(request.consultations().orElseThrow()).isEqualTo(new StructuredRecordRequest.Consultations(null, null));
            assertThat(request.problems().orElseThrow().includes("inactive", "minor")).isTrue();
            assertThat(request.immunisations().orElseThrow()).isEqualTo(new StructuredRecordRequest.Immunisations(true, true));
            assertThat(request.uncategorisedData().orElseThrow().searchPeriod()).isEmpty();
            assertThat(request.investigations().orElseThrow().searchPeriod()).isEmpty();
            assertThat(request.referrals().orElseThrow().searchPeriod()).isEmpty();
            assertThat(request.diaryEntries().orElseThrow().searchDate()).isEmpty();
            assertThat(request.warnings()).isEmpty();
        }

        @Test
        void theRequestingPartysScopeDecides() {
            RequestingParty restricted = party(Set.of("patient/*.read", "conf/R"));
            assertThat(StructuredRecordRequest.parseMigration(migrate(true), TODAY, restricted).fullRecord())
                    .contains(new StructuredRecordRequest.FullRecord(true));
            RequestingParty normal = party(Set.of("patient/*.read", "conf/N"));
            assertThatThrownBy(() -> StructuredRecordRequest.parseMigration(migrate(true), TODAY, normal))
                    .isInstanceOfSatisfying(SpineException.class, e -> assertThat(e.code()).isEqualTo(SpineErrorCode.CONFLICTING_VALUES));
        }

        @Test
        void sensitiveInformationWithConfN() {
            migrationRejects(migrate(true), false, SpineErrorCode.CONFLICTING_VALUES, "includeFullRecord.includeSensitiveInformation", "conf/N");
        }

        @Test
        void noSensitiveInformationWithConfR() {
            migrationRejects(migrate(false), true, SpineErrorCode.CONFLICTING_VALUES, "includeFullRecord.includeSensitiveInformation", "conf/R");
        }

        @Test
        void includeFullRecordMissing() {
            migrationRejects(parameters(nhsNumber(IdentifierSystem.NHS_NUMBER, NHS)), false, SpineErrorCode.INVALID_PARAMETER,
                    INCLUDE_FULL_RECORD);
        }

        @Test
        void includeSensitiveInformationMissing() {
            migrationRejects(migrate(null), false, SpineErrorCode.INVALID_PARAMETER, INCLUDE_SENSITIVE_INFORMATION);
        }

        @Test
        void includeSensitiveInformationWithoutAValue() {
            Parameters body = parameters(nhsNumber(IdentifierSystem.NHS_NUMBER, NHS),
                    param(INCLUDE_FULL_RECORD, param(INCLUDE_SENSITIVE_INFORMATION)));
            migrationRejects(body, false, SpineErrorCode.INVALID_PARAMETER, "includeFullRecord.includeSensitiveInformation", "no value");
        }

        @Test
        void includeSensitiveInformationNotABoolean() {
            Parameters body = parameters(nhsNumber(IdentifierSystem.NHS_NUMBER, NHS),
                    param(INCLUDE_FULL_RECORD, part(INCLUDE_SENSITIVE_INFORMATION, new StringType("true"))));
            migrationRejects(body, false, SpineErrorCode.INVALID_PARAMETER, "includeFullRecord.includeSensitiveInformation");
        }

        @Test
        void anUnknownParameterIsAnError() {
            migrationRejects(migrate(false, param(INCLUDE_IMMUNISATIONS)), false, SpineErrorCode.INVALID_PARAMETER,
                    INCLUDE_IMMUNISATIONS, "unrecognised");
            migrationRejects(migrate(true, param(INCLUDE_MEDICATION, bool(INCLUDE_PRESCRIPTION_ISSUES, false))), true,
                    SpineErrorCode.INVALID_PARAMETER, INCLUDE_MEDICATION);
        }

        @Test
        void anUnknownPartIsAnError() {
            Parameters body = migrate(false);
            body.getParameter().get(1).addPart(bool("includeEverything", true));
            migrationRejects(body, false, SpineErrorCode.INVALID_PARAMETER, "includeFullRecord.includeEverything");
        }

        @Test
        void onlyUnknownParameters() {
            migrationRejects(parameters(param("madeUp")), false, SpineErrorCode.INVALID_PARAMETER, "madeUp");
        }

        @Test
        void patientNhsNumberRules() {
            migrationRejects(parameters(param(INCLUDE_FULL_RECORD, bool(INCLUDE_SENSITIVE_INFORMATION, false))), false,
                    SpineErrorCode.INVALID_PARAMETER, PATIENT_NHS_NUMBER);
            Parameters invalid = migrate(false);
            invalid.getParameter().set(0, nhsNumber(IdentifierSystem.NHS_NUMBER, "9000000008"));
            migrationRejects(invalid, false, SpineErrorCode.INVALID_NHS_NUMBER, PATIENT_NHS_NUMBER);
            Parameters system = migrate(false);
            system.getParameter().set(0, nhsNumber("https://example.org/id", NHS));
            migrationRejects(system, false, SpineErrorCode.INVALID_IDENTIFIER_SYSTEM, PATIENT_NHS_NUMBER);
        }

        @Test
        void includeFullRecordTwice() {
            migrationRejects(migrate(false, param(INCLUDE_FULL_RECORD, bool(INCLUDE_SENSITIVE_INFORMATION, false))), false,
                    SpineErrorCode.INVALID_RESOURCE, INCLUDE_FULL_RECORD);
        }

        @Test
        void includeSensitiveInformationTwice() {
            Parameters body = migrate(false);
            body.getParameter().get(1).addPart(bool(INCLUDE_SENSITIVE_INFORMATION, false));
            migrationRejects(body, false, SpineErrorCode.INVALID_RESOURCE, "includeFullRecord.includeSensitiveInformation");
        }

        static RequestingParty party(Set<String> scopes) {
            return new RequestingParty("https://consumer.example", "1", "111111111111", "222222222222", "Dr A Smith",
                    "A00001", "Practice", "https://consumer.example/Id/device|1", "Product", "1.0", "migration", scopes,
                    Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:05:00Z"));
        }
    }
}
