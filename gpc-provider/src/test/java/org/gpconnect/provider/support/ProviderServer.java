package org.gpconnect.provider.support;

import org.gpconnect.provider.GpConnectServer;
import org.gpconnect.store.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The real provider, started on a random port over a fresh real database, once per database per
 * test run and shared by the test classes (tests that change shared state put it back).
 */
public final class ProviderServer implements AutoCloseable {
    private static final Map<TestDatabase, ProviderServer> RUNNING = new EnumMap<>(TestDatabase.class);

    private final ConfigurableApplicationContext context;
    private final int port;
    private final TestDatabase database;
    private final String scheme;

    private ProviderServer(TestDatabase database) {
        this(database, Map.of());
    }

    private ProviderServer(TestDatabase database, Map<String, String> extraProperties) {
        this.database = database;
        TestDatabase.Connect db = database.fresh();
        try {
            Path dataDir = Files.createTempDirectory("gpc-test");
            Map<String, String> properties = new HashMap<>(Map.of(
                    "server.port", "0",
                    "gpc.data-dir", dataDir.toString(),
                    "gpc.db-url", db.url(),
                    "gpc.db-user", db.user(),
                    "gpc.db-password", db.password(),
                    "gpc.pds-seed-dir", testDataDir().toAbsolutePath().toString(),
                    "gpc.node-id", "test-" + database.name().toLowerCase()));
            properties.putAll(extraProperties);
            // as command-line arguments: default properties would lose to application.properties
            // (server.port=${GPC_PORT:8080} and the like), leaving every server on port 8080 and ./data
            context = new SpringApplicationBuilder(GpConnectServer.class).run(properties.entrySet().stream()
                    .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        scheme = context.getEnvironment().getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
    }

    public static synchronized ProviderServer on(TestDatabase database) {
        return RUNNING.computeIfAbsent(database, ProviderServer::new);
    }

    /**
     * An extra server of its own (not shared, not cached) with properties added to or overriding
     * the usual ones, e.g. TLS settings; the caller closes it.
     */
    public static ProviderServer start(TestDatabase database, Map<String, String> properties) {
        return new ProviderServer(database, properties);
    }

    /** Stops a server from {@link #start}; the shared ones from {@link #on} live for the test run. */
    @Override
    public void close() {
        context.close();
    }

    /** The official test suite's identifier files, read in place (never copied into the project). */
    public static Path testDataDir() {
        return Path.of(System.getProperty("gpc.testdata.dir", "../../shared/testdata-official"));
    }

    public int port() { return port; }
    public TestDatabase database() { return database; }
    public String url(String path) { return scheme + "://127.0.0.1:" + port + path; }
    public <T> T bean(Class<T> type) { return context.getBean(type); }

    public Object bean(String name) { return context.getBean(name); }
}
