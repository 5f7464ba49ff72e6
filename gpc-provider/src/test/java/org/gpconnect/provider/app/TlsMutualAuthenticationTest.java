package org.gpconnect.provider.app;

import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.ProviderServer;
import org.gpconnect.provider.support.Response;
import org.gpconnect.provider.support.TestPki;
import org.gpconnect.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS with mutual authentication as the spec's security section asks (TLS 1.2 only, client
 * certificate required, the GP Connect cipher list, HSTS), on the real server configured the way
 * an operator does it: through the GPC_TLS_* settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsMutualAuthenticationTest {
    private static final String METADATA_PATH = "/B82617/STU3/1/gpconnect/metadata";
    private static final String METADATA = "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1";

    /** The spec's accepted list, in its preference order: AESGCM+EECDH, AESGCM+EDH, AES256+EECDH, AES256+EDH. */
    private static final List<Integer> ACCEPTED = List.of(
            0xC030, // ECDHE-RSA-AES256-GCM-SHA384   TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384
            0xC02F, // ECDHE-RSA-AES128-GCM-SHA256   TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
            0x009F, // DHE-RSA-AES256-GCM-SHA384     TLS_DHE_RSA_WITH_AES_256_GCM_SHA384
            0x009E, // DHE-RSA-AES128-GCM-SHA256     TLS_DHE_RSA_WITH_AES_128_GCM_SHA256
            0xC028, // ECDHE-RSA-AES256-SHA384       TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384
            0xC014, // ECDHE-RSA-AES256-SHA          TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA
            0x006B, // DHE-RSA-AES256-SHA256         TLS_DHE_RSA_WITH_AES_256_CBC_SHA256
            0x0039); // DHE-RSA-AES256-SHA           TLS_DHE_RSA_WITH_AES_256_CBC_SHA
    private static final int NULL_MD5 = 0x0001; // TLS_RSA_WITH_NULL_MD5
    private static final int AES128_SHA256 = 0x003C; // TLS_RSA_WITH_AES_128_CBC_SHA256

    private TestPki pki;
    private ProviderServer server;

    @BeforeAll
    void start() {
        pki = TestPki.create();
        server = ProviderServer.start(TestDatabase.H2, Map.of(
                "GPC_TLS_ENABLED", "true",
                "GPC_TLS_KEY_STORE", pki.serverKeyStore().toString(),
                "GPC_TLS_KEY_STORE_PASSWORD", TestPki.PASSWORD,
                "GPC_TLS_TRUST_STORE", pki.trustStore().toString(),
                "GPC_TLS_TRUST_STORE_PASSWORD", TestPki.PASSWORD));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clientWithCertificateFromTheTrustedCaIsServedWithHstsAndNoStore() {
        Response response = metadata(https(pki.keyManagers(pki.clientKeyStore()), null));

        assertThat(server.url("")).startsWith("https://");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("CapabilityStatement");
        assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void clientWithoutCertificateIsRefused() {
        assertRefused(() -> metadata(https(null, null)));
    }

    @Test
    void clientWithCertificateFromAnotherCaIsRefused() {
        // presents the rogue certificate whatever CAs the server names, so the server itself has to reject it
        // (the JDK's key manager would otherwise quietly send no certificate at all)
        KeyManager[] rogue = {insistOnFirstKey((X509KeyManager) pki.keyManagers(pki.rogueClientKeyStore())[0])};
        assertRefused(() -> metadata(https(rogue, null)));
    }

    @Test
    void tls11IsRefused() {
        assertThat(ClientHelloProbe.negotiate(server.port(), ClientHelloProbe.TLS_1_1, ACCEPTED)).isEmpty();
    }

    @Test
    void weakCiphersAreRefused() {
        assertThat(ClientHelloProbe.negotiate(server.port(), ClientHelloProbe.TLS_1_2, List.of(NULL_MD5))).isEmpty();
        assertThat(ClientHelloProbe.negotiate(server.port(), ClientHelloProbe.TLS_1_2, List.of(AES128_SHA256))).isEmpty();
    }

    @Test
    void clientOfferingOnlyAes128Sha256IsRefused() {
        // the JDK client still offers this suite, so it can show the whole request failing, not just the hello
        assertRefused(() -> metadata(https(pki.keyManagers(pki.clientKeyStore()), "TLS_RSA_WITH_AES_128_CBC_SHA256")));
    }

    @Test
    void everyAcceptedCipherIsNegotiated() {
        for (int suite : ACCEPTED) {
            assertThat(ClientHelloProbe.negotiate(server.port(), ClientHelloProbe.TLS_1_2, List.of(suite)))
                    .as("suite 0x%04X", suite).hasValue(suite);
        }
    }

    @Test
    void serverPrefersItsOwnOrder() {
        // a client listing the accepted suites least-preferred first still gets the spec's first choice
        List<Integer> reversed = new ArrayList<>(ACCEPTED);
        Collections.reverse(reversed);
        assertThat(ClientHelloProbe.negotiate(server.port(), ClientHelloProbe.TLS_1_2, reversed)).hasValue(ACCEPTED.get(0));
    }

    @Test
    void clientOfferingOnlyEcdheRsaAes256GcmSha384IsServed() {
        Response response = metadata(https(pki.keyManagers(pki.clientKeyStore()), "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void plainHttpToTheHttpsPortGetsNoFhirAnswer() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + METADATA_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/fhir+json\r\n"
                    + "Ssp-InteractionID: " + METADATA + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).doesNotStartWith("HTTP/1.1 200").doesNotContain("CapabilityStatement");
        }
    }

    private Response metadata(HttpClient http) {
        return new GpcClient(server, http).get(METADATA_PATH, METADATA, "organization/*.read").send();
    }

    /** An HTTP client trusting the test CA, with the given client keys (null: none) and, if named, only that suite. */
    private HttpClient https(KeyManager[] keyManagers, String onlySuite) {
        SSLContext context = pki.clientContext(keyManagers);
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.2"});
        if (onlySuite != null) {
            parameters.setCipherSuites(new String[] {onlySuite});
        }
        return HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Refused at the transport: the handshake fails or the connection drops; in no case a 200. */
    private static void assertRefused(Supplier<Response> call) {
        Response response;
        try {
            response = call.get();
        } catch (UncheckedIOException expected) {
            return;
        }
        assertThat(response.status()).as("expected the connection to be refused, got %s", response).isNotEqualTo(200);
    }

    private static X509KeyManager insistOnFirstKey(X509KeyManager keys) {
        String alias = keys.getClientAliases("RSA", null)[0];
        return new X509ExtendedKeyManager() {
            @Override public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) { return alias; }
            @Override public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) { return alias; }
            @Override public String[] getClientAliases(String keyType, Principal[] issuers) { return new String[] {alias}; }
            @Override public X509Certificate[] getCertificateChain(String a) { return keys.getCertificateChain(a); }
            @Override public PrivateKey getPrivateKey(String a) { return keys.getPrivateKey(a); }
            @Override public String[] getServerAliases(String keyType, Principal[] issuers) { return null; }
            @Override public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) { return null; }
        };
    }
}
