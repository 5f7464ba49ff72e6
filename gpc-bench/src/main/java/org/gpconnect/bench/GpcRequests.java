package org.gpconnect.bench;

import org.gpconnect.fhir.interaction.Interaction;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.fhir.jwt.ConsumerJwt;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds GET requests the way a real GP Connect consumer sends them through the Spine Secure Proxy:
 * a fresh trace id and a fresh JWT on every request, so the provider does the same per-request work
 * (header checks, JWT parse and audit) it will do in production.
 */
final class GpcRequests {
    /** The consumer ASID the GP Connect demonstrator and test harnesses use. */
    static final String FROM_ASID = "200000000359";

    private final String serviceRoot;
    private final String asidTo;
    private final String interactionId;
    private final String scope;
    private final Duration timeout;

    /**
     * @param serviceRoot the provider's service root, the JWT audience
     * @param interactionId one of {@link InteractionCatalogue}'s ids; its scope goes in the JWT
     */
    GpcRequests(String serviceRoot, String asidTo, String interactionId, Duration timeout) {
        Interaction interaction = InteractionCatalogue.byId(interactionId)
                .orElseThrow(() -> new IllegalArgumentException("unknown interaction " + interactionId));
        this.serviceRoot = serviceRoot;
        this.asidTo = asidTo;
        this.interactionId = interactionId;
        this.scope = interaction.scope();
        this.timeout = timeout;
    }

    HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri)
                .GET()
                .timeout(timeout)
                .header("Ssp-TraceID", UUID.randomUUID().toString())
                .header("Ssp-From", FROM_ASID)
                .header("Ssp-To", asidTo)
                .header("Ssp-InteractionID", interactionId)
                .header("Authorization", ConsumerJwt.forAudience(serviceRoot)
                        .scope(scope).reason("directcare").issuedAt(Instant.now()).bearer())
                .header("Accept", "application/fhir+json")
                .build();
    }

    /** "http://h/x/" and "http://h/x" name the same service root; the JWT audience must not differ. */
    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
