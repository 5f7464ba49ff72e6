package org.gpconnect.provider.viewer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Chromium (Debian's {@code chromium}) for the browser tests. ./test installs it; when a
 * test runs without it, the first use tries apt-get once, and a browser test that still has no
 * browser fails, saying why: it never quietly skips.
 */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 60;
    private static final long INSTALL_TIMEOUT_SECONDS = 900;
    private static boolean installTried;

    private Chromium() {
    }

    /** Saves a PNG of the page as a 1280x2000 window shows it. */
    static void screenshot(String url, Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("--screenshot=" + png.toAbsolutePath(), url);
    }

    /** The DOM after the page has loaded, as Chromium serialises it. */
    static String dumpDom(String url) {
        return run("--dump-dom", url);
    }

    private static String run(String action, String url) {
        ensureInstalled();
        Path userData;
        try {
            userData = Files.createTempDirectory("gpc-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
                    "--disable-sync",
                    // containers give /dev/shm 64 MB, which a 2000-pixel-high page can exhaust
                    "--disable-dev-shm-usage",
                    "--user-data-dir=" + userData, "--window-size=1280,2000", action, url));
            Outcome outcome = execute(command, Map.of("HOME", userData.toString()), TIMEOUT_SECONDS);
            if (outcome.exitCode() != 0) {
                fail("chromium " + action + " " + url + " exited with " + outcome.exitCode() + ":\n" + outcome.stderrTail());
            }
            return outcome.stdout();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(userData);
        }
    }

    private static void deleteTree(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a profile left in the temp folder harms nothing
        }
    }

    private static synchronized void ensureInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String tried = "";
        if (!installTried) {
            installTried = true;
            Outcome install = install();
            tried = "\napt-get said:\n" + install.stderrTail() + install.stdoutTail();
        }
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " is missing and could not be installed (the browser test needs Debian's chromium: "
                    + "run ./test as root, or apt-get install -y chromium)." + tried);
        }
    }

    private static Outcome install() {
        Map<String, String> quiet = Map.of("DEBIAN_FRONTEND", "noninteractive");
        List<String> install = List.of("apt-get", "install", "-y", "-qq", "chromium");
        try {
            Outcome first = execute(install, quiet, INSTALL_TIMEOUT_SECONDS);
            if (first.exitCode() == 0) {
                return first;
            }
            // a fresh machine's package lists may be empty or stale
            execute(List.of("apt-get", "update", "-qq"), quiet, INSTALL_TIMEOUT_SECONDS);
            return execute(install, quiet, INSTALL_TIMEOUT_SECONDS);
        } catch (IOException e) {
            return new Outcome(-1, "", "could not run apt-get: " + e);
        }
    }

    private record Outcome(int exitCode, String stdout, String stderr) {
        String stderrTail() { return tail(stderr); }
        String stdoutTail() { return tail(stdout); }

        private static String tail(String text) {
            return text.length() <= 4_000 ? text : "..." + text.substring(text.length() - 4_000);
        }
    }

    /** Runs to the end or is killed (with its children: Chromium forks) when the time is up. */
    private static Outcome execute(List<String> command, Map<String, String> environment, long timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("gpc-process", ".out");
        Path err = Files.createTempFile("gpc-process", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s and was killed:\n"
                        + new Outcome(-1, "", Files.readString(err, StandardCharsets.UTF_8)).stderrTail());
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
