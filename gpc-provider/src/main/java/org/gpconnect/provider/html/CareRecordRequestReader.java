package org.gpconnect.provider.html;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.IDatatype;
import ca.uhn.fhir.model.dstu2.composite.CodeableConceptDt;
import ca.uhn.fhir.model.dstu2.composite.CodingDt;
import ca.uhn.fhir.model.dstu2.composite.IdentifierDt;
import ca.uhn.fhir.model.dstu2.composite.PeriodDt;
import ca.uhn.fhir.model.dstu2.resource.Parameters;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.identifier.NhsNumber;
import org.gpconnect.fhir.jwt.JwtClaims;
import org.gpconnect.provider.spine.ParametersBody;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a {@code $gpc.getcarerecord} body (gpconnect-carerecord-operation-1) with the answers the 0.7.4
 * test suite expects (AccessRecord.feature): a missing, repeated or wrongly typed parameter is 400; an
 * unknown parameter name (names are case-sensitive), a section code outside the value set (codes are
 * upper case) or a coding without a system is 422 INVALID_PARAMETER, while a coding of another system is
 * 400; an NHS number of another system is 400 INVALID_IDENTIFIER_SYSTEM, an invalid one 400
 * INVALID_NHS_NUMBER; a time period that is malformed, empty, has a time without an offset or ends
 * before it starts is 422 INVALID_PARAMETER, and one sent for a section without date filters (SUM, ALL, IMM) is 400.
 */
public final class CareRecordRequestReader {
    private static final String NHS_NUMBER_SYSTEM = JwtClaims.DSTU2_NHS_NUMBER;
    private static final String PATIENT_NHS_NUMBER = "patientNHSNumber";
    private static final String RECORD_SECTION = "recordSection";
    private static final String TIME_PERIOD = "timePeriod";
    private static final List<String> NAMES = List.of(PATIENT_NHS_NUMBER, RECORD_SECTION, TIME_PERIOD);
    /** FHIR date or dateTime; a time must carry its offset (the suite rejects one without). */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2}))?)?)?");

    private final FhirContext dstu2;

    public CareRecordRequestReader(FhirContext dstu2) {
        this.dstu2 = dstu2;
    }

    public CareRecordRequest read(String body, String contentType) {
        Parameters parameters = ParametersBody.resource(dstu2, body, contentType,
                "The body must be a Parameters resource naming the patient and the record section", new Strict(), Parameters.class);
        Map<String, List<Parameters.Parameter>> byName = parameters.getParameter().stream()
                .collect(Collectors.groupingBy(p -> String.valueOf(p.getName()), Collectors.toList()));
        for (String name : byName.keySet()) {
            if (!NAMES.contains(name)) {
                throw invalidParameter("Unknown parameter '" + name + "': " + String.join(", ", NAMES) + " are the operation's parameters");
            }
        }
        String nhsNumber = nhsNumber(single(byName, PATIENT_NHS_NUMBER, true, IdentifierDt.class, "an Identifier"));
        RecordSection section = section(single(byName, RECORD_SECTION, true, CodeableConceptDt.class, "a CodeableConcept"));
        PeriodDt periodValue = single(byName, TIME_PERIOD, false, PeriodDt.class, "a Period");
        TimePeriod period = periodValue == null ? null : period(periodValue);
        if (period != null && !section.acceptsTimePeriod()) {
            throw SpineException.badRequest("The " + section.display() + " section (" + section.name()
                    + ") takes no timePeriod: its items are never filtered by date");
        }
        return new CareRecordRequest(nhsNumber, section, period);
    }

    private static <T extends IDatatype> T single(Map<String, List<Parameters.Parameter>> byName, String name, boolean required,
                                                   Class<T> type, String typeName) {
        List<Parameters.Parameter> found = byName.getOrDefault(name, List.of());
        if (found.isEmpty()) {
            if (required) {
                throw SpineException.badRequest("The " + name + " parameter is missing");
            }
            return null;
        }
        if (found.size() > 1) {
            throw SpineException.badRequest("The " + name + " parameter is given " + found.size() + " times; it is allowed once");
        }
        IDatatype value = found.get(0).getValue();
        if (!type.isInstance(value)) {
            throw SpineException.badRequest("The " + name + " parameter must be " + typeName
                    + (value == null ? ", but has no value" : ", not " + value.getClass().getSimpleName().replaceAll("Dt$", "")));
        }
        return type.cast(value);
    }

    private static String nhsNumber(IdentifierDt identifier) {
        if (!NHS_NUMBER_SYSTEM.equals(identifier.getSystem())) {
            throw new SpineException(SpineErrorCode.INVALID_IDENTIFIER_SYSTEM, "The patientNHSNumber system must be "
                    + NHS_NUMBER_SYSTEM + (identifier.getSystem() == null ? "" : ", not " + identifier.getSystem()));
        }
        String value = identifier.getValue();
        if (!NhsNumber.isValid(value)) {
            throw new SpineException(SpineErrorCode.INVALID_NHS_NUMBER, "'" + (value == null ? "" : value) + "' is not a valid NHS number");
        }
        return value;
    }

    private static RecordSection section(CodeableConceptDt concept) {
        List<CodingDt> codings = concept.getCoding();
        if (codings.size() != 1) {
            throw SpineException.badRequest("The recordSection must have exactly one coding, not " + codings.size());
        }
        CodingDt coding = codings.get(0);
        if (coding.getSystem() == null || coding.getSystem().isBlank()) {
            throw invalidParameter("The recordSection coding has no system; it must be " + RecordSection.SYSTEM);
        }
        if (!RecordSection.SYSTEM.equals(coding.getSystem())) {
            throw SpineException.badRequest("The recordSection coding system must be " + RecordSection.SYSTEM + ", not " + coding.getSystem());
        }
        return RecordSection.byCode(coding.getCode()).orElseThrow(() -> invalidParameter("'" + (coding.getCode() == null ? "" : coding.getCode())
                + "' is not a code of " + RecordSection.SYSTEM + " (codes are upper case)"));
    }

    private static TimePeriod period(PeriodDt period) {
        LocalDate start = day(period.getStartElement().getValueAsString(), "start", Partial::first);
        LocalDate end = day(period.getEndElement().getValueAsString(), "end", Partial::last);
        if (start == null && end == null) {
            throw invalidParameter("The timePeriod has neither a start nor an end");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw invalidParameter("The timePeriod starts (" + start + ") after it ends (" + end + ")");
        }
        return new TimePeriod(start, end);
    }

    /** The whole day a bound names: a year or month starts on its first day and ends on its last. */
    private static LocalDate day(String value, String bound, Function<Partial, LocalDate> side) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Matcher date = DATE.matcher(value);
        if (!date.matches()) {
            throw invalidParameter("The timePeriod " + bound + " '" + value
                    + "' is not a FHIR date (yyyy, yyyy-MM, yyyy-MM-dd) or a dateTime with its offset");
        }
        try {
            return side.apply(new Partial(Integer.parseInt(date.group(1)),
                    date.group(2) == null ? null : Integer.parseInt(date.group(2)),
                    date.group(3) == null ? null : Integer.parseInt(date.group(3))));
        } catch (java.time.DateTimeException e) {
            throw invalidParameter("The timePeriod " + bound + " '" + value + "' is not a real date");
        }
    }

    private record Partial(int year, Integer month, Integer day) {
        LocalDate first() {
            return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
        }

        LocalDate last() {
            if (day != null) {
                return LocalDate.of(year, month, day);
            }
            return month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
        }
    }

    private static SpineException invalidParameter(String diagnostics) {
        return new SpineException(SpineErrorCode.INVALID_PARAMETER, diagnostics);
    }

    /**
     * A body that is not valid FHIR DSTU2 is an invalid resource, except a date the parser cannot read,
     * which can only be a time period's bound: an invalid parameter, as the suite expects. An empty value
     * is read as absent, so an empty NHS number or system gets the answer an absent one does.
     */
    private static final class Strict extends ErrorHandlerAdapter {
        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            if (value == null || value.isEmpty()) {
                return;
            }
            throw invalidParameter("Invalid value '" + value + "'" + (location == null ? "" : " at " + location) + ": " + error);
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "Unknown element '" + elementName + "' in the Parameters");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
            throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "Unknown attribute '" + attributeName + "' in the Parameters");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName, BaseJsonLikeValue.ValueType expected, BaseJsonLikeValue.ScalarType expectedScalar,
                                      BaseJsonLikeValue.ValueType found, BaseJsonLikeValue.ScalarType foundScalar) {
            throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "Element '" + elementName + "' has the wrong JSON type");
        }
    }
}
