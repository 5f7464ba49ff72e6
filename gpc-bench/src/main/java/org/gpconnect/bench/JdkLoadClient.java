package org.gpconnect.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/**
 * {@code --client jdk}: java.net.http.HttpClient (HTTP/1.1, keep-alive), one client shared by all
 * threads (docs/benchmark.md has why), the request built with {@link HttpRequest.Builder}.
 */
final class JdkLoadClient implements LoadClient {
    private final HttpClient client;
    private final List<URI> targets;
    private final GpcRequests requests;
    private final BearerTokens tokens;
    private HttpRequest next;
    private long bodyBytes;

    private final List<byte[]> bodies;

    JdkLoadClient(HttpClient client, List<URI> targets, GpcRequests requests, BearerTokens tokens) {
        this(client, targets, null, requests, tokens);
    }

    /** @param bodies one body per target for POSTs, or null for GETs */
    JdkLoadClient(HttpClient client, List<URI> targets, List<byte[]> bodies, GpcRequests requests, BearerTokens tokens) {
        this.bodies = bodies;
        this.client = client;
        this.targets = targets;
        this.requests = requests;
        this.tokens = tokens;
    }

    @Override
    public void prepare(int target) {
        tokens.refresh();
        next = bodies == null ? requests.get(targets.get(target), UUID.randomUUID().toString(), tokens.bearer())
                : requests.post(targets.get(target), bodies.get(target), UUID.randomUUID().toString(), tokens.bearer());
    }

    @Override
    public int send() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(next, HttpResponse.BodyHandlers.ofByteArray());
        bodyBytes = response.body().length;
        return response.statusCode();
    }

    @Override
    public long bodyBytes() {
        return bodyBytes;
    }

    @Override
    public long connectionsOpened() {
        return -1;
    }

    @Override
    public void close() {
        // the shared HttpClient is LoadRun's to drop
    }
}
