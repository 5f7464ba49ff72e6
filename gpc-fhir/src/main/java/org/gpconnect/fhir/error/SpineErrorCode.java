package org.gpconnect.fhir.error;

import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;

/**
 * The Spine error codes GP Connect answers with, each with the HTTP status and FHIR issue type
 * of the specification's error table (development_fhir_error_handling_guidance.md). The display
 * text is the CodeSystem's (Spine-ErrorOrWarningCode-1), which the profile binds to.
 */
public enum SpineErrorCode {
    BAD_REQUEST(400, IssueType.INVALID, "Bad request"),
    INVALID_IDENTIFIER_SYSTEM(400, IssueType.VALUE, "Invalid identifier system"),
    INVALID_IDENTIFIER_VALUE(400, IssueType.VALUE, "Invalid identifier value"),
    INVALID_NHS_NUMBER(400, IssueType.VALUE, "Invalid NHS number"),
    INVALID_PATIENT_DEMOGRAPHICS(400, IssueType.BUSINESSRULE, "Invalid patient demographics"),
    CONFLICTING_VALUES(400, IssueType.INVALID, "Conflicting values have been specified in different fields"),
    /** The code really contains a space, in the page table and in the CodeSystem alike. */
    ACCESS_DENIED(403, IssueType.FORBIDDEN, "Access has been denied to process this request", "ACCESS DENIED"),
    NO_PATIENT_CONSENT(403, IssueType.FORBIDDEN, "Patient has not provided consent to share data"),
    NO_ORGANISATIONAL_CONSENT(403, IssueType.FORBIDDEN, "Organisation has not provided consent to share data"),
    NO_RELATIONSHIP(403, IssueType.FORBIDDEN, "No legitimate relationship exists with this patient"),
    ORGANISATION_NOT_FOUND(404, IssueType.NOTFOUND, "Organisation not found"),
    PATIENT_NOT_FOUND(404, IssueType.NOTFOUND, "Patient not found"),
    PRACTITIONER_NOT_FOUND(404, IssueType.NOTFOUND, "Practitioner not found"),
    NO_RECORD_FOUND(404, IssueType.NOTFOUND, "No record found"),
    DUPLICATE_REJECTED(409, IssueType.DUPLICATE, "Create would lead to creation of a duplicate resource"),
    FHIR_CONSTRAINT_VIOLATION(409, IssueType.CONFLICT, "FHIR constraint violated"),
    UNSUPPORTED_MEDIA_TYPE(415, IssueType.NOTSUPPORTED, "Unsupported media type"),
    INVALID_RESOURCE(422, IssueType.INVALID, "Invalid validation of resource"),
    INVALID_PARAMETER(422, IssueType.INVALID, "Invalid parameter"),
    REFERENCE_NOT_FOUND(422, IssueType.INVALID, "Reference not found"),
    INTERNAL_SERVER_ERROR(500, IssueType.EXCEPTION, "Unexpected internal server error"),
    NOT_IMPLEMENTED(501, IssueType.NOTSUPPORTED, "Not implemented");

    public static final String SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";

    private final int httpStatus;
    private final IssueType issueType;
    private final String display;
    private final String code;

    SpineErrorCode(int httpStatus, IssueType issueType, String display) {
        this(httpStatus, issueType, display, null);
    }

    SpineErrorCode(int httpStatus, IssueType issueType, String display, String code) {
        this.httpStatus = httpStatus;
        this.issueType = issueType;
        this.display = display;
        this.code = code == null ? name() : code;
    }

    public int httpStatus() { return httpStatus; }
    public IssueType issueType() { return issueType; }
    public String display() { return display; }
    /** The code as it stands in the CodeSystem (ACCESS DENIED has a space). */
    public String code() { return code; }
}
