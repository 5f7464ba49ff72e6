package org.gpconnect.bench;

import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One closed-loop client: send, read the whole body, send the next, until the deadline. Only
 * requests that start after the warm-up are counted; the counters are plain fields because they
 * are read only after {@link Thread#join}, which publishes them.
 */
final class ClientLoop implements Runnable {
    private final HttpClient client;
    private final GpcRequests builder;
    private final List<URI> targets;
    private final long measureFromNanos;
    private final long stopAtNanos;
    private int next;

    /** Latency of every answered request (any status), in microseconds. */
    final Recorder latencyMicros = new Recorder(3);
    /** Requests finished in the measured window: answered with any status, or failed in transport. */
    long completed;
    /** Of those, the ones that got an HTTP response: the denominator of the mean body size. */
    long answered;
    long errors;
    long bodyBytes;
    /** Errors by kind ("HTTP 404", "ConnectException") so a failing run says why. */
    final Map<String, Long> errorKinds = new HashMap<>();

    /** @param firstTarget where in {@code targets} this client starts, so clients do not move in lockstep */
    ClientLoop(HttpClient client, GpcRequests builder, List<URI> targets, int firstTarget,
               long measureFromNanos, long stopAtNanos) {
        this.client = client;
        this.builder = builder;
        this.targets = targets;
        this.next = firstTarget % targets.size();
        this.measureFromNanos = measureFromNanos;
        this.stopAtNanos = stopAtNanos;
    }

    @Override
    public void run() {
        while (!Thread.currentThread().isInterrupted()) {
            // The request (UUID, JWT) is built before the clock starts: it is consumer cost, not provider latency.
            HttpRequest request = builder.get(targets.get(next));
            next = (next + 1) % targets.size();
            long start = System.nanoTime();
            if (start - stopAtNanos >= 0) {
                return;
            }
            boolean measured = start - measureFromNanos >= 0;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long micros = Math.max(1, (System.nanoTime() - start) / 1_000);
                if (measured) {
                    latencyMicros.recordValue(micros);
                    completed++;
                    answered++;
                    bodyBytes += response.body().length;
                    if (response.statusCode() != 200) {
                        error("HTTP " + response.statusCode());
                    }
                }
            } catch (IOException e) {
                if (measured) {
                    completed++;
                    error(e.getClass().getSimpleName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void error(String kind) {
        errors++;
        errorKinds.merge(kind, 1L, Long::sum);
    }
}
