package org.gpconnect.fhir.error;

import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;

/** The one place an OperationOutcome is built: GPConnect-OperationOutcome-1 with one Spine coding. */
public final class OperationOutcomes {
    public static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";

    private OperationOutcomes() {}

    public static OperationOutcome error(SpineErrorCode code, String diagnostics) {
        return issue(IssueSeverity.ERROR, code.issueType(), code.code(), code.display(), diagnostics);
    }

    public static OperationOutcome issue(IssueSeverity severity, OperationOutcome.IssueType type,
                                         String code, String display, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.getMeta().addProfile(PROFILE);
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(severity)
                .setCode(type)
                .setDetails(new CodeableConcept().addCoding(new org.hl7.fhir.dstu3.model.Coding(
                        SpineErrorCode.SYSTEM, code, display)));
        if (diagnostics != null && !diagnostics.isBlank()) {
            issue.setDiagnostics(diagnostics);
        }
        return outcome;
    }
}
