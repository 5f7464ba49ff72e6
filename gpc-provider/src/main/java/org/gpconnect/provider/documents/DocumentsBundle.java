package org.gpconnect.provider.documents;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.store.StoredResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The searchset Bundle of Access Document (access_documents_development_bundle): {@code id} the
 * request's Ssp-TraceID, GPConnect-Searchset-Bundle-1, and every entry with its mandatory absolute
 * {@code fullUrl} on the Access Document root. Written from stored JSON; XML is encoded from it by HAPI.
 * Each resource goes in once, in the order first added.
 */
final class DocumentsBundle {
    private final String id;
    private final String root;
    private final Map<String, StoredResource> entries = new LinkedHashMap<>();

    DocumentsBundle(String traceId, String documentsRoot) {
        this.id = traceId;
        this.root = documentsRoot;
    }

    void add(StoredResource resource) {
        entries.putIfAbsent(resource.reference(), resource);
    }

    boolean contains(String reference) {
        return entries.containsKey(reference);
    }

    String json() {
        JsonStringEncoder quote = JsonStringEncoder.getInstance();
        StringBuilder out = new StringBuilder(1024 + entries.size() * 2048)
                .append("{\"resourceType\":\"Bundle\",\"id\":\"").append(quote.quoteAsString(id))
                .append("\",\"meta\":{\"profile\":[\"").append(StoredResources.SEARCHSET_PROFILE)
                .append("\"]},\"type\":\"searchset\"");
        String separator = ",\"entry\":[";
        for (StoredResource resource : entries.values()) {
            out.append(separator).append("{\"fullUrl\":\"").append(quote.quoteAsString(root + "/" + resource.reference()))
                    .append("\",\"resource\":").append(resource.json()).append('}');
            separator = ",";
        }
        return out.append(entries.isEmpty() ? "}" : "]}").toString();
    }

    void write(HttpServletResponse response, ResponseFormat format, FhirContext fhir) throws IOException {
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
