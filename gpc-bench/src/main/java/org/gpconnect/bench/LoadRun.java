package org.gpconnect.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Starts N {@link ClientLoop}s on one shared clock, waits for them, merges what they recorded. */
final class LoadRun {
    private final String base;
    private final Scenario scenario;
    private final List<URI> targets;
    private final List<byte[]> bodies;
    private final GpcRequests builder;
    private final ClientKind kind;
    private final boolean freshTokens;
    private final int clients;
    private final Duration warmup;
    private final Duration duration;
    private final Duration requestTimeout;

    /**
     * @param kind        how the loops speak HTTP
     * @param freshTokens a new JWT per request instead of one per thread rebuilt every minute
     */
    LoadRun(String base, Scenario scenario, List<URI> targets, GpcRequests builder, ClientKind kind,
            boolean freshTokens, int clients, Duration warmup, Duration duration, Duration requestTimeout) {
        this(base, scenario, targets, null, builder, kind, freshTokens, clients, warmup, duration, requestTimeout);
    }

    /** @param bodies one request body per target (POST scenarios), or null */
    LoadRun(String base, Scenario scenario, List<URI> targets, List<byte[]> bodies, GpcRequests builder, ClientKind kind,
            boolean freshTokens, int clients, Duration warmup, Duration duration, Duration requestTimeout) {
        this.bodies = bodies;
        this.base = base;
        this.scenario = scenario;
        this.targets = targets;
        this.builder = builder;
        this.kind = kind;
        this.freshTokens = freshTokens;
        this.clients = clients;
        this.warmup = warmup;
        this.duration = duration;
        this.requestTimeout = requestTimeout;
    }

    LoadResult execute() throws InterruptedException {
        // jdk: one client shared by all loops, its async work on a fixed pool of one thread per loop.
        // Measured on 2 cores against a keep-alive stub (docs/benchmark.md): about twice the
        // throughput of one client per thread, each of which brings its own selector thread and
        // cached pool; the default cached executor came in between.
        ExecutorService pool = kind == ClientKind.JDK ? Executors.newFixedThreadPool(clients, daemon()) : null;
        HttpClient shared = pool != null ? newClient(pool) : null;
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long stopAt = measureFrom + duration.toNanos();
        List<ClientLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            BearerTokens tokens = new BearerTokens(builder, freshTokens);
            LoadClient client = kind == ClientKind.RAW ? new RawLoadClient(targets, bodies, builder, tokens)
                    : new JdkLoadClient(shared, targets, bodies, builder, tokens);
            ClientLoop loop = new ClientLoop(client, targets.size(), i, measureFrom, stopAt);
            Thread thread = new Thread(loop, "gpc-bench-client-" + i);
            thread.setDaemon(true);
            loops.add(loop);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        // A request started just before the deadline may run for the whole request timeout, no longer.
        long joinBy = stopAt + requestTimeout.toNanos() + Duration.ofSeconds(2).toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
            thread.interrupt();
        }
        long end = System.nanoTime();
        if (pool != null) {
            pool.shutdownNow();
        }
        return merge(loops, (end - measureFrom) / 1e9);
    }

    private LoadResult merge(List<ClientLoop> loops, double measuredSeconds) {
        Histogram micros = new Histogram(3);
        long requests = 0;
        long errors = 0;
        long answered = 0;
        long bytes = 0;
        long connections = 0;
        Map<String, Long> kinds = new HashMap<>();
        for (ClientLoop loop : loops) {
            connections = connections < 0 || loop.connectionsOpened < 0 ? -1 : connections + loop.connectionsOpened;
            micros.add(loop.latencyMicros.getIntervalHistogram());
            requests += loop.completed;
            errors += loop.errors;
            answered += loop.answered;
            bytes += loop.bodyBytes;
            loop.errorKinds.forEach((k, n) -> kinds.merge(k, n, Long::sum));
        }
        return LoadResult.of(base, scenario.cliName, kind.cliName, freshTokens, clients, warmup.toMillis() / 1e3,
                measuredSeconds, requests, errors, answered, bytes, connections < 0 ? null : connections, micros, kinds);
    }

    private HttpClient newClient(ExecutorService executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "gpc-bench-http");
            t.setDaemon(true);
            return t;
        };
    }
}
