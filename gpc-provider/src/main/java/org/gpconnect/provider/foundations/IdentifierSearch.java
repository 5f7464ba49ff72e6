package org.gpconnect.provider.foundations;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.fhir.identifier.NhsNumber;

import java.util.Map;

/**
 * The one search parameter Foundations searches take: {@code identifier=system|value}. Checks its
 * shape as the test suite expects: missing, misspelt or repeated is a bad request; a missing
 * system or value is an invalid parameter. Other parameters are ignored, as FHIR servers must.
 */
public record IdentifierSearch(String system, String value) {
    static final String NAME = "identifier";

    public static IdentifierSearch from(Map<String, String[]> parameters) {
        String[] values = parameters.get(NAME);
        for (String name : parameters.keySet()) {
            if (!name.equals(NAME) && name.equalsIgnoreCase(NAME)) {
                throw SpineException.badRequest("Unknown search parameter " + name + " (parameter names are case sensitive)");
            }
        }
        if (values == null || values.length == 0) {
            throw SpineException.badRequest("The search needs an identifier parameter");
        }
        if (values.length > 1) {
            throw SpineException.badRequest("The identifier parameter may be given once only");
        }
        String token = values[0];
        int bar = token.indexOf('|');
        if (bar < 0) {
            throw new SpineException(SpineErrorCode.INVALID_PARAMETER, "identifier needs the form system|value: " + token);
        }
        String system = token.substring(0, bar).trim();
        String value = token.substring(bar + 1).trim();
        if (system.isEmpty()) {
            throw new SpineException(SpineErrorCode.INVALID_PARAMETER, "identifier has no system: " + token);
        }
        if (value.isEmpty()) {
            throw new SpineException(SpineErrorCode.INVALID_PARAMETER, "identifier has no value: " + token);
        }
        return new IdentifierSearch(system, value);
    }

    /**
     * The NHS number searched for: the system must be the NHS number's (else {@code otherSystem}: each
     * capability's Find a patient names its own code) and the value a valid NHS number.
     */
    public String nhsNumber(SpineErrorCode otherSystem) {
        if (!IdentifierSystem.NHS_NUMBER.equals(system)) {
            throw new SpineException(otherSystem, "Patients are found by NHS number (" + IdentifierSystem.NHS_NUMBER + "), not " + system);
        }
        if (!NhsNumber.isValid(value)) {
            throw new SpineException(SpineErrorCode.INVALID_NHS_NUMBER, "Not a valid NHS number: " + value);
        }
        return value;
    }
}
