package org.gpconnect.fhir.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.util.Base64URL;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unsigned bearer token a GP Connect consumer sends (cross-organisation audit and provenance):
 * header {"alg":"none","typ":"JWT"}, claims, empty signature and so a trailing '.'. Every default
 * passes {@link JwtValidator}, so a negative test changes exactly one thing with {@link #claim}.
 *
 * <p>{@link #dstu2()} and {@link #forHtml(String)} build the 0.x (Access Record: HTML 0.7.4) token
 * instead: fixed {@code aud}, a {@code requested_record}, and base DSTU2 resources.
 *
 * <p>The claims are written with Jackson rather than nimbus's {@code JWTClaimsSet} because the
 * latter rewrites {@code aud}, {@code exp} and {@code iat} to their RFC 7519 types, and negative
 * tests need to send exactly the wrong type (a numeric aud, a string exp, a JSON null).
 */
public final class ConsumerJwt {
    public static final String DEFAULT_ISSUER = "https://consumersupplier.thirdparty.nhs.uk/";
    public static final String DEFAULT_PRACTITIONER_ID = "1";
    public static final String DEFAULT_SDS_USER_ID = "G13579135";
    public static final String DEFAULT_SDS_ROLE_PROFILE_ID = "111111111";
    public static final String DEFAULT_ODS_CODE = "A11111";
    /** The token lifetime the specification fixes: exp SHALL be iat + 5 minutes. */
    public static final long LIFETIME_SECONDS = 300;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Written by hand so the header reads exactly as the specification prints it. */
    private static final String HEADER = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();

    /** Never handed out, so shared by every token; callers get copies from the static factories. */
    private static final ObjectNode DEVICE = requestingDevice();
    private static final ObjectNode ORGANIZATION = requestingOrganization();
    private static final ObjectNode PRACTITIONER = requestingPractitioner();
    private static final ObjectNode DSTU2_DEVICE = dstu2RequestingDevice();
    private static final ObjectNode DSTU2_ORGANIZATION = dstu2RequestingOrganization();
    private static final ObjectNode DSTU2_PRACTITIONER = dstu2RequestingPractitioner();

    private final String audience;
    private final boolean dstu2;
    /** 0.x only: the requested_record resource. */
    private ObjectNode requestedRecord;
    private String scope = "patient/*.read";
    private String reason = "directcare";
    private Instant issuedAt;
    private Instant expiresAt;
    /** Overrides of the defaults; a null value removes the claim. */
    private final Map<String, Object> overrides = new LinkedHashMap<>();

    private ConsumerJwt(String audience, boolean dstu2) {
        this.audience = audience;
        this.dstu2 = dstu2;
    }

    /** @param audience the provider's service root URL as SDS returns it ({@code aud}) */
    public static ConsumerJwt forAudience(String audience) {
        return new ConsumerJwt(audience, false);
    }

    /**
     * A 0.x token as a consumer sends it to read the conformance statement: {@code organization/*.read},
     * the requested record the consumer's own organisation (as the 0.7.4 suite does).
     */
    public static ConsumerJwt dstu2() {
        return new ConsumerJwt(JwtClaims.AUTHORIZATION_SERVER_TOKEN_URL, true).scope("organization/*.read")
                .requestedOrganization(DEFAULT_ODS_CODE);
    }

    /** A 0.x token for {@code $gpc.getcarerecord}: {@code patient/*.read} for the patient with this NHS number. */
    public static ConsumerJwt forHtml(String nhsNumber) {
        return dstu2().scope(JwtClaims.PATIENT_READ).requestedPatient(nhsNumber);
    }

    /** 0.x: {@code requested_record} is a Patient with this NHS number. */
    public ConsumerJwt requestedPatient(String nhsNumber) {
        ObjectNode patient = NODES.objectNode().put("resourceType", "Patient");
        patient.putArray("identifier").add(identifier(JwtClaims.DSTU2_NHS_NUMBER, nhsNumber));
        this.requestedRecord = patient;
        return this;
    }

    /** 0.x: {@code requested_record} is an Organization with this ODS code. */
    public ConsumerJwt requestedOrganization(String odsCode) {
        this.requestedRecord = requestedOrganizationResource(odsCode);
        return this;
    }

    /** {@code requested_scope}, space separated, e.g. {@code "patient/*.read conf/N"}. */
    public ConsumerJwt scope(String requestedScope) {
        this.scope = requestedScope;
        return this;
    }

    /** {@code reason_for_request}: {@code directcare} or {@code migration}. */
    public ConsumerJwt reason(String reasonForRequest) {
        this.reason = reasonForRequest;
        return this;
    }

    /** {@code iat}; when never set, the moment of {@link #encode()}. */
    public ConsumerJwt issuedAt(Instant iat) {
        this.issuedAt = iat;
        return this;
    }

    /** {@code exp}; when never set, iat + 300 s as the specification requires. */
    public ConsumerJwt expiresAt(Instant exp) {
        this.expiresAt = exp;
        return this;
    }

    /**
     * Sets, overrides or (with null) removes any claim. The value is written by Jackson: a String,
     * Number, Map, List or JsonNode; {@code NullNode.getInstance()} sends an explicit JSON null.
     */
    public ConsumerJwt claim(String name, Object valueOrNull) {
        overrides.put(name, valueOrNull);
        return this;
    }

    /** The compact token: base64url(header) '.' base64url(claims) '.'. */
    public String encode() {
        try {
            return HEADER + '.' + Base64URL.encode(JSON.writeValueAsBytes(claims())) + '.';
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A JWT claim cannot be written as JSON", e);
        }
    }

    /** The Authorization header value. */
    public String bearer() {
        return "Bearer " + encode();
    }

    private Map<String, Object> claims() {
        Instant iat = issuedAt != null ? issuedAt : Instant.now();
        Instant exp = expiresAt != null ? expiresAt : iat.plusSeconds(LIFETIME_SECONDS);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", DEFAULT_ISSUER);
        claims.put("sub", DEFAULT_PRACTITIONER_ID);
        claims.put("aud", audience);
        claims.put("exp", exp.getEpochSecond());
        claims.put("iat", iat.getEpochSecond());
        claims.put("reason_for_request", reason);
        claims.put("requested_scope", scope);
        claims.put("requesting_device", dstu2 ? DSTU2_DEVICE : DEVICE);
        claims.put("requesting_organization", dstu2 ? DSTU2_ORGANIZATION : ORGANIZATION);
        claims.put("requesting_practitioner", dstu2 ? DSTU2_PRACTITIONER : PRACTITIONER);
        if (requestedRecord != null) {
            claims.put(JwtClaims.REQUESTED_RECORD, requestedRecord);
        }
        overrides.forEach((name, value) -> {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
        });
        return claims;
    }

    /** A fresh default {@code requesting_device} (minimal base STU3 Device), for tests to alter. */
    public static ObjectNode requestingDevice() {
        ObjectNode device = NODES.objectNode().put("resourceType", "Device");
        device.putArray("identifier").add(identifier("https://consumersupplier.thirdparty.nhs.uk/Id/device-identifier", "GPConnectTestSystem"));
        device.put("model", "GP Connect Demonstrator");
        device.put("version", "1.6.2");
        return device;
    }

    /** A fresh default {@code requesting_organization} (minimal base STU3 Organization). */
    public static ObjectNode requestingOrganization() {
        ObjectNode organization = NODES.objectNode().put("resourceType", "Organization");
        organization.putArray("identifier").add(identifier(JwtClaims.ODS_ORGANIZATION_CODE, DEFAULT_ODS_CODE));
        organization.put("name", "Consumer Organisation Name");
        return organization;
    }

    /** A fresh default {@code requesting_practitioner} (minimal base STU3 Practitioner), id = sub. */
    public static ObjectNode requestingPractitioner() {
        ObjectNode practitioner = NODES.objectNode()
                .put("resourceType", "Practitioner")
                .put("id", DEFAULT_PRACTITIONER_ID);
        ArrayNode identifiers = practitioner.putArray("identifier");
        identifiers.add(identifier(JwtClaims.SDS_USER_ID, DEFAULT_SDS_USER_ID));
        identifiers.add(identifier(JwtClaims.SDS_ROLE_PROFILE_ID, DEFAULT_SDS_ROLE_PROFILE_ID));
        identifiers.add(identifier("https://consumersupplier.thirdparty.nhs.uk/Id/user-guid", "98ed4f78-814d-4266-8d5b-cde742f3093c"));
        ObjectNode name = practitioner.putArray("name").addObject();
        name.put("family", "Demonstrator");
        name.putArray("given").add("GPConnect");
        name.putArray("prefix").add("Dr");
        return practitioner;
    }

    /** A fresh default 0.x {@code requesting_device} (minimal base DSTU2 Device, with the id 0.7.4 asks for). */
    public static ObjectNode dstu2RequestingDevice() {
        ObjectNode device = NODES.objectNode().put("resourceType", "Device").put("id", "1");
        device.putArray("identifier").add(identifier("https://consumersupplier.thirdparty.nhs.uk/Id/device-identifier", "GPConnectTestSystem"));
        device.put("model", "GP Connect Demonstrator");
        device.put("version", "0.7.4");
        return device;
    }

    /** A fresh default 0.x {@code requesting_organization} (minimal base DSTU2 Organization). */
    public static ObjectNode dstu2RequestingOrganization() {
        ObjectNode organization = requestedOrganizationResource(DEFAULT_ODS_CODE).put("id", "1");
        organization.put("name", "Consumer Organisation Name");
        return organization;
    }

    /**
     * A fresh default 0.x {@code requesting_practitioner} (minimal base DSTU2 Practitioner): one name whose
     * family is an array, the 0.x SDS user id system, a local user id and an SDS job role.
     */
    public static ObjectNode dstu2RequestingPractitioner() {
        ObjectNode practitioner = NODES.objectNode()
                .put("resourceType", "Practitioner")
                .put("id", DEFAULT_PRACTITIONER_ID);
        ArrayNode identifiers = practitioner.putArray("identifier");
        identifiers.add(identifier(JwtClaims.DSTU2_SDS_USER_ID, DEFAULT_SDS_USER_ID));
        identifiers.add(identifier("https://consumersupplier.thirdparty.nhs.uk/Id/user-guid", "98ed4f78-814d-4266-8d5b-cde742f3093c"));
        ObjectNode name = practitioner.putObject("name");
        name.putArray("family").add("Demonstrator");
        name.putArray("given").add("GPConnect");
        name.putArray("prefix").add("Dr");
        ObjectNode coding = practitioner.putArray("practitionerRole").addObject().putObject("role").putArray("coding").addObject();
        coding.put("system", JwtClaims.DSTU2_SDS_JOB_ROLE_NAME).put("code", "R8000");
        return practitioner;
    }

    private static ObjectNode requestedOrganizationResource(String odsCode) {
        ObjectNode organization = NODES.objectNode().put("resourceType", "Organization");
        organization.putArray("identifier").add(identifier(JwtClaims.DSTU2_ODS_ORGANIZATION_CODE, odsCode));
        return organization;
    }

    private static ObjectNode identifier(String system, String value) {
        return NODES.objectNode().put("system", system).put("value", value);
    }
}
