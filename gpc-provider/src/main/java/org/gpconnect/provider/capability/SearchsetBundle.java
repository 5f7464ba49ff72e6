package org.gpconnect.provider.capability;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.store.StoredResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A searchset Bundle (GPConnect-Searchset-Bundle-1) written by a {@link org.gpconnect.provider.spine.StreamedInteraction}
 * from JSON it already holds, so nothing is parsed for a JSON answer; XML is encoded from it by HAPI.
 * Its {@code id} is the request's Ssp-TraceID. On the Access Document root every entry carries its
 * mandatory absolute {@code fullUrl} (access_documents_development_bundle); elsewhere there is no
 * root and no fullUrl. Each resource goes in once, in the order first added.
 */
public final class SearchsetBundle {
    private final String id;
    private final String root;
    private final Map<String, String> entries = new LinkedHashMap<>();

    /** @param fullUrlRoot the service root the entries' fullUrls start with, or null for none */
    public SearchsetBundle(String traceId, String fullUrlRoot) {
        this.id = traceId;
        this.root = fullUrlRoot;
    }

    public void add(StoredResource resource) {
        add(resource.reference(), resource.json());
    }

    /** A resource by its reference ("Slot/1") and JSON. */
    public void add(String reference, String json) {
        entries.putIfAbsent(reference, json);
    }

    public boolean contains(String reference) {
        return entries.containsKey(reference);
    }

    public String json() {
        JsonStringEncoder quote = JsonStringEncoder.getInstance();
        StringBuilder out = new StringBuilder(1024 + entries.size() * 2048)
                .append("{\"resourceType\":\"Bundle\",\"id\":\"").append(quote.quoteAsString(id))
                .append("\",\"meta\":{\"profile\":[\"").append(StoredResources.SEARCHSET_PROFILE)
                .append("\"]},\"type\":\"searchset\"");
        String separator = ",\"entry\":[";
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            out.append(separator).append('{');
            if (root != null) {
                out.append("\"fullUrl\":\"").append(quote.quoteAsString(root + "/" + entry.getKey())).append("\",");
            }
            out.append("\"resource\":").append(entry.getValue()).append('}');
            separator = ",";
        }
        return out.append(entries.isEmpty() ? "}" : "]}").toString();
    }

    public void write(HttpServletResponse response, ResponseFormat format, FhirContext fhir) throws IOException {
        String json = json();
        String body = format == ResponseFormat.JSON ? json
                : fhir.newXmlParser().encodeResourceToString(fhir.newJsonParser().parseResource(json));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(format.mediaType() + ";charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
