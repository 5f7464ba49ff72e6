package org.gpconnect.fhir.identifier;

/** The identifier systems GP Connect 1.x uses (foundations_design.md). */
public final class IdentifierSystem {
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_ORGANIZATION_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String ODS_SITE_CODE = "https://fhir.nhs.uk/Id/ods-site-code";
    public static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    public static final String SDS_ROLE_PROFILE_ID = "https://fhir.nhs.uk/Id/sds-role-profile-id";

    private IdentifierSystem() {}
}
