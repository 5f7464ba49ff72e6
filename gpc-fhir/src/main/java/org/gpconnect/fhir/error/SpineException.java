package org.gpconnect.fhir.error;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/**
 * Every rejection a GP Connect provider makes: a Spine error code, its HTTP status and the
 * OperationOutcome to send. Extends HAPI's response exception so that a resource provider can
 * throw it and HAPI writes the OperationOutcome unchanged.
 */
public class SpineException extends BaseServerResponseException {
    private final SpineErrorCode code;
    private final String diagnostics;

    public SpineException(SpineErrorCode code, String diagnostics) {
        super(code.httpStatus(), code.code() + (diagnostics == null ? "" : ": " + diagnostics));
        this.code = code;
        this.diagnostics = diagnostics;
        setOperationOutcome(OperationOutcomes.error(code, diagnostics));
    }

    public SpineErrorCode code() { return code; }
    public String diagnostics() { return diagnostics; }

    public static SpineException badRequest(String diagnostics) {
        return new SpineException(SpineErrorCode.BAD_REQUEST, diagnostics);
    }
}
