package org.gpconnect.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The default load client: a {@link RawHttpConnection} (one keep-alive socket) and requests
 * assembled from bytes encoded once. Per request the only new work is the trace id: a random
 * UUID written as hex into the buffer; the request line per target and the header block
 * (Host, the Spine headers, Accept, Authorization) are ready-made, the latter re-encoded only
 * when {@link BearerTokens} rebuilds the token.
 *
 * <p>Wire layout: {@code GET path HTTP/1.1 CRLF} + header block + {@code Ssp-TraceID: } + 36
 * characters + {@code CRLF CRLF}.
 */
final class RawLoadClient implements LoadClient {
    private static final byte[] TRACE_NAME = "Ssp-TraceID: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final int UUID_LENGTH = 36;

    private final RawHttpConnection connection;
    private final byte[][] requestLines;
    private final String fixedHeaders;
    private final BearerTokens tokens;
    /** Host, fixed headers, Authorization, and the name of the trace id header. */
    private byte[] headerBlock;
    private byte[] request = new byte[1024];
    private int length;

    private final byte[][] bodies;

    RawLoadClient(List<URI> targets, GpcRequests requests, BearerTokens tokens) {
        this(targets, null, requests, tokens);
    }

    /** @param bodies one body per target for POSTs, or null for GETs */
    RawLoadClient(List<URI> targets, List<byte[]> bodies, GpcRequests requests, BearerTokens tokens) {
        URI first = targets.get(0);
        this.bodies = bodies == null ? null : bodies.toArray(new byte[0][]);
        this.connection = new RawHttpConnection(first, requests.timeout().toNanos());
        this.requestLines = new byte[targets.size()][];
        for (int i = 0; i < targets.size(); i++) {
            URI t = targets.get(i);
            if (!RawHttpConnection.hostHeader(t).equals(RawHttpConnection.hostHeader(first))) {
                throw new IllegalArgumentException("all targets must be on one host: " + t);
            }
            String path = t.getRawPath() + (t.getRawQuery() != null ? "?" + t.getRawQuery() : "");
            // a POST's body headers go right after the request line, so the rest of the layout is the GET's
            requestLines[i] = (bodies == null ? "GET " + path + " HTTP/1.1\r\n"
                    : "POST " + path + " HTTP/1.1\r\nContent-Type: " + requests.mediaType() + "\r\nContent-Length: "
                    + bodies.get(i).length + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        StringBuilder fixed = new StringBuilder("Host: ").append(RawHttpConnection.hostHeader(first)).append("\r\n");
        for (Map.Entry<String, String> h : requests.fixedHeaders().entrySet()) {
            fixed.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        this.fixedHeaders = fixed.toString();
        this.tokens = tokens;
    }

    @Override
    public void prepare(int target) {
        if (tokens.refresh() || headerBlock == null) {
            headerBlock = (fixedHeaders + "Authorization: " + tokens.bearer() + "\r\n"
                    + "Ssp-TraceID: ").getBytes(StandardCharsets.US_ASCII);
        }
        byte[] line = requestLines[target];
        byte[] body = bodies == null ? new byte[0] : bodies[target];
        int size = line.length + headerBlock.length + UUID_LENGTH + END.length + body.length;
        if (size > request.length) {
            request = new byte[size + 256];
        }
        System.arraycopy(line, 0, request, 0, line.length);
        int at = line.length;
        System.arraycopy(headerBlock, 0, request, at, headerBlock.length);
        at += headerBlock.length;
        writeUuid(UUID.randomUUID(), request, at);
        at += UUID_LENGTH;
        System.arraycopy(END, 0, request, at, END.length);
        at += END.length;
        System.arraycopy(body, 0, request, at, body.length);
        length = at + body.length;
    }

    @Override
    public int send() throws IOException {
        return connection.exchange(request, length);
    }

    @Override
    public long bodyBytes() {
        return connection.bodyBytes;
    }

    @Override
    public long connectionsOpened() {
        return connection.connectionsOpened;
    }

    @Override
    public void close() {
        connection.close();
    }

    /** The prepared request as text (tests). */
    String preparedRequest() {
        return new String(request, 0, length, StandardCharsets.US_ASCII);
    }

    /** Writes {@code uuid.toString()} (8-4-4-4-12 lower-case hex) into {@code out} at {@code at}, without a String. */
    static void writeUuid(UUID uuid, byte[] out, int at) {
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        hex(msb >>> 32, 8, out, at);
        out[at + 8] = '-';
        hex(msb >>> 16, 4, out, at + 9);
        out[at + 13] = '-';
        hex(msb, 4, out, at + 14);
        out[at + 18] = '-';
        hex(lsb >>> 48, 4, out, at + 19);
        out[at + 23] = '-';
        hex(lsb, 12, out, at + 24);
    }

    /** The low {@code digits} hex digits of value, most significant first. */
    private static void hex(long value, int digits, byte[] out, int at) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
