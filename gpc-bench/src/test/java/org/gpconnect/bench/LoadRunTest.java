package org.gpconnect.bench;

import com.sun.net.httpserver.HttpServer;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** A short real run against an in-process server: the loop, the headers, the counters, the stop. */
class LoadRunTest {
    private HttpServer server;
    private String root;
    private final Set<String> traceIds = ConcurrentHashMap.newKeySet();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

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
                    && h.getFirst("Authorization").startsWith("Bearer ");
            traceIds.add(h.getFirst("Ssp-TraceID"));
            tokens.add(h.getFirst("Authorization"));
            // every other NHS number is "unknown", so errors are counted too
            boolean known = exchange.getRequestURI().getRawQuery().endsWith("%7C1");
            byte[] body = "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok && known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        root = "http://127.0.0.1:" + server.getAddress().getPort() + "/B82617/STU3/1/gpconnect";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void measuresOnlyAfterWarmupAndStopsByItself() throws Exception {
        GpcRequests builder = new GpcRequests(root, "918999198738", Scenario.PATIENT_SEARCH.interactionId, Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        LoadResult r = new LoadRun(root, Scenario.PATIENT_SEARCH, Scenario.PATIENT_SEARCH.targets(root, List.of("1", "2")),
                builder, 2, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(5)).execute();
        double elapsed = (System.nanoTime() - t0) / 1e9;

        assertThat(elapsed).isBetween(1.2, 4.0);
        assertThat(r.requests()).isGreaterThan(10);
        // two clients alternate the two numbers, so half the answers are 404
        assertThat(r.errors()).isBetween(r.requests() / 2 - 2, r.requests() / 2 + 2);
        assertThat(r.errorKinds()).containsOnlyKeys("HTTP 404");
        assertThat(r.meanResponseBytes()).isEqualTo(25.0);
        assertThat(r.p50Ms()).isPositive().isLessThanOrEqualTo(r.p99Ms());
        assertThat(r.maxMs()).isGreaterThanOrEqualTo(r.p999Ms());
        // warm-up requests reached the server but are not in the count
        assertThat((long) traceIds.size()).isGreaterThan(r.requests());
        assertThat(tokens).allMatch(t -> t.endsWith("."), "an unsigned JWT ends with an empty signature");
    }
}
