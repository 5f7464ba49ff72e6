package org.gpconnect.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the measured responses hold: each distinct request is sent once more, after the run (so
 * the counting costs the measurement nothing), and the Bundle entries and bytes of its answer are
 * counted.
 */
record ResponseCensus(int requests, double meanResources, int maxResources, double meanBytes, long maxBytes) {
    private static final byte[] ENTRY = "{\"resource\":".getBytes(StandardCharsets.US_ASCII);

    static ResponseCensus take(List<HttpRequest> requests) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long resources = 0;
        int maxResources = 0;
        long bytes = 0;
        long maxBytes = 0;
        for (HttpRequest request : requests) {
            byte[] body = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
            int entries = entries(body);
            resources += entries;
            maxResources = Math.max(maxResources, entries);
            bytes += body.length;
            maxBytes = Math.max(maxBytes, body.length);
        }
        int n = Math.max(1, requests.size());
        return new ResponseCensus(requests.size(), (double) resources / n, maxResources, (double) bytes / n, maxBytes);
    }

    /** Bundle entries: occurrences of {"resource": (a FHIR resource has no element of that name). */
    static int entries(byte[] body) {
        int count = 0;
        outer:
        for (int i = 0; i <= body.length - ENTRY.length; i++) {
            for (int j = 0; j < ENTRY.length; j++) {
                if (body[i + j] != ENTRY[j]) {
                    continue outer;
                }
            }
            count++;
            i += ENTRY.length - 1;
        }
        return count;
    }
}
