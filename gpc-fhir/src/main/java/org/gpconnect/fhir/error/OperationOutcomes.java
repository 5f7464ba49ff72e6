package org.gpconnect.fhir.error;

import ca.uhn.fhir.model.dstu2.valueset.IssueSeverityEnum;
import ca.uhn.fhir.model.dstu2.valueset.IssueTypeEnum;
import org.gpconnect.fhir.interaction.FhirRelease;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;

/**
 * The one place an OperationOutcome is built: the release's OperationOutcome profile with one Spine
 * coding in the release's error code system (1.x: GPConnect-OperationOutcome-1, STU3; 0.x:
 * gpconnect-operationoutcome-1, DSTU2).
 */
public final class OperationOutcomes {
    public static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";

    private OperationOutcomes() {}

    public static OperationOutcome error(SpineErrorCode code, String diagnostics) {
        return issue(IssueSeverity.ERROR, code.issueType(), code.code(), code.display(), diagnostics);
    }

    /** The rejection as the release's consumers read it: an STU3 or a DSTU2 OperationOutcome. */
    public static IBaseOperationOutcome error(FhirRelease release, SpineErrorCode code, String diagnostics) {
        if (release == FhirRelease.STU3) {
            return error(code, diagnostics);
        }
        // 0.7.4 names the same Spine codes (development_fhir_error_handling_guidance.md at 0.7.4);
        // DSTU2's issue types have the same codes as STU3's for every one the table uses
        ca.uhn.fhir.model.dstu2.resource.OperationOutcome outcome = new ca.uhn.fhir.model.dstu2.resource.OperationOutcome();
        outcome.getMeta().addProfile(release.operationOutcomeProfile());
        ca.uhn.fhir.model.dstu2.resource.OperationOutcome.Issue issue = outcome.addIssue()
                .setSeverity(IssueSeverityEnum.ERROR)
                .setCode(IssueTypeEnum.VALUESET_BINDER.fromCodeString(code.issueType().toCode()));
        issue.getDetails().addCoding().setSystem(release.errorCodeSystem()).setCode(code.code()).setDisplay(code.display());
        if (diagnostics != null && !diagnostics.isBlank()) {
            issue.setDiagnostics(diagnostics);
        }
        return outcome;
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
