package org.gpconnect.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;

/**
 * A lean HTTP/1.1 client for one closed-loop thread: one persistent keep-alive socket, requests
 * written as ready-made bytes in one write, responses parsed straight from a reusable buffer.
 * It is not a general client: GET only, plain http, no redirects, no compression, no proxies;
 * what it does it does by RFC 9112:
 *
 * <ul>
 *   <li>the status line, then the headers; {@code Content-Length}, {@code Transfer-Encoding} and
 *       {@code Connection} are matched case-insensitively, other headers are skipped;</li>
 *   <li>the body is read completely, always: chunked (which wins over a Content-Length), else
 *       Content-Length bytes, else (no framing) up to the end of the connection; none for 1xx,
 *       204 and 304; interim 1xx answers are skipped;</li>
 *   <li>{@code Connection: close} (or an HTTP/1.0 answer without keep-alive, or a body delimited
 *       by the end of the connection) closes the socket after the body; the next request opens a
 *       new one;</li>
 *   <li>a kept-alive connection the server closed while it was idle (nothing of the answer
 *       received yet) is reopened and the GET sent once more, as any HTTP/1.1 client does for an
 *       idempotent request; any other failure closes the socket and is thrown;</li>
 *   <li>the request timeout covers the whole exchange (connect, write, every read). The socket
 *       stays in blocking mode, one {@code read} system call per read: a socket timeout would
 *       switch the JDK's socket to non-blocking reads (read, poll, read again), measured at
 *       about 6 microseconds more client CPU per request. {@link DeadlineWatchdog} enforces the
 *       deadline instead, by closing the socket of a late request; that surfaces here as a
 *       {@link SocketTimeoutException}.</li>
 * </ul>
 *
 * Not thread-safe: one instance per client thread.
 */
final class RawHttpConnection implements Closeable {
    /** Longest status or header line accepted; also the read buffer's size. */
    static final int BUFFER_SIZE = 16 * 1024;

    private final InetSocketAddress address;
    private final long requestTimeoutNanos;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;

    private static final long IDLE = 0;
    private static final long EXPIRED = -1;
    private static final VarHandle DEADLINE;

    static {
        try {
            DEADLINE = MethodHandles.lookup().findVarHandle(RawHttpConnection.class, "deadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DeadlineWatchdog watchdog;
    /** Set by the client thread, closed by the watchdog when a request is late. */
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    /** System.nanoTime() by which the request in flight must be answered; IDLE between requests; EXPIRED once the watchdog gave up. */
    private volatile long deadline;
    /** Bytes of the current answer received so far: zero means a failure may be a stale connection. */
    private long received;

    /** Connections opened so far: close to requests / keep-alive limit when keep-alive works. */
    long connectionsOpened;
    /** Body length (decoded, for chunked) of the last answer. */
    long bodyBytes;

    // the answer being parsed
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean closeAfter;

    RawHttpConnection(URI base, long requestTimeoutNanos) {
        this(base, requestTimeoutNanos, DeadlineWatchdog.SHARED);
    }

    RawHttpConnection(URI base, long requestTimeoutNanos, DeadlineWatchdog watchdog) {
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("the raw client speaks plain http only (use --client jdk for " + base.getScheme() + ")");
        }
        String host = base.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        this.address = new InetSocketAddress(host, base.getPort() == -1 ? 80 : base.getPort());
        this.requestTimeoutNanos = requestTimeoutNanos;
        this.watchdog = watchdog;
        watchdog.add(this);
    }

    /** The Host header value for a URI: host, and the port when the URI names one. */
    static String hostHeader(URI uri) {
        return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /**
     * Sends {@code request[0, length)} (a complete GET: request line, headers, blank line) and
     * reads the whole answer.
     *
     * @return the status code; the body length is then in {@link #bodyBytes}
     * @throws SocketTimeoutException when the whole exchange took longer than the request timeout
     */
    int exchange(byte[] request, int length) throws IOException {
        long d = System.nanoTime() + requestTimeoutNanos;
        if (d == IDLE || d == EXPIRED) {
            d = 1;
        }
        deadline = d;
        boolean reused = socket != null;
        int code;
        try {
            try {
                code = send(request, length);
            } catch (IOException e) {
                disconnect();
                if (!reused || received != 0 || deadline != d) {
                    throw e;
                }
                // the server closed the idle connection before our request reached it: once more, on a new one
                code = send(request, length);
            }
        } catch (IOException | RuntimeException e) {
            disconnect();
            if (!DEADLINE.compareAndSet(this, d, IDLE)) {
                throw timedOut();
            }
            throw e;
        }
        if (!DEADLINE.compareAndSet(this, d, IDLE)) {
            // answered, but only after the watchdog gave up on it and closed the socket
            disconnect();
            throw timedOut();
        }
        return code;
    }

    private SocketTimeoutException timedOut() {
        deadline = IDLE;
        return new SocketTimeoutException("no complete answer within " + requestTimeoutNanos / 1_000_000 + " ms");
    }

    private int send(byte[] request, int length) throws IOException {
        if (socket == null) {
            connect();
        }
        received = 0;
        out.write(request, 0, length);
        try {
            int code = readAnswer();
            if (closeAfter) {
                disconnect();
            }
            return code;
        } catch (IOException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    /**
     * A blocking connect without a timeout of its own, so that the socket stays in blocking mode
     * (a connect or read timeout would switch it to non-blocking reads, three system calls per
     * read instead of one); the {@link DeadlineWatchdog} bounds it instead, by closing the socket.
     */
    private void connect() throws IOException {
        Socket s = new Socket();
        socket = s;
        try {
            if (deadline == EXPIRED) {
                throw new SocketTimeoutException("request timed out");
            }
            s.setTcpNoDelay(true);
            s.connect(address);
            in = s.getInputStream();
            out = s.getOutputStream();
        } catch (IOException e) {
            disconnect();
            throw e;
        }
        pos = 0;
        limit = 0;
        connectionsOpened++;
    }

    /** Called by the watchdog: gives up on the request in flight if it is past its deadline. */
    void expireIfLate(long now) {
        long d = deadline;
        if (d != IDLE && d != EXPIRED && now - d > 0 && DEADLINE.compareAndSet(this, d, EXPIRED)) {
            Socket s = socket;
            if (s != null) {
                try {
                    // a read or write blocked on it fails at once
                    s.close();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }
    }

    /** Closes the socket (if open); the next exchange connects again. */
    private void disconnect() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        pos = 0;
        limit = 0;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
    }

    /** Closes the socket and stops watching this connection. */
    @Override
    public void close() {
        disconnect();
        watchdog.remove(this);
    }

    boolean isOpen() {
        return socket != null;
    }

    private int readAnswer() throws IOException {
        do {
            readHead();
        } while (status >= 100 && status < 200 && status != 101);
        if (status == 101) {
            throw new IOException("unexpected 101 Switching Protocols");
        }
        bodyBytes = 0;
        if (status == 204 || status == 304) {
            return status;
        }
        if (chunked) {
            readChunked();
        } else if (contentLength >= 0) {
            skip(contentLength);
        } else {
            skipToEnd();
            closeAfter = true;
        }
        return status;
    }

    /** The status line and the headers, up to and including the blank line. */
    private void readHead() throws IOException {
        int end = lineEnd();
        int start = pos;
        // "HTTP/1.1 200 OK": version, space, three digits
        if (end - start < 12 || !startsWith(start, "HTTP/1.") || buf[start + 8] != ' ') {
            throw new IOException("not an HTTP/1.x status line: " + text(start, Math.min(end, start + 60)));
        }
        boolean http10 = buf[start + 7] == '0';
        status = digits(start + 9, start + 12);
        if (status < 100) {
            throw new IOException("bad status code: " + text(start, end));
        }
        pos = next(end);
        contentLength = -1;
        chunked = false;
        boolean connectionClose = false;
        boolean keepAlive = false;
        while (true) {
            end = lineEnd();
            start = pos;
            if (end == start) {
                pos = next(end);
                break;
            }
            int colon = indexOf(start, end, (byte) ':');
            if (colon < 0) {
                throw new IOException("bad header line: " + text(start, end));
            }
            int vs = colon + 1;
            while (vs < end && (buf[vs] == ' ' || buf[vs] == '\t')) {
                vs++;
            }
            int ve = end;
            while (ve > vs && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) {
                ve--;
            }
            if (nameIs(start, colon, "content-length")) {
                long n = decimal(vs, ve);
                if (contentLength >= 0 && contentLength != n) {
                    throw new IOException("conflicting Content-Length headers");
                }
                contentLength = n;
            } else if (nameIs(start, colon, "transfer-encoding")) {
                // chunked must be the final coding (RFC 9112 6.1); we never ask for any other
                chunked = endsWithToken(vs, ve, "chunked");
                if (!chunked) {
                    throw new IOException("unsupported Transfer-Encoding: " + text(vs, ve));
                }
            } else if (nameIs(start, colon, "connection")) {
                connectionClose |= containsIgnoreCase(vs, ve, "close");
                keepAlive |= containsIgnoreCase(vs, ve, "keep-alive");
            }
            pos = next(end);
        }
        closeAfter = connectionClose || (http10 && !keepAlive);
    }

    private void readChunked() throws IOException {
        while (true) {
            int end = lineEnd();
            int start = pos;
            int stop = indexOf(start, end, (byte) ';');
            long size = hex(start, stop < 0 ? end : stop);
            pos = next(end);
            if (size == 0) {
                break;
            }
            skip(size);
            // the CRLF after the chunk data
            end = lineEnd();
            if (end != pos) {
                throw new IOException("chunk data longer than its size");
            }
            pos = next(end);
        }
        // trailer fields, up to the blank line
        while (true) {
            int end = lineEnd();
            boolean blank = end == pos;
            pos = next(end);
            if (blank) {
                return;
            }
        }
    }

    /** Consumes n body bytes: from the buffer first, then straight from the socket. */
    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (pos == limit) {
                pos = 0;
                limit = 0;
                if (fill() < 0) {
                    throw new EOFException("connection closed with " + left + " of " + n + " body bytes unread");
                }
            }
            int take = (int) Math.min(left, limit - pos);
            pos += take;
            left -= take;
            bodyBytes += take;
        }
    }

    private void skipToEnd() throws IOException {
        bodyBytes += limit - pos;
        pos = 0;
        limit = 0;
        int n;
        while ((n = fill()) >= 0) {
            bodyBytes += n;
            pos = 0;
            limit = 0;
        }
    }

    /**
     * The index of the end of the line starting at {@link #pos}: of its CR if it ends in CRLF, of
     * the LF otherwise (a bare LF is tolerated). Reads more when the line is not all in the buffer.
     */
    private int lineEnd() throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    return i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                }
            }
            scanned = limit;
            if (pos > 0) {
                // make room: move the partial line to the front
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                scanned -= pos;
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                throw new IOException("header line longer than " + buf.length + " bytes");
            }
            if (fill() < 0) {
                throw new EOFException(received == 0 ? "connection closed before any answer"
                        : "connection closed in the middle of the answer head");
            }
        }
    }

    /** The index after the line ending that starts at {@code end} (CRLF or LF). */
    private int next(int end) {
        return buf[end] == '\r' ? end + 2 : end + 1;
    }

    /** Reads into buf[limit..]; returns the number read or -1 at end of stream. */
    private int fill() throws IOException {
        int n = in.read(buf, limit, buf.length - limit);
        if (n > 0) {
            limit += n;
            received += n;
        }
        return n;
    }

    private boolean startsWith(int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (buf[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The header name buf[start, end) equals lowerName, ignoring ASCII case. */
    private boolean nameIs(int start, int end, String lowerName) {
        if (end - start != lowerName.length()) {
            return false;
        }
        for (int i = 0; i < lowerName.length(); i++) {
            if (lower(buf[start + i]) != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean containsIgnoreCase(int start, int end, String lower) {
        outer:
        for (int i = start; i <= end - lower.length(); i++) {
            for (int j = 0; j < lower.length(); j++) {
                if (lower(buf[i + j]) != lower.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The comma-separated list buf[start, end) ends with the token (e.g. "gzip, chunked"). */
    private boolean endsWithToken(int start, int end, String lower) {
        int s = end - lower.length();
        if (s < start) {
            return false;
        }
        for (int j = 0; j < lower.length(); j++) {
            if (lower(buf[s + j]) != lower.charAt(j)) {
                return false;
            }
        }
        for (int i = s - 1; i >= start; i--) {
            if (buf[i] == ',') {
                return true;
            }
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    private int indexOf(int start, int end, byte b) {
        for (int i = start; i < end; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private int digits(int start, int end) throws IOException {
        long n = decimal(start, end);
        if (n > Integer.MAX_VALUE) {
            throw new IOException("number too large: " + text(start, end));
        }
        return (int) n;
    }

    private long decimal(int start, int end) throws IOException {
        if (start == end || end - start > 18) {
            throw new IOException("not a number: '" + text(start, end) + "'");
        }
        long n = 0;
        for (int i = start; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw new IOException("not a number: '" + text(start, end) + "'");
            }
            n = n * 10 + d;
        }
        return n;
    }

    private long hex(int start, int end) throws IOException {
        while (end > start && (buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
            end--;
        }
        if (start == end || end - start > 15) {
            throw new IOException("bad chunk size: '" + text(start, end) + "'");
        }
        long n = 0;
        for (int i = start; i < end; i++) {
            int c = lower(buf[i]);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) {
                throw new IOException("bad chunk size: '" + text(start, end) + "'");
            }
            n = n * 16 + d;
        }
        return n;
    }

    private String text(int start, int end) {
        return new String(buf, start, Math.max(0, end - start), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
