package org.gpconnect.fhir.jwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.nimbusds.jose.util.Base64URL;
import org.gpconnect.fhir.error.SpineException;

import java.io.IOException;
import java.util.Base64;
import java.util.Set;

/**
 * Unwraps {@code Authorization: Bearer <token>} into the token's claims, accepting only the
 * unsecured form GP Connect uses: header {@code {"alg":"none","typ":"JWT"}}, empty signature.
 * Every failure is 400 BAD_REQUEST.
 */
final class BearerToken {
    private static final String SCHEME = "Bearer ";
    /** The header as GP Connect consumers write it (either key order), so most requests skip parsing it. */
    private static final Set<String> USUAL_HEADERS = Set.of(
            Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString(),
            Base64URL.encode("{\"typ\":\"JWT\",\"alg\":\"none\"}").toString());
    /** Strict: a duplicated claim would let two readers of one token see different values. */
    private static final ObjectReader JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readerFor(JsonNode.class);
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private BearerToken() {}

    /** The claims set of the token in an Authorization header value; always a JSON object. */
    static JsonNode claims(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw SpineException.badRequest("Authorization header with a bearer JWT is missing");
        }
        String value = authorization.strip();
        // RFC 7235: the auth-scheme is case-insensitive
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw SpineException.badRequest("Authorization header is not \"Bearer <JWT>\"");
        }
        String token = value.substring(SCHEME.length()).strip();
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0) {
            throw SpineException.badRequest("JWT is not three base64url parts separated by '.' (the trailing '.' is required)");
        }
        if (secondDot != token.length() - 1) {
            throw SpineException.badRequest(token.indexOf('.', secondDot + 1) >= 0
                    ? "JWT has more than three parts"
                    : "JWT has a signature: GP Connect tokens are unsigned (alg none) and end with '.'");
        }
        String header = token.substring(0, firstDot);
        if (!USUAL_HEADERS.contains(header)) {
            checkHeader(parse(header, "header"));
        }
        JsonNode claims = parse(token.substring(firstDot + 1, secondDot), "claims");
        if (!claims.isObject()) {
            throw SpineException.badRequest("JWT claims are not a JSON object");
        }
        return claims;
    }

    private static void checkHeader(JsonNode header) {
        JsonNode alg = header.get("alg");
        if (!header.isObject() || alg == null || !"none".equals(alg.textValue())) {
            throw SpineException.badRequest("JWT header alg is not \"none\": GP Connect tokens are unsigned");
        }
        JsonNode typ = header.get("typ");
        if (typ != null && (!typ.isTextual() || !"JWT".equalsIgnoreCase(typ.textValue()))) {
            throw SpineException.badRequest("JWT header typ is not \"JWT\"");
        }
    }

    private static JsonNode parse(String part, String name) {
        byte[] json;
        try {
            json = BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw SpineException.badRequest("JWT " + name + " is not base64url encoded");
        }
        JsonNode node;
        try {
            node = JSON.readValue(json);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            throw SpineException.badRequest("JWT " + name + " is not valid JSON");
        }
        return node;
    }
}
