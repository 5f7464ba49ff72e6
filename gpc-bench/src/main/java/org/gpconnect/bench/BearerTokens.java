package org.gpconnect.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One client thread's bearer token. A real consumer builds a JWT per request; the provider's work
 * does not depend on whether it did (it parses and checks whatever token arrives), but building
 * the claims JSON and its base64 on every request is load-generator CPU taken from the provider on
 * a shared machine. So by default a token is built, reused, and rebuilt every
 * {@link #REBUILD_EVERY}: with iat = build time and exp = iat + 300 s it is always valid when sent.
 * {@code fresh} restores one new token per request.
 */
final class BearerTokens {
    static final Duration REBUILD_EVERY = Duration.ofSeconds(60);

    private final GpcRequests requests;
    private final boolean fresh;
    private final Clock wallClock;
    private final LongSupplier nanoClock;
    private String bearer;
    private byte[] bytes;
    private long builtAtNanos;
    /** Tokens built so far. */
    long builds;

    BearerTokens(GpcRequests requests, boolean freshPerRequest) {
        this(requests, freshPerRequest, Clock.systemUTC(), System::nanoTime);
    }

    BearerTokens(GpcRequests requests, boolean freshPerRequest, Clock wallClock, LongSupplier nanoClock) {
        this.requests = requests;
        this.fresh = freshPerRequest;
        this.wallClock = wallClock;
        this.nanoClock = nanoClock;
    }

    /**
     * Call once per request, before {@link #bearer()}: builds a new token when the current one is
     * due (always, when fresh per request).
     *
     * @return whether the token changed, so a client that pre-encoded it must do so again
     */
    boolean refresh() {
        long now = nanoClock.getAsLong();
        if (bearer != null && !fresh && now - builtAtNanos < REBUILD_EVERY.toNanos()) {
            return false;
        }
        bearer = requests.bearer(wallClock.instant());
        bytes = null;
        builtAtNanos = now;
        builds++;
        return true;
    }

    /** The Authorization header value. */
    String bearer() {
        return bearer;
    }

    /** The same, as US-ASCII bytes (a JWT is base64url and dots). */
    byte[] bearerBytes() {
        if (bytes == null) {
            bytes = bearer.getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }
}
