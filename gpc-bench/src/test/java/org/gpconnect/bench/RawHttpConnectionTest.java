package org.gpconnect.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The raw client against a scripted server that writes exactly the bytes each case needs:
 * framing by Content-Length, chunked, end of connection; Connection: close; header case; answers
 * split across writes; a kept-alive connection closed while idle; truncated and slow answers.
 */
class RawHttpConnectionTest {
    private static final byte[] GET = "GET /x HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** What the server does with one request: write parts (flushing between them), then maybe close. */
    record Answer(List<String> parts, boolean closeAfter, boolean silent) {
        static Answer of(String whole) {
            return new Answer(List.of(whole), false, false);
        }

        static Answer split(String... parts) {
            return new Answer(List.of(parts), false, false);
        }

        static Answer thenClose(String whole) {
            return new Answer(List.of(whole), true, false);
        }

        /** Read the request, answer nothing, keep the connection open. */
        static Answer nothing() {
            return new Answer(List.of(), false, true);
        }
    }

    private final BlockingQueue<Answer> script = new LinkedBlockingQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private RawHttpConnection client;

    private void start(Duration requestTimeout) throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.incrementAndGet();
                    open.add(s);
                    Thread t = new Thread(() -> serve(s), "scripted-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "scripted-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        client = new RawHttpConnection(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"),
                requestTimeout.toNanos());
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requests.add(head);
                Answer a = script.poll(5, TimeUnit.SECONDS);
                if (a == null || a.silent()) {
                    continue;
                }
                for (String part : a.parts()) {
                    out.write(part.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(5);
                }
                if (a.closeAfter()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // connection gone: the case under test decides whether that is expected
        }
    }

    /** The request head, up to the blank line; null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String s = head.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return null;
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        for (Socket s : open) {
            s.close();
        }
    }

    private int get() throws IOException {
        return client.exchange(GET, GET.length);
    }

    @Test
    void contentLengthAnyCaseKeepsTheConnection() throws Exception {
        start(Duration.ofSeconds(5));
        script.add(Answer.of("HTTP/1.1 200 OK\r\ncontent-LENGTH: 5\r\nContent-Type: application/fhir+json\r\n\r\nhello"));
        script.add(Answer.split("HTTP/1.1 404 Not Found\r\nCont", "ent-Length:  14 \r\n", "\r\nnot ", "found here"));
        script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));

        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isEqualTo(5);
        assertThat(get()).isEqualTo(404);
        assertThat(client.bodyBytes).isEqualTo(14);
        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isZero();
        assertThat(client.connectionsOpened).isEqualTo(1);
        assertThat(accepted.get()).isEqualTo(1);
        assertThat(requests).hasSize(3).allMatch(r -> r.startsWith("GET /x HTTP/1.1\r\n"));
    }

    @Test
    void largeBodyBeyondTheBuffer() throws Exception {
        start(Duration.ofSeconds(5));
        int n = RawHttpConnection.BUFFER_SIZE * 3 + 17;
        script.add(Answer.split("HTTP/1.1 200 OK\r\nContent-Length: " + n + "\r\n\r\n", "a".repeat(n / 2), "b".repeat(n - n / 2)));
        script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isEqualTo(n);
        // the next answer is parsed from where the body ended
        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isEqualTo(2);
        assertThat(client.connectionsOpened).isEqualTo(1);
    }

    @Test
    void chunkedWithExtensionsTrailersAndSplitWrites() throws Exception {
        start(Duration.ofSeconds(5));
        script.add(Answer.split("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n",
                "5\r\nhello\r\n", "1A;name=value\r\n", "abcdefghijklmnopqrstuvwxyz\r\n", "0\r\nX-Trailer: t\r\n\r\n"));
        script.add(Answer.of("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n"));
        // chunked wins over a Content-Length (RFC 9112 6.3)
        script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));

        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isEqualTo(5 + 26);
        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isZero();
        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isEqualTo(3);
        assertThat(client.connectionsOpened).isEqualTo(1);
    }

    @Test
    void connectionCloseMeansANewConnectionNextTime() throws Exception {
        start(Duration.ofSeconds(5));
        script.add(Answer.thenClose("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nCONNECTION: Close\r\n\r\nok"));
        script.add(Answer.thenClose("HTTP/1.1 200 OK\r\nconnection: close\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"));
        script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));

        assertThat(get()).isEqualTo(200);
        assertThat(client.isOpen()).isFalse();
        assertThat(get()).isEqualTo(200);
        assertThat(client.isOpen()).isFalse();
        assertThat(get()).isEqualTo(200);
        assertThat(client.isOpen()).isTrue();
        assertThat(client.connectionsOpened).isEqualTo(3);
        assertThat(accepted.get()).isEqualTo(3);
    }

    @Test
    void bodyToTheEndOfTheConnectionAndHttp10() throws Exception {
        start(Duration.ofSeconds(5));
        script.add(Answer.thenClose("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end"));
        script.add(Answer.thenClose("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nabc"));

        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isEqualTo("until the end".length());
        assertThat(client.isOpen()).isFalse();
        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isEqualTo(3);
        assertThat(client.isOpen()).isFalse();
        assertThat(client.connectionsOpened).isEqualTo(2);
    }

    @Test
    void interimAnswersAndEmptyStatusesHaveNoBody() throws Exception {
        start(Duration.ofSeconds(5));
        script.add(Answer.of("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        script.add(Answer.of("HTTP/1.1 204 No Content\r\n\r\n"));
        script.add(Answer.of("HTTP/1.1 304 Not Modified\r\nContent-Length: 40\r\n\r\n"));
        script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isEqualTo(2);
        assertThat(get()).isEqualTo(204);
        assertThat(get()).isEqualTo(304);
        assertThat(get()).isEqualTo(200);
        assertThat(client.connectionsOpened).isEqualTo(1);
    }

    @Test
    void idleConnectionClosedByTheServerIsReopenedOnce() throws Exception {
        start(Duration.ofSeconds(5));
        // keep-alive not announced as ending, but the server drops the connection afterwards
        script.add(Answer.thenClose("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        script.add(Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes"));
        assertThat(get()).isEqualTo(200);
        Thread.sleep(100);
        assertThat(get()).isEqualTo(200);
        assertThat(client.bodyBytes).isEqualTo(3);
        assertThat(client.connectionsOpened).isEqualTo(2);
        assertThat(requests).hasSize(2);
    }

    @Test
    void truncatedBodyIsAnErrorAndDropsTheConnection() throws Exception {
        start(Duration.ofSeconds(5));
        script.add(Answer.thenClose("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten.."));
        assertThatThrownBy(this::get).isInstanceOf(EOFException.class).hasMessageContaining("90 of 100");
        assertThat(client.isOpen()).isFalse();

        script.add(Answer.thenClose("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel"));
        assertThatThrownBy(this::get).isInstanceOf(EOFException.class);
        script.add(Answer.thenClose("garbage\r\n\r\n"));
        assertThatThrownBy(this::get).isInstanceOf(IOException.class).hasMessageContaining("status line");
        assertThat(client.isOpen()).isFalse();
    }

    @Test
    void noAnswerTimesOut() throws Exception {
        start(Duration.ofMillis(300));
        script.add(Answer.nothing());
        long t0 = System.nanoTime();
        assertThatThrownBy(this::get).isInstanceOf(SocketTimeoutException.class);
        assertThat((System.nanoTime() - t0) / 1e6).isBetween(250.0, 2_000.0);
        assertThat(client.isOpen()).isFalse();
        // timeouts are not retried
        assertThat(requests).hasSize(1);
    }

    @Test
    void slowTrickleCannotOutliveTheRequestTimeout() throws Exception {
        start(Duration.ofMillis(300));
        String[] parts = new String[80];
        parts[0] = "HTTP/1.1 200 OK\r\nContent-Length: 79\r\n\r\n";
        for (int i = 1; i < parts.length; i++) {
            parts[i] = "x";
        }
        script.add(Answer.split(parts));
        long t0 = System.nanoTime();
        assertThatThrownBy(this::get).isInstanceOf(SocketTimeoutException.class);
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(2_000.0);
    }

    @Test
    void refusedWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (RawHttpConnection c = new RawHttpConnection(URI.create("http://127.0.0.1:" + port), 1_000_000_000L)) {
            assertThatThrownBy(() -> c.exchange(GET, GET.length)).isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void hostHeaderAndPlainHttpOnly() {
        assertThat(RawHttpConnection.hostHeader(URI.create("http://127.0.0.1:8080/a"))).isEqualTo("127.0.0.1:8080");
        assertThat(RawHttpConnection.hostHeader(URI.create("http://localhost/a"))).isEqualTo("localhost");
        assertThat(RawHttpConnection.hostHeader(URI.create("http://[::1]:9/a"))).isEqualTo("[::1]:9");
        assertThatThrownBy(() -> new RawHttpConnection(URI.create("https://127.0.0.1/"), 1))
                .hasMessageContaining("--client jdk");
    }
}
