package org.gpconnect.fhir.jwt;

import org.gpconnect.fhir.error.SpineErrorCode;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bearer token rules that differ between GP Connect 1.x (STU3) and 0.x (DSTU2), as data; the
 * rules both share are {@link JwtValidator}'s. Chosen by the service root's release.
 */
public final class JwtRules {
    private static final Set<String> DOMAIN_RESOURCE = Set.of("resourceType", "id", "meta", "implicitRules",
            "language", "text", "contained", "extension", "modifierExtension");

    /** 1.x: integration_cross_organisation_audit_and_provenance.md at 1.6.2, base STU3 resources. */
    public static final JwtRules STU3 = new JwtRules(null, false,
            Set.of(JwtClaims.ODS_ORGANIZATION_CODE, JwtClaims.LEGACY_ODS_ORGANIZATION_CODE),
            JwtClaims.SDS_USER_ID, JwtClaims.SDS_ROLE_PROFILE_ID, false,
            // the 1.x suite expects 422 for a wrong resourceType, like any other invalid resource
            SpineErrorCode.INVALID_RESOURCE, SpineErrorCode.INVALID_RESOURCE,
            with(DOMAIN_RESOURCE, "identifier", "udi", "status", "type", "lotNumber", "manufacturer",
                    "manufactureDate", "expirationDate", "model", "version", "patient", "owner", "contact", "location",
                    "url", "note", "safety"),
            with(DOMAIN_RESOURCE, "identifier", "active", "type", "name", "alias", "telecom", "address", "partOf",
                    "contact", "endpoint"),
            with(DOMAIN_RESOURCE, "identifier", "active", "name", "telecom", "address", "gender", "birthDate", "photo",
                    "qualification", "communication"),
            Set.of());

    /**
     * 0.x: the same page at 0.7.4, base DSTU2 resources. The 0.7.4 suite (JWT.feature) expects 400 for a
     * wrong resourceType and for a requesting organisation or practitioner without its ODS code, SDS user id
     * or name, and 422 only for an element the resource does not define.
     */
    public static final JwtRules DSTU2 = new JwtRules(JwtClaims.AUTHORIZATION_SERVER_TOKEN_URL, true,
            Set.of(JwtClaims.DSTU2_ODS_ORGANIZATION_CODE),
            JwtClaims.DSTU2_SDS_USER_ID, JwtClaims.DSTU2_SDS_ROLE_PROFILE_ID, true,
            SpineErrorCode.BAD_REQUEST, SpineErrorCode.BAD_REQUEST,
            with(DOMAIN_RESOURCE, "identifier", "type", "note", "status", "manufacturer", "model", "version",
                    "manufactureDate", "expiry", "udi", "lotNumber", "owner", "location", "patient", "contact", "url"),
            with(DOMAIN_RESOURCE, "identifier", "active", "type", "name", "telecom", "address", "partOf", "contact"),
            with(DOMAIN_RESOURCE, "identifier", "active", "name", "telecom", "address", "gender", "birthDate", "photo",
                    "practitionerRole", "qualification", "communication"),
            with(DOMAIN_RESOURCE, "identifier", "active", "name", "telecom", "gender", "birthDate", "deceasedBoolean",
                    "deceasedDateTime", "address", "maritalStatus", "multipleBirthBoolean", "multipleBirthInteger",
                    "photo", "contact", "animal", "communication", "careProvider", "managingOrganization", "link"));

    final String audience;
    final boolean requestedRecord;
    final Set<String> odsSystems;
    final String sdsUserIdSystem;
    final String sdsRoleProfileIdSystem;
    /** DSTU2's Practitioner.name is one HumanName (family an array) and the 0.7.4 suite requires it. */
    final boolean singlePractitionerName;
    final SpineErrorCode wrongResourceType;
    final SpineErrorCode missingElement;
    final Set<String> deviceElements;
    final Set<String> organizationElements;
    final Set<String> practitionerElements;
    final Set<String> patientElements;

    private JwtRules(String audience, boolean requestedRecord, Set<String> odsSystems, String sdsUserIdSystem,
                     String sdsRoleProfileIdSystem, boolean singlePractitionerName, SpineErrorCode wrongResourceType,
                     SpineErrorCode missingElement, Set<String> deviceElements, Set<String> organizationElements,
                     Set<String> practitionerElements, Set<String> patientElements) {
        this.audience = audience;
        this.requestedRecord = requestedRecord;
        this.odsSystems = odsSystems;
        this.sdsUserIdSystem = sdsUserIdSystem;
        this.sdsRoleProfileIdSystem = sdsRoleProfileIdSystem;
        this.singlePractitionerName = singlePractitionerName;
        this.wrongResourceType = wrongResourceType;
        this.missingElement = missingElement;
        this.deviceElements = deviceElements;
        this.organizationElements = organizationElements;
        this.practitionerElements = practitionerElements;
        this.patientElements = patientElements;
    }

    /** The {@code aud} every token must carry, or null where any non-empty string will do (1.x). */
    public String audience() { return audience; }

    /** Whether {@code requested_record} is required and checked (0.x). */
    public boolean requiresRequestedRecord() { return requestedRecord; }

    private static Set<String> with(Set<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
    }
}
