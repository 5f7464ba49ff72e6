package org.gpconnect.fhir.patient;

/**
 * The CareConnect-GPC-Patient-1 profile and the extensions and code systems of its registration
 * and NHS number facts, named once for the store, the data set and the provider.
 */
public final class GpcPatient {
    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    private static final String CS = "https://fhir.nhs.uk/STU3/CodeSystem/";

    public static final String PROFILE = SD + "CareConnect-GPC-Patient-1";
    public static final String NHS_NUMBER_VERIFICATION_EXTENSION = SD + "Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    public static final String NHS_NUMBER_VERIFICATION_SYSTEM = CS + "CareConnect-NHSNumberVerificationStatus-1";
    public static final String REGISTRATION_DETAILS_EXTENSION = SD + "Extension-CareConnect-GPC-RegistrationDetails-1";
    public static final String REGISTRATION_TYPE_SYSTEM = CS + "CareConnect-RegistrationType-1";
    public static final String NHS_COMMUNICATION_EXTENSION = SD + "Extension-CareConnect-GPC-NHSCommunication-1";
    /** Code 01 of the verification status: "Number present and verified". */
    public static final String VERIFIED = "01";

    private GpcPatient() {}
}
