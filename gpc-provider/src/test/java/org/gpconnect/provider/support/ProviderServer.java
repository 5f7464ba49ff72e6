package org.gpconnect.provider.support;

import org.gpconnect.provider.GpConnectServer;
import org.gpconnect.store.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The real provider, started on a random port over a fresh real database, once per database per
 * test run and shared by the test classes (tests that change shared state put it back).
 */
public final class ProviderServer {
    private static final Map<TestDatabase, ProviderServer> RUNNING = new EnumMap<>(TestDatabase.class);

    private final ConfigurableApplicationContext context;
    private final int port;
    private final TestDatabase database;

    private ProviderServer(TestDatabase database) {
        this.database = database;
        TestDatabase.Connect db = database.fresh();
        try {
            Path dataDir = Files.createTempDirectory("gpc-test");
            Map<String, String> settings = Map.of(
                    "server.port", "0",
                    "gpc.data-dir", dataDir.toString(),
                    "gpc.db-url", db.url(),
                    "gpc.db-user", db.user(),
                    "gpc.db-password", db.password(),
                    "gpc.pds-seed-dir", testDataDir().toAbsolutePath().toString(),
                    "gpc.node-id", "test-" + database.name().toLowerCase());
            // command-line arguments, not builder properties: those are defaults, which application.properties overrides
            context = new SpringApplicationBuilder(GpConnectServer.class)
                    .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static synchronized ProviderServer on(TestDatabase database) {
        return RUNNING.computeIfAbsent(database, ProviderServer::new);
    }

    /** The official test suite's identifier files, read in place (never copied into the project). */
    public static Path testDataDir() {
        return Path.of(System.getProperty("gpc.testdata.dir", "../../shared/testdata-official"));
    }

    public int port() { return port; }
    public TestDatabase database() { return database; }
    public String url(String path) { return "http://127.0.0.1:" + port + path; }
    public <T> T bean(Class<T> type) { return context.getBean(type); }
}
