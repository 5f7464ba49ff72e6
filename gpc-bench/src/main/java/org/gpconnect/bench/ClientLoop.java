package org.gpconnect.bench;

import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One closed-loop client: send, read the whole body, send the next, until the deadline. Only
 * requests that start after the warm-up are counted; the counters are plain fields because they
 * are read only after {@link Thread#join}, which publishes them.
 */
final class ClientLoop implements Runnable {
    private final LoadClient client;
    private final int targetCount;
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
    /** TCP connections the client opened over the whole run (warm-up included), -1 if unknown (or the loop never ended). */
    long connectionsOpened = -1;
    /** Errors by kind ("HTTP 404", "ConnectException") so a failing run says why. */
    final Map<String, Long> errorKinds = new HashMap<>();

    /** @param firstTarget where in the targets this client starts, so clients do not move in lockstep */
    ClientLoop(LoadClient client, int targetCount, int firstTarget, long measureFromNanos, long stopAtNanos) {
        this.client = client;
        this.targetCount = targetCount;
        this.next = firstTarget % targetCount;
        this.measureFromNanos = measureFromNanos;
        this.stopAtNanos = stopAtNanos;
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            connectionsOpened = client.connectionsOpened();
            client.close();
        }
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            // The request (trace id, token) is built before the clock starts: it is consumer cost, not provider latency.
            client.prepare(next);
            next = next + 1 == targetCount ? 0 : next + 1;
            long start = System.nanoTime();
            if (start - stopAtNanos >= 0) {
                return;
            }
            boolean measured = start - measureFromNanos >= 0;
            try {
                int status = client.send();
                long micros = Math.max(1, (System.nanoTime() - start) / 1_000);
                if (measured) {
                    latencyMicros.recordValue(micros);
                    completed++;
                    answered++;
                    bodyBytes += client.bodyBytes();
                    if (status != 200) {
                        error("HTTP " + status);
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
