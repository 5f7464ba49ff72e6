package org.gpconnect.provider.appointments;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;

/**
 * The If-Match header of an amendment or cancellation: the consumer's {@code W/"<version>"} must be the
 * stored version, else 409 and nothing is written (development_fhir_api_guidance: 409, not 412; the test
 * suite's code is FHIR_CONSTRAINT_VIOLATION). The header is optional: the test suite's ordinary amend
 * and cancel requests send none, and the write is still made only at the version the request was checked
 * against, so a change in between is a 409 all the same.
 */
final class IfMatch {
    private IfMatch() {}

    static void check(String header, long storedVersion, String id) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (!tag.equals(Long.toString(storedVersion))) {
            throw conflict("If-Match " + header + " is not the current version of Appointment/" + id
                    + " (W/\"" + storedVersion + "\"): read it again");
        }
    }

    static SpineException conflict(String diagnostics) {
        return new SpineException(SpineErrorCode.FHIR_CONSTRAINT_VIOLATION, diagnostics);
    }
}
