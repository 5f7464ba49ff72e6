package org.gpconnect.fhir.interaction;

/**
 * The service roots a practice publishes in SDS: {@code /{ODS}/{fhirVersion}/{major}/{routing}}.
 * Foundations and Appointments share one; Structured and Documents each have their own.
 */
public enum ServiceRootKind {
    GPCONNECT("STU3/1/gpconnect"),
    STRUCTURED("STU3/1/gpconnect/structured"),
    DOCUMENTS("STU3/1/gpconnect/documents"),
    HTML("DSTU2/0/gpconnect");

    private final String suffix;

    ServiceRootKind(String suffix) { this.suffix = suffix; }

    /** The path after the ODS code, without leading or trailing slash. */
    public String suffix() { return suffix; }

    public String path(String odsCode) { return "/" + odsCode + "/" + suffix; }
}
