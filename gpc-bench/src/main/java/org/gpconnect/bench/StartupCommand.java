package org.gpconnect.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code startup}: restart-to-first-answered-request time of a server command, over several runs. */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Start the command, poll --url every 20 ms until it answers 200, stop it; report each run and the median.")
final class StartupCommand implements Callable<Integer> {

    @Option(names = "--command", required = true, description = "Server command line, run in the working directory (no shell)")
    String command;

    @Option(names = "--url", required = true, description = "Metadata URL to poll, e.g. http://127.0.0.1:18080/B82617/STU3/1/gpconnect/metadata")
    String url;

    @Option(names = "--runs", defaultValue = "3", description = "Number of starts (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--timeout", defaultValue = "120s", description = "Give up on a run after (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--asid-to", defaultValue = "918999198738", description = "Ssp-To (default: ${DEFAULT-VALUE})")
    String asidTo;

    @Option(names = "--log", defaultValue = "gpc-bench-startup.log", description = "Server output is appended here (default: ${DEFAULT-VALUE})")
    Path log;

    @Option(names = "--json", description = "Also write the runs and median as JSON to this file")
    Path json;

    @Option(names = "--allow-remote", description = "Allow a --url that is not loopback")
    boolean allowRemote;

    record StartupResult(String command, String url, List<Double> runsMs, double medianMs) {
    }

    @Override
    public Integer call() throws Exception {
        URI uri;
        List<String> argv;
        try {
            uri = LoopbackGuard.check(url, allowRemote);
            argv = CommandSplitter.split(command);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (argv.isEmpty() || runs < 1) {
            System.err.println("--command must not be empty and --runs must be >= 1");
            return 2;
        }
        StartupProbe probe = new StartupProbe(argv, uri, asidTo, log, timeout);
        List<Double> times = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            if (probe.somethingAnswers()) {
                System.err.println("something already answers at " + uri + "; stop it first");
                return 1;
            }
            try {
                double ms = probe.measure(run);
                times.add(ms);
                System.out.printf(Locale.ROOT, "run %d: %.0f ms to first 200%n", run, ms);
            } catch (IOException e) {
                System.err.println("run " + run + " failed: " + e.getMessage());
                return 1;
            }
        }
        StartupResult result = new StartupResult(command, url, times, median(times));
        System.out.printf(Locale.ROOT, "median of %d: %.0f ms%n", times.size(), result.medianMs());
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        }
        return 0;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
