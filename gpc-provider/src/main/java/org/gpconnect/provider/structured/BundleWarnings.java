package org.gpconnect.provider.structured;

import org.gpconnect.fhir.error.OperationOutcomes;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;

import java.util.Optional;

/**
 * The one warning OperationOutcome a structured Bundle carries: an issue per parameter the
 * response did not act on, severity warning, code not-supported, Spine code NOT_IMPLEMENTED, the
 * parameter as diagnostics and the reason as text (version compatibility, clinical-area switches).
 */
final class BundleWarnings {
    private OperationOutcome outcome;

    /** e.g. add("includeMadeUp", "is an unrecognised parameter") or add("includeProblems", "has been disabled"). */
    BundleWarnings add(String parameter, String reason) {
        OperationOutcome single = OperationOutcomes.issue(IssueSeverity.WARNING, IssueType.NOTSUPPORTED,
                SpineErrorCode.NOT_IMPLEMENTED.code(), SpineErrorCode.NOT_IMPLEMENTED.display(), parameter);
        single.getIssueFirstRep().getDetails().setText(parameter + " " + reason);
        if (outcome == null) {
            outcome = single;
        } else {
            outcome.addIssue(single.getIssueFirstRep());
        }
        return this;
    }

    Optional<OperationOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }
}
