package org.gpconnect.bench;

import org.gpconnect.fhir.interaction.InteractionCatalogue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One "restart to first answered request" measurement: start the server process, poll its
 * metadata endpoint every 20 ms with real GP Connect headers, stop the process. A 200 is the
 * finish line because that is when a consumer could first be served, which a bare open port is not.
 */
final class StartupProbe {
    static final Duration POLL = Duration.ofMillis(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final List<String> command;
    private final URI url;
    private final GpcRequests metadata;
    private final Path log;
    private final Duration timeout;

    StartupProbe(List<String> command, URI url, String asidTo, Path log, Duration timeout) {
        this.command = command;
        this.url = url;
        String root = url.toString().replaceFirst("/metadata/?$", "");
        // each poll is short: the server is either not listening (refused at once) or answering
        this.metadata = new GpcRequests(root, asidTo, InteractionCatalogue.METADATA, Duration.ofSeconds(2));
        this.log = log;
        this.timeout = timeout;
    }

    /** Something already answering would make the measurement meaningless (and the new server fail to bind). */
    boolean somethingAnswers() throws InterruptedException {
        try {
            newClient().send(metadata.get(url), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return milliseconds from process start to the first 200 */
    double measure(int run) throws IOException, InterruptedException {
        Files.writeString(log, "=== gpc-bench startup run " + run + " at " + Instant.now() + ": " + command + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        // a fresh client per run: a pooled connection to the previous server would only fail
        HttpClient client = newClient();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = start + timeout.toNanos();
            int lastStatus = -1;
            while (System.nanoTime() - deadline < 0) {
                if (!process.isAlive()) {
                    throw new IOException("process exited with code " + process.exitValue() + " before answering; see " + log);
                }
                long pollStart = System.nanoTime();
                try {
                    HttpResponse<Void> response = client.send(metadata.get(url), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return (System.nanoTime() - start) / 1e6;
                    }
                    lastStatus = response.statusCode();
                } catch (IOException notYet) {
                    // not listening yet: the normal case until the server is up
                }
                long sleepNanos = POLL.toNanos() - (System.nanoTime() - pollStart);
                if (sleepNanos > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleepNanos);
                }
            }
            throw new IOException("no 200 from " + url + " within " + DurationConverter.format(timeout)
                    + (lastStatus > 0 ? " (last status " + lastStatus + ")" : "") + "; see " + log);
        } finally {
            stop(process);
        }
    }

    /**
     * Stops the process and everything it started: a launcher script may run java as a child, and
     * a survivor would hold the port. Descendants are listed first, as they leave the tree once
     * their parent dies.
     */
    static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            try {
                p.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                p.destroyForcibly();
            }
        }
        process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
    }
}
