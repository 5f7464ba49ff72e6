package org.gpconnect.fhir.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.interaction.Interaction;
import org.gpconnect.fhir.interaction.InteractionCatalogue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import static org.gpconnect.fhir.jwt.JwtClaims.*;

/**
 * Applies the bearer token rules of cross-organisation audit and provenance to one request and
 * returns the requesting party to audit. A malformed token or claim is 400 BAD_REQUEST; an
 * embedded resource that is not a valid minimal base resource is 422 INVALID_RESOURCE. What differs
 * between 1.x and 0.x (aud, requested_record, the FHIR version of the embedded resources) is the
 * interaction's release's {@link JwtRules}. Stateless and thread-safe.
 */
public final class JwtValidator {
    /** Latest NumericDate accepted (9999-12-31T23:59:59Z), so that time arithmetic cannot overflow. */
    private static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    /**
     * @param authorization the Authorization header value, {@code Bearer <token>}
     * @param interaction   the interaction the request's {@code Ssp-InteractionID} names
     * @param now           the provider's clock, synchronised to NHS NTP
     */
    public RequestingParty validate(String authorization, Interaction interaction, Instant now) {
        JwtRules rules = interaction.root().release().jwt();
        JsonNode claims = BearerToken.claims(authorization);
        String issuer = string(claims, ISS);
        String sub = string(claims, SUB);
        // 1.x: present and a string, but not compared with our URL: consumers send the SDS-registered
        // service root, which differs from the one we see behind the SSP and proxies. 0.x fixes it.
        String audience = string(claims, AUD);
        if (rules.audience() != null && !rules.audience().equals(audience)) {
            throw SpineException.badRequest("JWT aud claim is not " + rules.audience());
        }
        long exp = numericDate(claims, EXP);
        long iat = numericDate(claims, IAT);
        String reason = string(claims, REASON_FOR_REQUEST);
        String scope = string(claims, REQUESTED_SCOPE);
        JsonNode device = object(claims, REQUESTING_DEVICE);
        JsonNode organization = object(claims, REQUESTING_ORGANIZATION);
        // Practitioner details are only SHOULD for migration; the test suite omits the claim and expects success
        boolean practitionerOptional = interaction.migration() && !claims.has(REQUESTING_PRACTITIONER);
        JsonNode practitioner = practitionerOptional ? null : object(claims, REQUESTING_PRACTITIONER);
        JsonNode record = rules.requiresRequestedRecord() ? object(claims, REQUESTED_RECORD) : null;

        checkLifetime(iat, exp, now);
        checkReason(reason, interaction);
        Set<String> scopes = scopes(scope, reason, interaction);

        RequestingResources.Device requestingDevice = RequestingResources.device(device, rules);
        RequestingResources.Organization requestingOrganization = RequestingResources.organization(organization, rules);
        RequestingResources.Practitioner requestingPractitioner =
                practitioner == null ? null : RequestingResources.practitioner(practitioner, rules);
        // a patient's record is asked for with the patient; the conformance read names any record
        String requestedRecord = record == null ? null
                : RequestingResources.requestedRecord(record, rules, PATIENT_READ.equals(interaction.scope()));
        if (requestingPractitioner != null && !sub.equals(requestingPractitioner.id())) {
            throw SpineException.badRequest("JWT sub claim does not equal requesting_practitioner.id");
        }

        return new RequestingParty(issuer,
                requestingPractitioner == null ? sub : requestingPractitioner.id(),
                requestingPractitioner == null ? null : requestingPractitioner.sdsUserId(),
                requestingPractitioner == null ? null : requestingPractitioner.sdsRoleProfileId(),
                requestingPractitioner == null ? null : requestingPractitioner.name(),
                requestingOrganization.odsCode(), requestingOrganization.name(),
                requestingDevice.identifier(), requestingDevice.model(), requestingDevice.version(),
                reason, scopes, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp), requestedRecord);
    }

    /** exp must be exactly iat + 5 minutes, and not reached; a future iat is accepted (clock skew). */
    private static void checkLifetime(long iat, long exp, Instant now) {
        if (exp - iat != ConsumerJwt.LIFETIME_SECONDS) {
            throw SpineException.badRequest("JWT exp claim is not exactly 300 seconds after the iat claim");
        }
        if (!now.isBefore(Instant.ofEpochSecond(exp))) {
            throw SpineException.badRequest("JWT has expired: the exp claim is not in the future");
        }
    }

    private static void checkReason(String reason, Interaction interaction) {
        if (!acceptedReasons(interaction).contains(reason)) {
            throw SpineException.badRequest("JWT reason_for_request claim '" + reason + "' is not "
                    + String.join(" or ", acceptedReasons(interaction)) + " for " + interaction.id());
        }
    }

    /**
     * Migrate structured record demands {@code migration}. Migrate a document names no reason in
     * the spec and the test suite sends {@code directcare} for it, so either is accepted there.
     */
    private static Set<String> acceptedReasons(Interaction interaction) {
        if (!interaction.migration()) {
            return Set.of(DIRECT_CARE);
        }
        return InteractionCatalogue.MIGRATE_DOCUMENT.equals(interaction.id())
                ? Set.of(MIGRATION, DIRECT_CARE)
                : Set.of(MIGRATION);
    }

    private static Set<String> scopes(String requestedScope, String reason, Interaction interaction) {
        Set<String> scopes = Set.copyOf(Arrays.asList(requestedScope.strip().split(" +")));
        if (interaction.scope() != null && !scopes.contains(interaction.scope())) {
            throw SpineException.badRequest("JWT requested_scope claim '" + requestedScope + "' does not include "
                    + interaction.scope() + ", which " + interaction.id() + " needs");
        }
        boolean normal = scopes.contains(CONF_NORMAL);
        boolean restricted = scopes.contains(CONF_RESTRICTED);
        if (normal && restricted) {
            throw SpineException.badRequest("JWT requested_scope claim names both conf/N and conf/R");
        }
        // Elsewhere an absent confidentiality scope means conf/N; a migration must say which it wants
        if (MIGRATION.equals(reason) && !normal && !restricted) {
            throw SpineException.badRequest("JWT requested_scope claim '" + requestedScope
                    + "' names neither conf/N nor conf/R, which a migration needs");
        }
        return scopes;
    }

    private static JsonNode claim(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null) {
            throw SpineException.badRequest("JWT " + name + " claim is missing");
        }
        if (value.isNull()) {
            throw SpineException.badRequest("JWT " + name + " claim is null");
        }
        return value;
    }

    private static String string(JsonNode claims, String name) {
        JsonNode value = claim(claims, name);
        if (!value.isTextual()) {
            throw SpineException.badRequest("JWT " + name + " claim is not a string");
        }
        if (value.textValue().isBlank()) {
            throw SpineException.badRequest("Empty JWT " + name + " claim");
        }
        return value.textValue();
    }

    /** RFC 7519 NumericDate, which GP Connect makes an integer of seconds. */
    private static long numericDate(JsonNode claims, String name) {
        JsonNode value = claim(claims, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < 0 || value.longValue() > MAX_NUMERIC_DATE) {
            throw SpineException.badRequest("JWT " + name + " claim is not an integer number of seconds since 1970");
        }
        return value.longValue();
    }

    private static JsonNode object(JsonNode claims, String name) {
        JsonNode value = claim(claims, name);
        if (!value.isObject()) {
            throw SpineException.badRequest("JWT " + name + " claim is not a JSON object (a FHIR resource)");
        }
        return value;
    }
}
