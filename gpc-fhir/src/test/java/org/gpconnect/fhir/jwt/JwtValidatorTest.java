package org.gpconnect.fhir.jwt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.util.Base64URL;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.interaction.Interaction;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtValidatorTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final String AUD = "http://localhost:8080/B82617/STU3/1/gpconnect";
    private static final Interaction METADATA = interaction(InteractionCatalogue.METADATA);
    private static final Interaction STRUCTURED = interaction(InteractionCatalogue.GET_STRUCTURED_RECORD);
    private static final Interaction MIGRATE_STRUCTURED = interaction(InteractionCatalogue.MIGRATE_STRUCTURED_RECORD);
    private static final Interaction MIGRATE_DOCUMENT = interaction(InteractionCatalogue.MIGRATE_DOCUMENT);
    private static final Interaction DOCUMENTS_METADATA = interaction(InteractionCatalogue.DOCUMENTS_METADATA);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JwtValidator validator = new JwtValidator();

    private static Interaction interaction(String id) {
        return InteractionCatalogue.byId(id).orElseThrow();
    }

    /** A token the test suite sends for GET /metadata, issued now. */
    private static ConsumerJwt metadataToken() {
        return ConsumerJwt.forAudience(AUD).scope("organization/*.read").issuedAt(NOW);
    }

    private static ConsumerJwt migrationToken(String scope) {
        return ConsumerJwt.forAudience(AUD).scope(scope).reason("migration").issuedAt(NOW);
    }

    private RequestingParty validate(ConsumerJwt token) {
        return validator.validate(token.bearer(), METADATA, NOW);
    }

    private void assertRejected(String authorization, Interaction interaction, Instant now,
                                SpineErrorCode code, String diagnosticsNaming) {
        assertThatThrownBy(() -> validator.validate(authorization, interaction, now))
                .isInstanceOfSatisfying(SpineException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getStatusCode()).isEqualTo(code.httpStatus());
                    assertThat(e.diagnostics()).contains(diagnosticsNaming);
                });
    }

    private void assertBadRequest(ConsumerJwt token, String diagnosticsNaming) {
        assertRejected(token.bearer(), METADATA, NOW, SpineErrorCode.BAD_REQUEST, diagnosticsNaming);
        assertThat(SpineErrorCode.BAD_REQUEST.httpStatus()).isEqualTo(400);
    }

    private void assertInvalidResource(ConsumerJwt token, String claim) {
        assertRejected(token.bearer(), METADATA, NOW, SpineErrorCode.INVALID_RESOURCE, claim);
        assertThat(SpineErrorCode.INVALID_RESOURCE.httpStatus()).isEqualTo(422);
    }

    private static String encoded(String json) {
        return Base64URL.encode(json).toString();
    }

    private static String claimsPart() {
        return metadataToken().encode().split("\\.")[1];
    }

    @Nested
    class Accepted {
        @Test
        void theDefaultTokenYieldsTheRequestingPartyToAudit() {
            RequestingParty party = validate(metadataToken());

            assertThat(party.issuer()).isEqualTo("https://consumersupplier.thirdparty.nhs.uk/");
            assertThat(party.practitionerId()).isEqualTo("1");
            assertThat(party.sdsUserId()).isEqualTo("G13579135");
            assertThat(party.sdsRoleProfileId()).isEqualTo(ConsumerJwt.DEFAULT_SDS_ROLE_PROFILE_ID);
            assertThat(party.practitionerName()).isEqualTo("Dr GPConnect Demonstrator");
            assertThat(party.organisationOdsCode()).isEqualTo("A11111");
            assertThat(party.organisationName()).isEqualTo("Consumer Organisation Name");
            assertThat(party.deviceIdentifier())
                    .isEqualTo("https://consumersupplier.thirdparty.nhs.uk/Id/device-identifier|GPConnectTestSystem");
            assertThat(party.deviceModel()).isEqualTo("GP Connect Demonstrator");
            assertThat(party.deviceVersion()).isEqualTo("1.6.2");
            assertThat(party.reasonForRequest()).isEqualTo("directcare");
            assertThat(party.requestedScopes()).containsExactly("organization/*.read");
            assertThat(party.issuedAt()).isEqualTo(NOW);
            assertThat(party.expiresAt()).isEqualTo(NOW.plusSeconds(300));
            assertThat(party.restrictedConfidentiality()).isFalse();
        }

        @Test
        void theTokenIsTheUnsignedFormTheSpecPrints() {
            String token = metadataToken().encode();

            assertThat(token).startsWith(encoded("{\"alg\":\"none\",\"typ\":\"JWT\"}") + ".").endsWith(".");
            assertThat(token.split("\\.", -1)).hasSize(3);
            assertThat(metadataToken().bearer()).isEqualTo("Bearer " + token);
        }

        @Test
        void expiryExactlyThreeHundredSecondsAfterCreationUntilTheLastSecond() {
            assertThat(validator.validate(metadataToken().bearer(), METADATA, NOW.plusMillis(299_999))).isNotNull();
        }

        @Test
        void creationTimeTwoHundredSecondsInTheFuture() {
            assertThat(validate(metadataToken().issuedAt(NOW.plusSeconds(200))).issuedAt())
                    .isEqualTo(NOW.plusSeconds(200));
        }

        @Test
        void practitionerWithoutRoleProfileAndGuid() {
            ObjectNode practitioner = ConsumerJwt.requestingPractitioner();
            practitioner.putArray("identifier").addObject()
                    .put("system", JwtClaims.SDS_USER_ID).put("value", "GCASDS0001");

            RequestingParty party = validate(metadataToken().claim("requesting_practitioner", practitioner));

            assertThat(party.sdsUserId()).isEqualTo("GCASDS0001");
            assertThat(party.sdsRoleProfileId()).isNull();
        }

        @Test
        void unknownPractitionerSdsUserId() {
            ObjectNode practitioner = ConsumerJwt.requestingPractitioner();
            ((ObjectNode) practitioner.get("identifier").get(0)).put("value", "UNK");
            ((ObjectNode) practitioner.get("identifier").get(1)).put("value", "UNK");

            RequestingParty party = validate(metadataToken().claim("requesting_practitioner", practitioner));

            assertThat(party.sdsUserId()).isEqualTo("UNK");
            assertThat(party.sdsRoleProfileId()).isEqualTo("UNK");
        }

        @Test
        void legacyOdsOrganizationCodeSystem() {
            ObjectNode organization = ConsumerJwt.requestingOrganization();
            ((ObjectNode) organization.get("identifier").get(0)).put("system", JwtClaims.LEGACY_ODS_ORGANIZATION_CODE);

            assertThat(validate(metadataToken().claim("requesting_organization", organization)).organisationOdsCode())
                    .isEqualTo("A11111");
        }

        @Test
        void theTestSuitesDeviceWithoutModelOrVersionAndANonUrlSystem() {
            ObjectNode device = NODES.objectNode().put("resourceType", "Device");
            device.putArray("identifier").addObject().put("system", "GPConnectTestSystem").put("value", "Client");

            RequestingParty party = validate(metadataToken().claim("requesting_device", device));

            assertThat(party.deviceIdentifier()).isEqualTo("GPConnectTestSystem|Client");
            assertThat(party.deviceModel()).isNull();
        }

        @Test
        void practitionerNameAndOrganisationNameMayBeAbsent() {
            ObjectNode practitioner = ConsumerJwt.requestingPractitioner();
            practitioner.remove("name");
            ObjectNode organization = ConsumerJwt.requestingOrganization();
            organization.remove("name");

            RequestingParty party = validate(metadataToken()
                    .claim("requesting_practitioner", practitioner).claim("requesting_organization", organization));

            assertThat(party.practitionerName()).isNull();
            assertThat(party.organisationName()).isNull();
        }

        @Test
        void confidentialityScopeAlongsideTheInteractionScope() {
            RequestingParty party = validator.validate(ConsumerJwt.forAudience(AUD).scope("patient/*.read conf/N")
                    .issuedAt(NOW).bearer(), STRUCTURED, NOW);

            assertThat(party.requestedScopes()).containsExactlyInAnyOrder("patient/*.read", "conf/N");
            assertThat(party.restrictedConfidentiality()).isFalse();
        }

        @Test
        void repeatedAndExtraSpacesInRequestedScope() {
            RequestingParty party = validator.validate(ConsumerJwt.forAudience(AUD)
                    .scope("patient/*.read  patient/*.read conf/R").issuedAt(NOW).bearer(), STRUCTURED, NOW);

            assertThat(party.restrictedConfidentiality()).isTrue();
        }

        @Test
        void anyScopeWhereTheInteractionNamesNone() {
            assertThat(validator.validate(metadataToken().scope("anything").bearer(), DOCUMENTS_METADATA, NOW))
                    .isNotNull();
        }

        @Test
        void migrateStructuredRecordWithMigrationReasonAndEitherConfidentiality() {
            assertThat(validator.validate(migrationToken("patient/*.read conf/N").bearer(), MIGRATE_STRUCTURED, NOW)
                    .restrictedConfidentiality()).isFalse();
            assertThat(validator.validate(migrationToken("patient/*.read conf/R").bearer(), MIGRATE_STRUCTURED, NOW)
                    .restrictedConfidentiality()).isTrue();
        }

        @Test
        void migrateStructuredRecordWithoutRequestingPractitioner() {
            RequestingParty party = validator.validate(migrationToken("patient/*.read conf/R")
                    .claim("requesting_practitioner", null).bearer(), MIGRATE_STRUCTURED, NOW);

            assertThat(party.practitionerId()).isEqualTo("1");
            assertThat(party.sdsUserId()).isNull();
        }

        @Test
        void migrateDocumentAsTheTestSuiteSendsItAndAsAMigration() {
            String testSuite = ConsumerJwt.forAudience(AUD).scope("patient/*.read").issuedAt(NOW).bearer();
            assertThat(validator.validate(testSuite, MIGRATE_DOCUMENT, NOW).reasonForRequest()).isEqualTo("directcare");
            assertThat(validator.validate(migrationToken("patient/*.read conf/R").bearer(), MIGRATE_DOCUMENT, NOW)
                    .restrictedConfidentiality()).isTrue();
        }

        @Test
        void bearerSchemeInAnyCaseAndTheHeaderInEitherKeyOrder() {
            String reordered = encoded("{\"typ\":\"JWT\",\"alg\":\"none\"}") + "." + claimsPart() + ".";
            String minimal = encoded("{\"alg\":\"none\"}") + "." + claimsPart() + ".";

            assertThat(validator.validate("bearer " + metadataToken().encode(), METADATA, NOW)).isNotNull();
            assertThat(validator.validate("Bearer " + reordered, METADATA, NOW)).isNotNull();
            assertThat(validator.validate("Bearer " + minimal, METADATA, NOW)).isNotNull();
        }

        @Test
        void audIsNotComparedWithTheServersUrl() {
            assertThat(validate(metadataToken().claim("aud", "https://providersupplier.thirdparty.nhs.uk/GP0001/STU3/1")))
                    .isNotNull();
        }
    }

    @Nested
    class MalformedToken {
        @Test
        void authorizationHeaderMissing() {
            assertRejected(null, METADATA, NOW, SpineErrorCode.BAD_REQUEST, "Authorization");
            assertRejected(" ", METADATA, NOW, SpineErrorCode.BAD_REQUEST, "Authorization");
        }

        @Test
        void notABearerScheme() {
            assertRejected("Basic " + metadataToken().encode(), METADATA, NOW, SpineErrorCode.BAD_REQUEST, "Bearer");
            assertRejected(metadataToken().encode(), METADATA, NOW, SpineErrorCode.BAD_REQUEST, "Bearer");
            assertRejected("Bearer", METADATA, NOW, SpineErrorCode.BAD_REQUEST, "Bearer");
        }

        @Test
        void notBase64Encoded() {
            String raw = "Bearer {\"alg\":\"none\",\"typ\":\"JWT\"}.{\"iss\":\"x\"}.";
            assertRejected(raw, METADATA, NOW, SpineErrorCode.BAD_REQUEST, "base64url");
        }

        @Test
        void standardBase64AlphabetIsNotBase64Url() {
            String token = metadataToken().encode();
            String standard = "Bearer " + token.substring(0, token.length() - 2) + "+/.";
            assertRejected(standard, METADATA, NOW, SpineErrorCode.BAD_REQUEST, "base64url");
        }

        @Test
        void trailingDotMissing() {
            String token = metadataToken().encode();
            assertRejected("Bearer " + token.substring(0, token.length() - 1), METADATA, NOW,
                    SpineErrorCode.BAD_REQUEST, "trailing '.'");
        }

        @Test
        void signedToken() {
            String signed = encoded("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + claimsPart() + ".c2lnbmF0dXJl";
            assertRejected("Bearer " + signed, METADATA, NOW, SpineErrorCode.BAD_REQUEST, "unsigned");
            String signatureStripped = encoded("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + claimsPart() + ".";
            assertRejected("Bearer " + signatureStripped, METADATA, NOW, SpineErrorCode.BAD_REQUEST, "alg");
        }

        @Test
        void moreThanThreeParts() {
            assertRejected("Bearer " + metadataToken().encode() + "a.b", METADATA, NOW,
                    SpineErrorCode.BAD_REQUEST, "more than three parts");
        }

        @Test
        void headerTypeIsNotJwt() {
            String token = encoded("{\"alg\":\"none\",\"typ\":\"JOSE+JSON\"}") + "." + claimsPart() + ".";
            assertRejected("Bearer " + token, METADATA, NOW, SpineErrorCode.BAD_REQUEST, "typ");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "[\"iss\"]", "{\"iss\":\"a\"} {}", "", "{\"iss\":\"a\",\"iss\":\"b\"}"})
        void claimsNotASingleJsonObject(String claims) {
            String token = encoded("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encoded(claims) + ".";
            assertRejected("Bearer " + token, METADATA, NOW, SpineErrorCode.BAD_REQUEST, "claims");
        }

        @Test
        void headerNotJson() {
            String token = encoded("none") + "." + claimsPart() + ".";
            assertRejected("Bearer " + token, METADATA, NOW, SpineErrorCode.BAD_REQUEST, "header");
        }
    }

    @Nested
    class Claims {
        private static final List<String> ALL = List.of("iss", "sub", "aud", "exp", "iat", "reason_for_request",
                "requested_scope", "requesting_device", "requesting_organization", "requesting_practitioner");
        /** A value of the wrong JSON type for each claim. */
        private static final Map<String, Object> WRONG_TYPE = Map.of(
                "iss", 42, "sub", 1, "aud", List.of(AUD), "exp", String.valueOf(NOW.getEpochSecond() + 300),
                "iat", 1.714557600e9, "reason_for_request", true, "requested_scope", List.of("organization/*.read"),
                "requesting_device", "Device", "requesting_organization", List.of(), "requesting_practitioner", 7);

        @ParameterizedTest
        @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "reason_for_request", "requested_scope",
                "requesting_device", "requesting_organization", "requesting_practitioner"})
        void missing(String claim) {
            assertBadRequest(metadataToken().claim(claim, null), claim);
        }

        @ParameterizedTest
        @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "reason_for_request", "requested_scope",
                "requesting_device", "requesting_organization", "requesting_practitioner"})
        void jsonNull(String claim) {
            assertBadRequest(metadataToken().claim(claim, NullNode.getInstance()), claim);
        }

        @ParameterizedTest
        @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "reason_for_request", "requested_scope",
                "requesting_device", "requesting_organization", "requesting_practitioner"})
        void wrongJsonType(String claim) {
            assertBadRequest(metadataToken().claim(claim, WRONG_TYPE.get(claim)), claim);
        }

        @ParameterizedTest
        @ValueSource(strings = {"iss", "sub", "aud", "reason_for_request", "requested_scope"})
        void emptyString(String claim) {
            assertBadRequest(metadataToken().claim(claim, ""), "Empty JWT " + claim + " claim");
        }

        @Test
        void everyClaimIsCovered() {
            assertThat(WRONG_TYPE.keySet()).containsExactlyInAnyOrderElementsOf(ALL);
        }

        @Test
        void subDoesNotEqualRequestingPractitionerId() {
            assertBadRequest(metadataToken().claim("sub", "2"), "sub");
        }

        @Test
        void requestingPractitionerWithoutIdDoesNotMatchSub() {
            ObjectNode practitioner = ConsumerJwt.requestingPractitioner();
            practitioner.remove("id");
            assertBadRequest(metadataToken().claim("requesting_practitioner", practitioner), "sub");
        }

        @Test
        void migrationMayOmitThePractitionerButNotSendItNull() {
            assertRejected(migrationToken("patient/*.read conf/N").claim("requesting_practitioner", NullNode.getInstance())
                    .bearer(), MIGRATE_STRUCTURED, NOW, SpineErrorCode.BAD_REQUEST, "requesting_practitioner");
        }
    }

    @Nested
    class Lifetime {
        @ParameterizedTest
        @ValueSource(ints = {301, 299, -1, 0, 600})
        void expiryNotExactlyThreeHundredSecondsAfterCreation(int lifetime) {
            assertBadRequest(metadataToken().expiresAt(NOW.plusSeconds(lifetime)), "exp");
        }

        @Test
        void expiredAtExp() {
            assertRejected(metadataToken().bearer(), METADATA, NOW.plusSeconds(300), SpineErrorCode.BAD_REQUEST, "expired");
        }

        @Test
        void consumerClockSixHundredSecondsSlow() {
            assertBadRequest(metadataToken().issuedAt(NOW.minusSeconds(600)), "expired");
        }

        @Test
        void numericDatesOutOfRange() {
            assertBadRequest(metadataToken().claim("iat", -300).claim("exp", 0), "iat");
            assertBadRequest(metadataToken().claim("iat", Long.MAX_VALUE - 300).claim("exp", Long.MAX_VALUE), "exp");
        }
    }

    @Nested
    class ReasonForRequest {
        @Test
        void notDirectCare() {
            assertBadRequest(metadataToken().reason("notdirectcare"), "reason_for_request");
            assertBadRequest(metadataToken().reason("DirectCare"), "reason_for_request");
        }

        @Test
        void migrationOutsideAMigrateInteraction() {
            assertBadRequest(metadataToken().reason("migration").scope("organization/*.read conf/N"), "reason_for_request");
        }

        @Test
        void migrateStructuredRecordForDirectCare() {
            assertRejected(ConsumerJwt.forAudience(AUD).scope("patient/*.read conf/N").issuedAt(NOW).bearer(),
                    MIGRATE_STRUCTURED, NOW, SpineErrorCode.BAD_REQUEST, "reason_for_request");
        }

        @Test
        void migrateStructuredRecordForABadReason() {
            assertRejected(migrationToken("patient/*.read conf/R").reason("badReason").bearer(),
                    MIGRATE_STRUCTURED, NOW, SpineErrorCode.BAD_REQUEST, "reason_for_request");
        }
    }

    @Nested
    class RequestedScope {
        @Test
        void incorrectForTheInteraction() {
            assertBadRequest(metadataToken().scope("badScope"), "requested_scope");
            assertBadRequest(metadataToken().scope("patient/*.read"), "organization/*.read");
            assertRejected(ConsumerJwt.forAudience(AUD).scope("organization/*.read").issuedAt(NOW).bearer(),
                    STRUCTURED, NOW, SpineErrorCode.BAD_REQUEST, "patient/*.read");
        }

        @Test
        void scopeIsNotAPrefixMatch() {
            assertRejected(ConsumerJwt.forAudience(AUD).scope("patient/*.readwrite").issuedAt(NOW).bearer(),
                    STRUCTURED, NOW, SpineErrorCode.BAD_REQUEST, "requested_scope");
        }

        @Test
        void migrationWithoutConfidentiality() {
            assertRejected(migrationToken("patient/*.read").bearer(), MIGRATE_STRUCTURED, NOW,
                    SpineErrorCode.BAD_REQUEST, "conf/N");
            assertRejected(migrationToken("patient/*.read").bearer(), MIGRATE_DOCUMENT, NOW,
                    SpineErrorCode.BAD_REQUEST, "conf/N");
        }

        @Test
        void migrationWithoutPatientRead() {
            assertRejected(migrationToken("conf/N").bearer(), MIGRATE_STRUCTURED, NOW,
                    SpineErrorCode.BAD_REQUEST, "patient/*.read");
        }

        @Test
        void bothConfidentialities() {
            assertRejected(migrationToken("patient/*.read conf/N conf/R").bearer(), MIGRATE_STRUCTURED, NOW,
                    SpineErrorCode.BAD_REQUEST, "both");
        }
    }

    @Nested
    class RequestingDevice {
        @Test
        void wrongResourceType() {
            assertInvalidResource(metadataToken().claim("requesting_device",
                    ConsumerJwt.requestingDevice().put("resourceType", "Patient")), "requesting_device");
            assertInvalidResource(metadataToken().claim("requesting_device",
                    ConsumerJwt.requestingDevice().put("resourceType", "InvalidResourceType")), "requesting_device");
        }

        @Test
        void resourceTypeMissing() {
            ObjectNode device = ConsumerJwt.requestingDevice();
            device.remove("resourceType");
            assertInvalidResource(metadataToken().claim("requesting_device", device), "requesting_device");
        }

        @Test
        void elementDeviceDoesNotDefine() {
            assertInvalidResource(metadataToken().claim("requesting_device",
                    ConsumerJwt.requestingDevice().put("invalidField", "Assurance Testing")), "invalidField");
        }

        @Test
        void withoutIdentifier() {
            ObjectNode device = ConsumerJwt.requestingDevice();
            device.remove("identifier");
            assertInvalidResource(metadataToken().claim("requesting_device", device), "requesting_device");
        }

        @Test
        void identifierWithoutValue() {
            ObjectNode device = ConsumerJwt.requestingDevice();
            ((ObjectNode) device.get("identifier").get(0)).remove("value");
            assertInvalidResource(metadataToken().claim("requesting_device", device), "requesting_device");
        }

        @Test
        void identifierNotAnArray() {
            ObjectNode device = ConsumerJwt.requestingDevice();
            device.set("identifier", device.get("identifier").get(0));
            assertInvalidResource(metadataToken().claim("requesting_device", device), "identifier");
        }

        @Test
        void modelAndVersionNotStrings() {
            assertInvalidResource(metadataToken().claim("requesting_device",
                    ConsumerJwt.requestingDevice().put("model", 3)), "model");
            ObjectNode device = ConsumerJwt.requestingDevice();
            device.putObject("version").put("value", "1.6.2");
            assertInvalidResource(metadataToken().claim("requesting_device", device), "version");
        }

        @Test
        void nullElement() {
            assertInvalidResource(metadataToken().claim("requesting_device",
                    ConsumerJwt.requestingDevice().putNull("model")), "model");
        }
    }

    @Nested
    class RequestingOrganization {
        @Test
        void wrongResourceType() {
            assertInvalidResource(metadataToken().claim("requesting_organization",
                    ConsumerJwt.requestingOrganization().put("resourceType", "Patient")), "requesting_organization");
        }

        @Test
        void withoutOdsCodeIdentifier() {
            ObjectNode organization = ConsumerJwt.requestingOrganization();
            ((ObjectNode) organization.get("identifier").get(0)).put("system", "https://example.org/Id/org");
            assertInvalidResource(metadataToken().claim("requesting_organization", organization), "ods-organization-code");
        }

        @Test
        void withoutIdentifier() {
            ObjectNode organization = ConsumerJwt.requestingOrganization();
            organization.remove("identifier");
            assertInvalidResource(metadataToken().claim("requesting_organization", organization), "ods-organization-code");
        }

        @Test
        void odsCodeEmpty() {
            ObjectNode organization = ConsumerJwt.requestingOrganization();
            ((ObjectNode) organization.get("identifier").get(0)).put("value", "");
            assertInvalidResource(metadataToken().claim("requesting_organization", organization), "value");
        }

        @Test
        void elementOrganizationDoesNotDefine() {
            assertInvalidResource(metadataToken().claim("requesting_organization",
                    ConsumerJwt.requestingOrganization().put("odsCode", "A11111")), "odsCode");
        }

        @Test
        void identifierElementIdentifierDoesNotDefine() {
            ObjectNode organization = ConsumerJwt.requestingOrganization();
            ((ObjectNode) organization.get("identifier").get(0)).put("code", "A11111");
            assertInvalidResource(metadataToken().claim("requesting_organization", organization), "code");
        }
    }

    @Nested
    class RequestingPractitioner {
        @Test
        void wrongResourceType() {
            assertInvalidResource(metadataToken().claim("requesting_practitioner",
                    ConsumerJwt.requestingPractitioner().put("resourceType", "Patient")), "requesting_practitioner");
        }

        @Test
        void withoutSdsUserId() {
            ObjectNode practitioner = ConsumerJwt.requestingPractitioner();
            ArrayNode identifiers = (ArrayNode) practitioner.get("identifier");
            identifiers.remove(0);
            assertInvalidResource(metadataToken().claim("requesting_practitioner", practitioner), "sds-user-id");
        }

        @Test
        void withoutIdentifier() {
            ObjectNode practitioner = ConsumerJwt.requestingPractitioner();
            practitioner.remove("identifier");
            assertInvalidResource(metadataToken().claim("requesting_practitioner", practitioner), "sds-user-id");
        }

        @Test
        void sdsUserIdWithoutValue() {
            ObjectNode practitioner = ConsumerJwt.requestingPractitioner();
            ((ObjectNode) practitioner.get("identifier").get(0)).remove("value");
            assertInvalidResource(metadataToken().claim("requesting_practitioner", practitioner), "sds-user-id");
        }

        @Test
        void nameNotAnArrayOfHumanNames() {
            ObjectNode practitioner = ConsumerJwt.requestingPractitioner();
            practitioner.putObject("name").put("family", "Demonstrator");
            assertInvalidResource(metadataToken().claim("requesting_practitioner", practitioner), "name");
        }

        @Test
        void givenNameNotAnArray() {
            ObjectNode practitioner = ConsumerJwt.requestingPractitioner();
            ((ObjectNode) practitioner.get("name").get(0)).put("given", "GPConnect");
            assertInvalidResource(metadataToken().claim("requesting_practitioner", practitioner), "given");
        }

        @Test
        void familyNameNotAString() {
            ObjectNode practitioner = ConsumerJwt.requestingPractitioner();
            ((ObjectNode) practitioner.get("name").get(0)).putArray("family").add("Demonstrator");
            assertInvalidResource(metadataToken().claim("requesting_practitioner", practitioner), "family");
        }

        @Test
        void validatedWhenAMigrationSendsIt() {
            assertRejected(migrationToken("patient/*.read conf/N").claim("requesting_practitioner",
                            ConsumerJwt.requestingPractitioner().put("resourceType", "Patient")).bearer(),
                    MIGRATE_STRUCTURED, NOW, SpineErrorCode.INVALID_RESOURCE, "requesting_practitioner");
        }
    }
}
