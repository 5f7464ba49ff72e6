package org.gpconnect.fhir.interaction;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.fhir.error.OperationOutcomes;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.jwt.JwtRules;

import java.util.Set;

/**
 * What differs between the GP Connect major versions a provider serves, as data: 1.x (STU3) for
 * Foundations, Appointments, Structured and Documents, 0.x (DSTU2) for Access Record: HTML 0.7.4.
 * The pipeline reads a service root's release instead of branching on the root in many places.
 *
 * @param fhirVersion     the FHIR version the Conformance/CapabilityStatement declares
 * @param specVersion     the GP Connect specification release served
 * @param jsonMediaType   the media type answers in JSON carry
 * @param xmlMediaType    the media type answers in XML carry
 * @param jsonAliases     every request media type (Accept, Content-Type, _format) read as JSON
 * @param xmlAliases      every request media type read as XML
 */
public enum FhirRelease {
    /** GP Connect 1.6.2: the STU3 media types, and the looser names 1.x consumers and the test suite send. */
    STU3("3.0.1", "1.6.2", "application/fhir+json", "application/fhir+xml",
            Set.of("application/fhir+json", "application/json", "application/json+fhir"),
            Set.of("application/fhir+xml", "application/xml", "application/xml+fhir", "text/xml"),
            OperationOutcomes.PROFILE, SpineErrorCode.SYSTEM,
            JwtRules.STU3),
    /**
     * GP Connect 0.7.4: only DSTU2's own media types (development_fhir_api_guidance.md at 0.7.4). The 0.7.4
     * suite expects 415 for {@code Accept: text/xml}, and its (withdrawn) Content-Type tests for
     * {@code application/xml} and {@code text/xml} expected 415 too, so no other name is read.
     */
    DSTU2("1.0.2", "0.7.4", "application/json+fhir", "application/xml+fhir",
            Set.of("application/json+fhir"),
            Set.of("application/xml+fhir"),
            "http://fhir.nhs.net/StructureDefinition/gpconnect-operationoutcome-1",
            "http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1",
            JwtRules.DSTU2);

    private final String fhirVersion;
    private final String specVersion;
    private final String jsonMediaType;
    private final String xmlMediaType;
    private final Set<String> jsonAliases;
    private final Set<String> xmlAliases;
    private final String operationOutcomeProfile;
    private final String errorCodeSystem;
    private final JwtRules jwt;

    FhirRelease(String fhirVersion, String specVersion, String jsonMediaType, String xmlMediaType,
                Set<String> jsonAliases, Set<String> xmlAliases, String operationOutcomeProfile, String errorCodeSystem,
                JwtRules jwt) {
        this.fhirVersion = fhirVersion;
        this.specVersion = specVersion;
        this.jsonMediaType = jsonMediaType;
        this.xmlMediaType = xmlMediaType;
        this.jsonAliases = jsonAliases;
        this.xmlAliases = xmlAliases;
        this.operationOutcomeProfile = operationOutcomeProfile;
        this.errorCodeSystem = errorCodeSystem;
        this.jwt = jwt;
    }

    public String fhirVersion() { return fhirVersion; }
    public String specVersion() { return specVersion; }
    public String jsonMediaType() { return jsonMediaType; }
    public String xmlMediaType() { return xmlMediaType; }
    public Set<String> jsonAliases() { return jsonAliases; }
    public Set<String> xmlAliases() { return xmlAliases; }
    /** The OperationOutcome profile every error names in meta.profile. */
    public String operationOutcomeProfile() { return operationOutcomeProfile; }
    /** The system of the one Spine coding in issue.details. */
    public String errorCodeSystem() { return errorCodeSystem; }
    /** The bearer token rules of this release's cross-organisation audit and provenance page. */
    public JwtRules jwt() { return jwt; }

    /** HAPI's model of this FHIR version; one cached context per version, shared with everything else. */
    public FhirContext fhirContext() {
        return this == STU3 ? FhirContext.forDstu3Cached() : FhirContext.forDstu2Cached();
    }
}
