package org.gpconnect.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** Prints a {@link LoadResult} for people (a small table) and for scripts (JSON). */
final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    static void table(LoadResult r, PrintStream out) {
        out.printf(Locale.ROOT, "scenario %s, %d clients, warm-up %.0f s, measured %.1f s%n",
                r.scenario(), r.clients(), r.warmupSeconds(), r.measuredSeconds());
        out.printf(Locale.ROOT, "client %s, %s%n", r.client(),
                r.freshTokenPerRequest() ? "a new JWT per request" : "JWT per client thread, rebuilt every 60 s");
        out.printf(Locale.ROOT, "%-16s %16s%n", "metric", "value");
        row(out, "requests", String.valueOf(r.requests()));
        row(out, "errors", String.valueOf(r.errors()));
        row(out, "throughput", String.format(Locale.ROOT, "%.1f req/s", r.throughputPerSecond()));
        row(out, "p50", ms(r.p50Ms()));
        row(out, "p90", ms(r.p90Ms()));
        row(out, "p99", ms(r.p99Ms()));
        row(out, "p99.9", ms(r.p999Ms()));
        row(out, "max", ms(r.maxMs()));
        row(out, "mean", ms(r.meanMs()));
        row(out, "mean size", String.format(Locale.ROOT, "%.0f B", r.meanResponseBytes()));
        if (r.connectionsOpened() != null) {
            row(out, "connections", String.valueOf(r.connectionsOpened()));
        }
        r.errorKinds().forEach((kind, n) -> row(out, "  " + kind, String.valueOf(n)));
        if (r.census() != null) {
            ResponseCensus c = r.census();
            row(out, "resources", String.format(Locale.ROOT, "mean %.0f, max %d", c.meanResources(), c.maxResources()));
            row(out, "response size", String.format(Locale.ROOT, "mean %.0f KB, max %.0f KB", c.meanBytes() / 1024, c.maxBytes() / 1024.0));
            row(out, "  counted over", c.requests() + " distinct requests");
        }
    }

    static void json(LoadResult r, Path file) throws IOException {
        JSON.writeValue(file.toFile(), r);
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf(Locale.ROOT, "%-16s %16s%n", name, value);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.3f ms", value);
    }
}
