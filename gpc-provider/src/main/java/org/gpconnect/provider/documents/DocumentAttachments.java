package org.gpconnect.provider.documents;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DocumentReference's attachments as a response serves them. The store keeps each url relative
 * ({@code Binary/doc-2-1}); a response carries the absolute URL of that Binary on the practice's
 * Access Document root, on the scheme, host and port the consumer called ("the full URL to the Binary
 * resource, including when the DocumentReference is being included in an Access Record Structured
 * Bundle", access_documents_development_documentreference). For direct care a document over
 * {@link #RETRIEVE_LIMIT} is a placeholder instead: no url, and a title saying why
 * (access_documents_development_documents_guidance, "File size of the document"); migration has no limit.
 */
public final class DocumentAttachments {
    /** The most Retrieve a document returns: 5 MB. */
    public static final long RETRIEVE_LIMIT = 5L * 1024 * 1024;
    static final String TOO_LARGE = "Document not returned due to its file size: it is larger than the 5 MB that"
            + " Retrieve a document can return";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A stored attachment url relative to the Access Document root; only DocumentReference JSON is searched. */
    private static final Pattern RELATIVE_BINARY_URL = Pattern.compile("\"url\"\\s*:\\s*\"Binary/");
    private static final Pattern SIZE = Pattern.compile("\"size\"\\s*:\\s*(\\d+)");

    private DocumentAttachments() {}

    /** For Search for a patient's documents and Get structured record: absolute urls, placeholders over the limit. */
    public static String forRetrieval(String json, String documentsRoot) {
        return forMigration(withinLimit(json) ? json : placeholdersOverLimit(json), documentsRoot);
    }

    /**
     * For Migrate structured record: every url absolute, e.g.
     * {@code http://gpc.example:8080/B82617/STU3/1/gpconnect/documents/Binary/doc-2-1}, by a string
     * replacement rather than a parse. A url stored absolute is left as it is.
     */
    public static String forMigration(String json, String documentsRoot) {
        Matcher relative = RELATIVE_BINARY_URL.matcher(json);
        if (!relative.find()) {
            return json;
        }
        String root = new String(JsonStringEncoder.getInstance().quoteAsString(documentsRoot));
        return relative.replaceAll(Matcher.quoteReplacement("\"url\":\"" + root + "/Binary/"));
    }

    private static boolean withinLimit(String json) {
        Matcher size = SIZE.matcher(json);
        while (size.find()) {
            if (size.group(1).length() > 18 || Long.parseLong(size.group(1)) > RETRIEVE_LIMIT) {
                return false;
            }
        }
        return true;
    }

    private static String placeholdersOverLimit(String json) {
        try {
            JsonNode resource = JSON.readTree(json);
            for (JsonNode content : resource.path("content")) {
                JsonNode attachment = content.path("attachment");
                if (attachment.isObject() && attachment.path("size").asLong() > RETRIEVE_LIMIT) {
                    ((ObjectNode) attachment).remove("url");
                    ((ObjectNode) attachment).put("title", TOO_LARGE);
                }
            }
            return JSON.writeValueAsString(resource);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored DocumentReference is not JSON", e);
        }
    }
}
