package org.gpconnect.fhir.jwt;

import java.time.Instant;
import java.util.Set;

/**
 * Who asked, from where and why: what the provider audits of a validated bearer token
 * (cross-organisation audit and provenance).
 *
 * @param issuer              {@code iss}: the consumer system's Spine endpoint URL
 * @param practitionerId      {@code sub} = {@code requesting_practitioner.id}; null only when a
 *                            migration request left the practitioner out, as the spec allows
 * @param sdsUserId           smartcard SDS user id, or {@code UNK}; null with no practitioner
 * @param sdsRoleProfileId    smartcard role profile id, {@code UNK} or null (the test suite omits it)
 * @param practitionerName    prefix, given and family names, or null when the token names none
 * @param organisationOdsCode ODS code of the logged-on user's organisation
 * @param organisationName    null when the token gives none
 * @param deviceIdentifier    {@code system|value} of the consumer's device identifier
 * @param deviceModel         product name, or null
 * @param deviceVersion       product version, or null
 * @param reasonForRequest    {@code directcare} or {@code migration}
 * @param requestedScopes     each space-separated {@code requested_scope} value
 * @param requestedRecord     0.x only: {@code system|value} of the {@code requested_record} claim's
 *                            Patient NHS number or Organization ODS code; null in 1.x. The operation
 *                            compares it with the record its body asks for.
 */
public record RequestingParty(String issuer,
                              String practitionerId, String sdsUserId, String sdsRoleProfileId, String practitionerName,
                              String organisationOdsCode, String organisationName,
                              String deviceIdentifier, String deviceModel, String deviceVersion,
                              String reasonForRequest, Set<String> requestedScopes,
                              Instant issuedAt, Instant expiresAt, String requestedRecord) {

    public RequestingParty {
        requestedScopes = Set.copyOf(requestedScopes);
    }

    /** A 1.x party, whose token names no requested record. */
    public RequestingParty(String issuer,
                           String practitionerId, String sdsUserId, String sdsRoleProfileId, String practitionerName,
                           String organisationOdsCode, String organisationName,
                           String deviceIdentifier, String deviceModel, String deviceVersion,
                           String reasonForRequest, Set<String> requestedScopes,
                           Instant issuedAt, Instant expiresAt) {
        this(issuer, practitionerId, sdsUserId, sdsRoleProfileId, practitionerName, organisationOdsCode, organisationName,
                deviceIdentifier, deviceModel, deviceVersion, reasonForRequest, requestedScopes, issuedAt, expiresAt, null);
    }

    /**
     * Whether the consumer asked for confidential and sensitive information ({@code conf/R});
     * with no confidentiality scope the spec says to act as for {@code conf/N}.
     */
    public boolean restrictedConfidentiality() {
        return requestedScopes.contains(JwtClaims.CONF_RESTRICTED);
    }
}
