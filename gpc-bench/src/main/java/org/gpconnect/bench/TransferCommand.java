package org.gpconnect.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.fhir.jwt.ConsumerJwt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Document transfer: N clients fetch the same Binary at once, round after round, through Retrieve or
 * Migrate a document, each reading the answer as a stream (never whole), decoding its base64 content
 * and checking its SHA-256. Reports each transfer's time and the MB/s of document content delivered
 * (docs/benchmark.md, "Document benchmark"); the provider's heap is measured by the script around it.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = "Fetch one document with concurrent clients (Retrieve or Migrate a document) and report MB/s.")
final class TransferCommand implements Callable<Integer> {
    @Option(names = "--base", required = true, description = "Access Document root, e.g. http://127.0.0.1:8080/B82617/STU3/1/gpconnect/documents")
    String base;

    @Option(names = "--binary", required = true, description = "Binary id, e.g. doc-2-1")
    String binaryId;

    @Option(names = "--migrate", description = "Migrate a document (no size limit) instead of Retrieve")
    boolean migrate;

    @Option(names = "--organisation", defaultValue = "B82617", description = "Requesting organisation ODS code for --migrate (default ${DEFAULT-VALUE})")
    String organisation;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--rounds", defaultValue = "3", description = "Transfers per client (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--sha256", description = "Expected SHA-256 of the document (hex); checked for every transfer")
    String expectedSha256;

    @Option(names = "--verbose", description = "Print every transfer, not only failed ones")
    boolean verbose;

    @Option(names = "--allow-remote", description = "Allow a --base that is not loopback")
    boolean allowRemote;

    @Override
    public Integer call() throws Exception {
        LoopbackGuard.check(base, allowRemote);
        String root = GpcRequests.trimSlash(base);
        String interaction = migrate ? InteractionCatalogue.MIGRATE_DOCUMENT : InteractionCatalogue.RETRIEVE_DOCUMENT;
        GpcRequests requests = new GpcRequests(root, "918999198738", interaction, Duration.ofMinutes(10));
        URI uri = URI.create(root + "/Binary/" + binaryId);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<List<Transfer>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Transfer> transfers = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    transfers.add(fetch(requests, uri));
                }
                return transfers;
            }));
        }
        List<Transfer> all = new ArrayList<>();
        for (Future<List<Transfer>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        long bytes = all.stream().mapToLong(Transfer::bytes).sum();
        boolean failed = false;
        for (Transfer t : all) {
            boolean ok = t.status() == 200 && (expectedSha256 == null || expectedSha256.equalsIgnoreCase(t.sha256()));
            failed |= !ok;
            if (!verbose && ok) {
                continue;
            }
            System.out.printf("transfer: status %d, %.1f MB in %.2f s (%.1f MB/s)%s%n", t.status(), t.bytes() / 1e6, t.seconds(),
                    t.bytes() / 1e6 / t.seconds(), ok ? "" : " CHECKSUM OR STATUS WRONG (" + t.sha256() + ")");
        }
        System.out.printf("documents: %d clients x %d rounds of %s %s: %.1f MB of document content in %.1f s = %.1f MB/s, %.1f transfers/s%n",
                clients, rounds, migrate ? "Migrate" : "Retrieve", binaryId, bytes / 1e6, seconds, bytes / 1e6 / seconds,
                all.size() / seconds);
        return failed ? 1 : 0;
    }

    record Transfer(int status, long bytes, String sha256, double seconds) {}

    /**
     * One transfer over a plain socket: the JDK's HttpClient spent more CPU decoding the response than
     * the provider spent sending it, and on a shared machine that would be measuring the client.
     */
    private Transfer fetch(GpcRequests requests, URI uri) throws Exception {
        ConsumerJwt jwt = ConsumerJwt.forAudience(GpcRequests.trimSlash(base)).scope("patient/*.read conf/N").issuedAt(Instant.now());
        if (migrate) {
            ObjectNode requester = ConsumerJwt.requestingOrganization();
            ((ObjectNode) requester.get("identifier").get(0)).put("value", organisation);
            jwt.reason("migration").claim("requesting_organization", requester);
        } else {
            jwt.reason("directcare");
        }
        StringBuilder head = new StringBuilder("GET ").append(uri.getRawPath()).append(" HTTP/1.1\r\nHost: ")
                .append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        requests.fixedHeaders().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Ssp-TraceID: ").append(UUID.randomUUID()).append("\r\nAuthorization: ").append(jwt.bearer())
                .append("\r\nConnection: close\r\n\r\n");
        long started = System.nanoTime();
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(head.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            while (!line(in).isEmpty()) {
                // headers: the body is read to the end of the connection
            }
            if (status != 200) {
                in.transferTo(OutputStreamSink.INSTANCE);
                return new Transfer(status, 0, "", (System.nanoTime() - started) / 1e9);
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long bytes = BinaryContent.decode(in, sha256);
            return new Transfer(200, bytes, HexFormat.of().formatHex(sha256.digest()), (System.nanoTime() - started) / 1e9);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
    }

    /** Discards what it is given. */
    static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();
        @Override public void write(int b) {}
        @Override public void write(byte[] b, int off, int len) {}
    }

    /** The content of a streamed Binary (JSON): what follows "content":" up to the closing quote, decoded on the fly. */
    static final class BinaryContent {
        private static final byte[] MARK = "\"content\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        static long decode(InputStream json, MessageDigest digest) throws IOException {
            int matched = 0;
            while (matched < MARK.length) {
                int b = json.read();
                if (b < 0) {
                    throw new IOException("no content in the Binary");
                }
                matched = b == MARK[matched] ? matched + 1 : (b == MARK[0] ? 1 : 0);
            }
            // decode whole quanta of 4 base64 characters from large reads, carrying any remainder over
            byte[] encoded = new byte[1 << 20];
            byte[] decoded = new byte[(encoded.length / 4) * 3];
            int carried = 0;
            long total = 0;
            Base64.Decoder decoder = Base64.getDecoder();
            boolean ended = false;
            while (!ended) {
                int n = json.read(encoded, carried, encoded.length - carried);
                if (n < 0) {
                    throw new IOException("the Binary ended inside its content");
                }
                int end = carried + n;
                for (int i = carried; i < end; i++) {
                    if (encoded[i] == '"') {
                        end = i;
                        ended = true;
                        break;
                    }
                }
                int whole = ended ? end : end - end % 4;
                int count = decoder.decode(java.util.Arrays.copyOf(encoded, whole), decoded);
                digest.update(decoded, 0, count);
                total += count;
                carried = end - whole;
                System.arraycopy(encoded, whole, encoded, 0, carried);
            }
            return total;
        }
    }
}
