package org.gpconnect.provider.documents;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.store.BinaryStore;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A document as the {@code Binary} resource Retrieve and Migrate a document answer with
 * (access_documents_development_binary): id, {@code meta.versionId}, contentType and the content in
 * base64, in JSON or XML. Streamed: the bytes go from the store, one chunk at a time, through a base64
 * encoder to the socket, so a document of any size needs about one chunk of heap; and since a base64
 * length follows from the stored size, the response states its Content-Length up front.
 */
final class BinaryResponse {
    private BinaryResponse() {}

    static void write(HttpServletResponse response, ResponseFormat format, BinaryStore binaries, String odsCode,
                      String binaryId, BinaryStore.BinaryInfo info) throws IOException {
        String version = Long.toString(info.versionId());
        String head;
        String tail;
        if (format == ResponseFormat.JSON) {
            JsonStringEncoder quote = JsonStringEncoder.getInstance();
            head = "{\"resourceType\":\"Binary\",\"id\":\"" + new String(quote.quoteAsString(binaryId))
                    + "\",\"meta\":{\"versionId\":\"" + version + "\"},\"contentType\":\""
                    + new String(quote.quoteAsString(info.contentType())) + "\",\"content\":\"";
            tail = "\"}";
        } else {
            head = "<Binary xmlns=\"http://hl7.org/fhir\"><id value=\"" + xml(binaryId) + "\"/><meta><versionId value=\""
                    + version + "\"/></meta><contentType value=\"" + xml(info.contentType()) + "\"/><content value=\"";
            tail = "\"/></Binary>";
        }
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = tail.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(format.mediaType() + ";charset=utf-8");
        response.setHeader("ETag", "W/\"" + version + "\"");
        response.setContentLengthLong(start.length + 4 * ((info.size() + 2) / 3) + end.length);
        OutputStream out = response.getOutputStream();
        out.write(start);
        // closing the encoder writes its last quantum and padding, but must leave the response open
        try (OutputStream base64 = Base64.getEncoder().wrap(new FilterOutputStream(out) {
            @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
            @Override public void close() throws IOException { out.flush(); }
        })) {
            if (!binaries.copyTo(odsCode, binaryId, base64)) {
                throw new IllegalStateException("Binary " + binaryId + " of " + odsCode + " went while it was being sent");
            }
        }
        out.write(end);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
