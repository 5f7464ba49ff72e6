package org.gpconnect.provider.structured;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.fhir.identifier.NhsNumber;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.PositiveIntType;
import org.hl7.fhir.dstu3.model.PrimitiveType;
import org.hl7.fhir.dstu3.model.Property;
import org.hl7.fhir.dstu3.model.Type;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Reads one parameter's value as its OperationDefinition types it. Every check works on the
 * value's text as sent, not on HAPI's parsed value: a body read leniently keeps an unparseable
 * primitive ("X2014", "yes") as text with no value, and the spec wants those answered as
 * INVALID_PARAMETER naming the parameter, not as an unreadable resource. Every rejection names
 * the parameter ({@code path}), as the spec requires of parameter errors.
 */
final class ParameterValues {
    private static final Pattern WHOLE_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2})?");

    private ParameterValues() {}

    static SpineException invalid(String diagnostics) {
        return new SpineException(SpineErrorCode.INVALID_PARAMETER, diagnostics);
    }

    static boolean booleanValue(ParametersParameterComponent parameter, String path) {
        String text = text(required(parameter, path), BooleanType.class, "a boolean (valueBoolean)", path);
        if (!"true".equals(text) && !"false".equals(text)) {
            throw invalid(path + " must be true or false, not '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    /** A date part (valueDate): a whole date only, as section 10 of the spec requires of search dates. */
    static LocalDate date(ParametersParameterComponent parameter, String path) {
        return wholeDate(text(required(parameter, path), DateType.class, "a date (valueDate)", path), path);
    }

    /** A period part (valuePeriod): each bound sent must be a whole date; one of them may be left out. */
    static SearchPeriod period(ParametersParameterComponent parameter, String path) {
        Type value = required(parameter, path);
        if (!(value instanceof Period period)) {
            throw wrongType(value, "a Period (valuePeriod)", path);
        }
        LocalDate start = bound(period, "start", path);
        LocalDate end = bound(period, "end", path);
        if (start == null && end == null) {
            throw invalid(path + " has neither a start nor an end");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid(path + " starts (" + start + ") after it ends (" + end + ")");
        }
        return new SearchPeriod(start, end);
    }

    static int positiveInt(ParametersParameterComponent parameter, String path) {
        String text = text(required(parameter, path), PositiveIntType.class, "a positiveInt (valuePositiveInt)", path);
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(path + " must be a whole number of 1 or more, not '" + text + "'");
        }
        if (number < 1) {
            throw invalid(path + " must be 1 or more, not " + number);
        }
        return number;
    }

    static String code(ParametersParameterComponent parameter, String path) {
        return text(required(parameter, path), CodeType.class, "a code (valueCode)", path);
    }

    /**
     * patientNHSNumber: an Identifier whose system is the NHS number's (else 400
     * INVALID_IDENTIFIER_SYSTEM) and whose value passes the modulus 11 check (else 400
     * INVALID_NHS_NUMBER), the codes Foundations' patient search also gives.
     */
    static String nhsNumber(ParametersParameterComponent parameter) {
        String path = ParameterName.PATIENT_NHS_NUMBER;
        Type value = required(parameter, path);
        if (!(value instanceof Identifier identifier)) {
            throw wrongType(value, "an Identifier (valueIdentifier)", path);
        }
        String system = identifier.getSystem();
        if (system == null || system.isBlank()) {
            throw new SpineException(SpineErrorCode.INVALID_IDENTIFIER_SYSTEM, path + " has no identifier system: it must be "
                    + IdentifierSystem.NHS_NUMBER);
        }
        if (!IdentifierSystem.NHS_NUMBER.equals(system)) {
            throw new SpineException(SpineErrorCode.INVALID_IDENTIFIER_SYSTEM, path + " has identifier system " + system
                    + ": it must be " + IdentifierSystem.NHS_NUMBER);
        }
        String nhsNumber = identifier.getValue();
        if (nhsNumber == null || nhsNumber.isBlank()) {
            throw new SpineException(SpineErrorCode.INVALID_NHS_NUMBER, path + " has no value");
        }
        if (!NhsNumber.isValid(nhsNumber)) {
            throw new SpineException(SpineErrorCode.INVALID_NHS_NUMBER, path + " " + nhsNumber
                    + " is not ten digits with a valid check digit");
        }
        return nhsNumber;
    }

    /** "A part parameter is passed without a value" is INVALID_PARAMETER; so is an empty value. */
    private static Type required(ParametersParameterComponent parameter, String path) {
        if (parameter.hasResource()) {
            throw invalid(path + " must hold a value, not a resource");
        }
        Type value = parameter.getValue();
        if (value == null || value.isEmpty()) {
            throw invalid(path + " has no value");
        }
        return value;
    }

    private static String text(Type value, Class<? extends PrimitiveType<?>> type, String typeName, String path) {
        if (!type.isInstance(value)) {
            throw wrongType(value, typeName, path);
        }
        String text = ((PrimitiveType<?>) value).getValueAsString();
        if (text == null || text.isBlank()) {
            throw invalid(path + " has no value");
        }
        return text;
    }

    private static SpineException wrongType(Type value, String typeName, String path) {
        return invalid(path + " must be " + typeName + ", not a " + value.fhirType());
    }

    /**
     * A bound the consumer sent but left empty is an error, unlike a bound left out, so the bound
     * is looked up without HAPI's getter, which would create an empty one.
     */
    private static LocalDate bound(Period period, String name, String path) {
        Property property = period.getNamedProperty(name);
        if (property == null || !property.hasValues()) {
            return null;
        }
        Base element = property.getValues().get(0);
        String text = element instanceof DateTimeType dateTime ? dateTime.getValueAsString() : null;
        if (text == null || text.isBlank()) {
            throw invalid(path + "." + name + " has no value");
        }
        return wholeDate(text, path + "." + name);
    }

    private static LocalDate wholeDate(String text, String path) {
        if (WHOLE_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw invalid(path + " is not a calendar date: " + text);
            }
        }
        if (PARTIAL_DATE.matcher(text).matches()) {
            throw invalid(path + " is a partial date (" + text + "): it must be a whole date, yyyy-mm-dd");
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            throw invalid(path + " has a time (" + text + "): it must be a whole date, yyyy-mm-dd, without time or offset");
        }
        throw invalid(path + " is not a date: " + text);
    }
}
