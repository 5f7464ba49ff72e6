package org.gpconnect.fhir.jwt;

import org.gpconnect.fhir.identifier.IdentifierSystem;

/** The claim names and identifier systems of the GP Connect bearer token. */
public final class JwtClaims {
    public static final String ISS = "iss";
    public static final String SUB = "sub";
    public static final String AUD = "aud";
    public static final String EXP = "exp";
    public static final String IAT = "iat";
    public static final String REASON_FOR_REQUEST = "reason_for_request";
    public static final String REQUESTED_SCOPE = "requested_scope";
    public static final String REQUESTING_DEVICE = "requesting_device";
    public static final String REQUESTING_ORGANIZATION = "requesting_organization";
    public static final String REQUESTING_PRACTITIONER = "requesting_practitioner";
    /** 0.x only: the Patient or Organization whose record is asked for. */
    public static final String REQUESTED_RECORD = "requested_record";

    public static final String PATIENT_READ = "patient/*.read";
    public static final String DIRECT_CARE = "directcare";
    public static final String MIGRATION = "migration";
    public static final String CONF_NORMAL = "conf/N";
    public static final String CONF_RESTRICTED = "conf/R";

    public static final String ODS_ORGANIZATION_CODE = IdentifierSystem.ODS_ORGANIZATION_CODE;
    /** The RC5-era system; the test suite still sends it and expects success. */
    public static final String LEGACY_ODS_ORGANIZATION_CODE = "http://fhir.nhs.net/Id/ods-organization-code";
    public static final String SDS_USER_ID = IdentifierSystem.SDS_USER_ID;
    public static final String SDS_ROLE_PROFILE_ID = IdentifierSystem.SDS_ROLE_PROFILE_ID;


    /** 0.x: {@code aud} is fixed to the authorisation server's token URL, not the provider's root. */
    public static final String AUTHORIZATION_SERVER_TOKEN_URL = "https://authorize.fhir.nhs.net/token";
    public static final String DSTU2_NHS_NUMBER = "http://fhir.nhs.net/Id/nhs-number";
    public static final String DSTU2_ODS_ORGANIZATION_CODE = LEGACY_ODS_ORGANIZATION_CODE;
    /** Not /Id/: the 0.7.4 page makes consumers send the system assurance wrongly tested for. */
    public static final String DSTU2_SDS_USER_ID = "http://fhir.nhs.net/sds-user-id";
    public static final String DSTU2_SDS_ROLE_PROFILE_ID = "http://fhir.nhs.net/Id/sds-role-profile-id";
    public static final String DSTU2_SDS_JOB_ROLE_NAME = "http://fhir.nhs.net/ValueSet/sds-job-role-name-1";

    private JwtClaims() {}
}
