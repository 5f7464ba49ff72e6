package org.gpconnect.provider.support;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PKI made with the JDK's keytool in a temp folder (nothing committed, no extra
 * dependency): a CA, a server certificate for localhost/127.0.0.1 and a client certificate both
 * signed by it, and a rogue client certificate signed by an unrelated CA. All stores are PKCS12
 * with the one password {@link #PASSWORD}.
 */
public final class TestPki {
    public static final String PASSWORD = "changeit";

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    public static TestPki create() {
        try {
            TestPki pki = new TestPki(Files.createTempDirectory("gpc-pki"));
            pki.authority("ca");
            pki.authority("rogue-ca");
            pki.issue("ca", "server", "CN=localhost", "san=dns:localhost,ip:127.0.0.1", "eku=serverAuth");
            pki.issue("ca", "client", "CN=ssp.test", "eku=clientAuth");
            pki.issue("rogue-ca", "rogue-client", "CN=ssp.test", "eku=clientAuth");
            // the store that says whom to trust: the CA only (for the server: client certificates; for clients: the server's)
            pki.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", pki.file("ca.crt"), "-keystore", pki.file("trust.p12"));
            return pki;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's key store: its private key with the chain server certificate, CA. */
    public Path serverKeyStore() { return dir.resolve("server.p12"); }
    public Path clientKeyStore() { return dir.resolve("client.p12"); }
    public Path rogueClientKeyStore() { return dir.resolve("rogue-client.p12"); }
    /** Holds only the test CA's certificate. */
    public Path trustStore() { return dir.resolve("trust.p12"); }

    public KeyStore load(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            return keyStore;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public KeyManager[] keyManagers(Path keyStore) {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(load(keyStore), PASSWORD.toCharArray());
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts the test CA and presents the given key managers (none: no certificate). */
    public SSLContext clientContext(KeyManager[] keyManagers) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore()));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void authority(String name) {
        keytool("-genkeypair", "-alias", name, "-dname", "CN=GPC Test " + name, "-ext", "bc:c",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-keystore", file(name + ".p12"));
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", file(name + ".p12"), "-file", file(name + ".crt"));
    }

    /** A key pair in name.p12 whose certificate the CA signs; the store ends up holding the whole chain. */
    private void issue(String ca, String name, String dname, String... extensions) {
        String store = file(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-dname", dname, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-keystore", store);
        keytool("-certreq", "-alias", name, "-keystore", store, "-file", file(name + ".csr"));
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", ca, "-keystore", file(ca + ".p12"),
                "-infile", file(name + ".csr"), "-outfile", file(name + ".crt"), "-validity", "2"));
        for (String extension : extensions) {
            gencert.add("-ext");
            gencert.add(extension);
        }
        keytool(gencert.toArray(String[]::new));
        // the CA first, so that keytool can build the chain when the signed reply replaces the self-signed certificate
        keytool("-importcert", "-noprompt", "-alias", ca, "-file", file(ca + ".crt"), "-keystore", store);
        keytool("-importcert", "-noprompt", "-alias", name, "-file", file(name + ".crt"), "-keystore", store);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + String.join(" ", args) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
