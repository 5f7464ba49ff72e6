package org.gpconnect.bench;

import java.net.URI;
import java.util.Set;

/**
 * Refuses targets off this machine: a load generator pointed at a shared environment by a typo
 * is a denial of service, so leaving loopback takes an explicit --allow-remote.
 */
final class LoopbackGuard {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private LoopbackGuard() {
    }

    /** Returns the parsed URI, or throws with a message fit for the user. */
    static URI check(String url, boolean allowRemote) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http(s) URLs are supported: " + url);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        if (!allowRemote && !LOOPBACK.contains(host.toLowerCase())) {
            throw new IllegalArgumentException("refusing non-loopback host '" + host
                    + "' (only 127.0.0.1, localhost, ::1); pass --allow-remote if you really mean it");
        }
        return uri;
    }
}
