package org.gpconnect.fhir.interaction;

/**
 * The service roots a practice publishes in SDS: {@code /{ODS}/{fhirVersion}/{major}/{routing}}.
 * Foundations and Appointments share one; Structured and Documents each have their own; Access
 * Record: HTML has the 0.x one.
 */
public enum ServiceRootKind {
    GPCONNECT("STU3/1/gpconnect", FhirRelease.STU3),
    STRUCTURED("STU3/1/gpconnect/structured", FhirRelease.STU3),
    DOCUMENTS("STU3/1/gpconnect/documents", FhirRelease.STU3),
    /** Access Record: HTML 0.7.4, the one 0.x (DSTU2) root. */
    HTML("DSTU2/0/gpconnect", FhirRelease.DSTU2);

    private final String suffix;
    private final FhirRelease release;

    ServiceRootKind(String suffix, FhirRelease release) {
        this.suffix = suffix;
        this.release = release;
    }

    /** The GP Connect major version (and so FHIR version) served on this root. */
    public FhirRelease release() { return release; }

    /** The path after the ODS code, without leading or trailing slash. */
    public String suffix() { return suffix; }

    public String path(String odsCode) { return "/" + odsCode + "/" + suffix; }
}
