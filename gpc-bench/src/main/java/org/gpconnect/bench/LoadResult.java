package org.gpconnect.bench;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@code run} measured; also the shape of {@code --json}. Latencies are of requests
 * answered with any status, so an error-heavy run is visible in {@code errors}, not hidden in
 * the percentiles.
 */
record LoadResult(String base, String scenario, String client, boolean freshTokenPerRequest, int clients,
                  double warmupSeconds, double measuredSeconds,
                  long requests, long errors, double throughputPerSecond,
                  double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs, double meanMs,
                  double meanResponseBytes, Long connectionsOpened, Map<String, Long> errorKinds,
                  ResponseCensus census) {

    /** The result with what its responses hold ({@code --count-resources}). */
    LoadResult withCensus(ResponseCensus census) {
        return new LoadResult(base, scenario, client, freshTokenPerRequest, clients, warmupSeconds, measuredSeconds, requests,
                errors, throughputPerSecond, p50Ms, p90Ms, p99Ms, p999Ms, maxMs, meanMs, meanResponseBytes, connectionsOpened,
                errorKinds, census);
    }

    /** @param connectionsOpened TCP connections over the whole run, warm-up included; null when the client does not count them */
    static LoadResult of(String base, String scenario, String client, boolean freshTokenPerRequest, int clients,
                         double warmupSeconds, double measuredSeconds,
                         long requests, long errors, long answered, long bodyBytes, Long connectionsOpened,
                         Histogram micros, Map<String, Long> errorKinds) {
        boolean any = micros.getTotalCount() > 0;
        return new LoadResult(base, scenario, client, freshTokenPerRequest, clients, warmupSeconds, measuredSeconds,
                requests, errors, measuredSeconds > 0 ? requests / measuredSeconds : 0,
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()), any ? micros.getMean() / 1_000.0 : 0,
                answered > 0 ? (double) bodyBytes / answered : 0, connectionsOpened,
                new TreeMap<>(errorKinds), null);
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }
}
