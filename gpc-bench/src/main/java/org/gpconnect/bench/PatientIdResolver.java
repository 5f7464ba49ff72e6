package org.gpconnect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the logical ids of the test patients by searching their NHS numbers, once, before the
 * clock starts: logical ids are the provider's own choice, NHS numbers are what the test pack fixes.
 */
final class PatientIdResolver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PatientIdResolver() {
    }

    static List<String> resolve(String base, String asidTo, List<String> nhsNumbers, Duration timeout)
            throws IOException, InterruptedException {
        GpcRequests search = new GpcRequests(base, asidTo, Scenario.PATIENT_SEARCH.interactionId, timeout);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> ids = new ArrayList<>();
        for (URI uri : Scenario.PATIENT_SEARCH.targets(base, nhsNumbers)) {
            HttpResponse<String> response = client.send(search.get(uri), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                ids.addAll(patientIds(response.body()));
            }
        }
        return ids;
    }

    /** The ids of the Patient resources in a searchset Bundle. */
    static List<String> patientIds(String bundleJson) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(bundleJson).path("entry")) {
            JsonNode resource = entry.path("resource");
            if ("Patient".equals(resource.path("resourceType").asText()) && resource.hasNonNull("id")) {
                ids.add(resource.get("id").asText());
            }
        }
        return ids;
    }
}
