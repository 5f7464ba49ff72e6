package org.gpconnect.bench;

import org.gpconnect.fhir.interaction.FhirRelease;
import org.gpconnect.fhir.interaction.Interaction;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.fhir.jwt.ConsumerJwt;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The GET requests a real GP Connect consumer sends through the Spine Secure Proxy: a trace id,
 * the Spine headers, and a consumer JWT. The one place that knows the header names and values;
 * the load clients ({@link RawLoadClient}, {@link JdkLoadClient}) take them from here and differ
 * only in how they put them on the wire.
 */
final class GpcRequests {
    /** The consumer ASID the GP Connect demonstrator and test harnesses use. */
    static final String FROM_ASID = "200000000359";
    private final String serviceRoot;
    private final String interactionId;
    private final String scope;
    private final Duration timeout;
    private final FhirRelease release;
    private final String requestedPatient;
    private final Map<String, String> fixedHeaders = new LinkedHashMap<>();

    /**
     * @param serviceRoot the provider's service root, the JWT audience
     * @param interactionId one of {@link InteractionCatalogue}'s ids; its scope goes in the JWT
     */
    GpcRequests(String serviceRoot, String asidTo, String interactionId, Duration timeout) {
        this(serviceRoot, asidTo, interactionId, timeout, null);
    }

    /** @param requestedPatient 0.x: the NHS number the JWT's requested_record names */
    GpcRequests(String serviceRoot, String asidTo, String interactionId, Duration timeout, String requestedPatient) {
        Interaction interaction = InteractionCatalogue.byId(interactionId)
                .orElseThrow(() -> new IllegalArgumentException("unknown interaction " + interactionId));
        this.serviceRoot = serviceRoot;
        this.interactionId = interactionId;
        this.scope = interaction.scope();
        this.timeout = timeout;
        this.release = interaction.root().release();
        this.requestedPatient = requestedPatient;
        fixedHeaders.put("Ssp-From", FROM_ASID);
        fixedHeaders.put("Ssp-To", asidTo);
        fixedHeaders.put("Ssp-InteractionID", interactionId);
        fixedHeaders.put("Accept", release.jsonMediaType());
    }

    /** A request with a fresh trace id and a fresh JWT (preflight, patient id lookup, startup polls). */
    HttpRequest get(URI uri) {
        return get(uri, UUID.randomUUID().toString(), bearer(Instant.now()));
    }

    HttpRequest get(URI uri, String traceId, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(timeout);
        fixedHeaders.forEach(b::header);
        return b.header("Ssp-TraceID", traceId)
                .header("Authorization", authorization)
                .build();
    }

    HttpRequest post(URI uri, byte[] body, String traceId, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(timeout);
        fixedHeaders.forEach(b::header);
        return b.header("Ssp-TraceID", traceId)
                .header("Authorization", authorization)
                .header("Content-Type", release.jsonMediaType())
                .build();
    }

    HttpRequest put(URI uri, byte[] body, String traceId, String authorization, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(timeout);
        fixedHeaders.forEach(b::header);
        return b.header("Ssp-TraceID", traceId)
                .header("Authorization", authorization)
                .header("Content-Type", release.jsonMediaType())
                .header("If-Match", ifMatch)
                .build();
    }

    /** A POST with a fresh trace id and JWT (preflight). */
    HttpRequest post(URI uri, byte[] body) {
        return post(uri, body, UUID.randomUUID().toString(), bearer(Instant.now()));
    }

    /** The JSON media type of the interaction's release: what is accepted and what a body is sent as. */
    String mediaType() {
        return release.jsonMediaType();
    }

    /** The headers that are the same on every request of this interaction, in sending order. */
    Map<String, String> fixedHeaders() {
        return fixedHeaders;
    }

    /** The Authorization value: "Bearer " + an unsigned consumer JWT issued at iat, exp = iat + 300 s. */
    String bearer(Instant iat) {
        if (release == FhirRelease.DSTU2) {
            ConsumerJwt token = requestedPatient != null ? ConsumerJwt.forHtml(requestedPatient) : ConsumerJwt.dstu2();
            return token.issuedAt(iat).bearer();
        }
        return ConsumerJwt.forAudience(serviceRoot).scope(scope).reason("directcare").issuedAt(iat).bearer();
    }

    String interactionId() {
        return interactionId;
    }

    Duration timeout() {
        return timeout;
    }

    /** "http://h/x/" and "http://h/x" name the same service root; the JWT audience must not differ. */
    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
