package org.gpconnect.bench;

import com.sun.net.httpserver.HttpServer;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short real run against an in-process server, with each client and each way of framing the
 * answer: the loop, the headers, the counters, the connections, the stop.
 */
class LoadRunTest {
    static {
        // com.sun.net.httpserver writes the head and the body separately; with Nagle on, the body waits
        // for the client's delayed ACK (40 ms) and the test would measure that. Read once, at first use.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private HttpServer server;
    private String root;
    /** How the server frames its answers: length (Content-Length), chunked, close (Connection: close). */
    private volatile String framing;
    private final Set<String> traceIds = ConcurrentHashMap.newKeySet();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Set<String> hosts = ConcurrentHashMap.newKeySet();
    private final Set<InetSocketAddress> peers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger badHeaders = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            var h = exchange.getRequestHeaders();
            boolean ok = "200000000359".equals(h.getFirst("Ssp-From"))
                    && "918999198738".equals(h.getFirst("Ssp-To"))
                    && InteractionCatalogue.SEARCH_PATIENT.equals(h.getFirst("Ssp-InteractionID"))
                    && "application/fhir+json".equals(h.getFirst("Accept"))
                    && h.getFirst("Authorization").startsWith("Bearer ")
                    && h.getFirst("Ssp-TraceID").matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            if (!ok) {
                badHeaders.incrementAndGet();
            }
            traceIds.add(h.getFirst("Ssp-TraceID"));
            tokens.add(h.getFirst("Authorization"));
            hosts.add(h.getFirst("Host"));
            peers.add(exchange.getRemoteAddress());
            // every other NHS number is "unknown", so errors are counted too
            boolean known = exchange.getRequestURI().getRawQuery().endsWith("%7C1");
            byte[] body = "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8);
            if ("close".equals(framing)) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            // 0 = chunked in com.sun.net.httpserver
            exchange.sendResponseHeaders(ok && known ? 200 : 404, "chunked".equals(framing) ? 0 : body.length);
            if ("chunked".equals(framing)) {
                exchange.getResponseBody().write(body, 0, 10);
                exchange.getResponseBody().flush();
                exchange.getResponseBody().write(body, 10, body.length - 10);
            } else {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        root = "http://127.0.0.1:" + server.getAddress().getPort() + "/B82617/STU3/1/gpconnect";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest(name = "{0} client, {1}")
    @CsvSource({"raw, length", "raw, chunked", "raw, close", "jdk, length", "jdk, chunked", "jdk, close"})
    void measuresOnlyAfterWarmupAndStopsByItself(String client, String framing) throws Exception {
        this.framing = framing;
        ClientKind kind = ClientKind.fromCli(client);
        GpcRequests builder = new GpcRequests(root, "918999198738", Scenario.PATIENT_SEARCH.interactionId, Duration.ofSeconds(5));
        // the first token loads Jackson; done here so that the warm-up really sends requests
        builder.bearer(java.time.Instant.now());
        long t0 = System.nanoTime();
        LoadResult r = new LoadRun(root, Scenario.PATIENT_SEARCH, Scenario.PATIENT_SEARCH.targets(root, List.of("1", "2")),
                builder, kind, false, 2, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(5)).execute();
        double elapsed = (System.nanoTime() - t0) / 1e9;

        assertThat(elapsed).isBetween(1.2, 4.0);
        assertThat(r.client()).isEqualTo(client);
        assertThat(r.requests()).isGreaterThan(10);
        assertThat(badHeaders.get()).isZero();
        assertThat(hosts).containsExactly("127.0.0.1:" + server.getAddress().getPort());
        // two clients alternate the two numbers, so half the answers are 404
        assertThat(r.errors()).isBetween(r.requests() / 2 - 2, r.requests() / 2 + 2);
        assertThat(r.errorKinds()).containsOnlyKeys("HTTP 404");
        assertThat(r.meanResponseBytes()).isEqualTo(25.0);
        assertThat(r.p50Ms()).isPositive().isLessThanOrEqualTo(r.p99Ms());
        assertThat(r.maxMs()).isGreaterThanOrEqualTo(r.p999Ms());
        // warm-up requests reached the server but are not in the count; every request had its own trace id
        assertThat((long) traceIds.size()).isGreaterThan(r.requests());
        assertThat(tokens).allMatch(t -> t.endsWith("."), "an unsigned JWT ends with an empty signature");
        // one token per client thread (two if a thread's token and the other's differ by their iat second)
        assertThat(tokens).hasSizeBetween(1, 2);
        if (kind == ClientKind.RAW) {
            long opened = r.connectionsOpened();
            if ("close".equals(framing)) {
                // a new connection for every request, warm-up included (client ports get reused, so not counted by peer)
                assertThat(opened).isEqualTo(traceIds.size());
                assertThat(peers).hasSizeGreaterThan(2);
            } else {
                assertThat(opened).isEqualTo(2);
                assertThat(peers).hasSize(2);
            }
        } else {
            assertThat(r.connectionsOpened()).isNull();
        }
    }

    @ParameterizedTest(name = "{0} client")
    @CsvSource({"raw", "jdk"})
    void freshTokenPerRequestWhenAsked(String client) throws Exception {
        framing = "length";
        GpcRequests builder = new GpcRequests(root, "918999198738", Scenario.PATIENT_SEARCH.interactionId, Duration.ofSeconds(5));
        // iat has a resolution of one second, so a run of 2.2 s shows at least 3 distinct tokens
        LoadResult r = new LoadRun(root, Scenario.PATIENT_SEARCH, Scenario.PATIENT_SEARCH.targets(root, List.of("1")),
                builder, ClientKind.fromCli(client), true, 1, Duration.ZERO, Duration.ofMillis(2200), Duration.ofSeconds(5)).execute();
        assertThat(r.freshTokenPerRequest()).isTrue();
        assertThat(r.errors()).isZero();
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(3);
    }
}
