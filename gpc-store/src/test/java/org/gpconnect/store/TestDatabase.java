package org.gpconnect.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The real databases every store and API test runs on: H2 (the embedded default) and PostgreSQL,
 * either the server at GPC_TEST_PG_URL or an embedded PostgreSQL the tests start themselves, so
 * no machine skips PostgreSQL. Each {@link #fresh()} is an empty database (H2) or schema (PostgreSQL).
 */
public enum TestDatabase {
    H2, POSTGRES;

    public record Connect(String url, String user, String password) {}

    private static EmbeddedPostgres embedded;

    public Connect fresh() {
        String name = "gpc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (this == H2) {
            return new Connect("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "sa", "");
        }
        Connect server = postgresServer();
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password())) {
            connection.createStatement().execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + server.url(), e);
        }
        String separator = server.url().contains("?") ? "&" : "?";
        return new Connect(server.url() + separator + "currentSchema=" + name, server.user(), server.password());
    }

    private static synchronized Connect postgresServer() {
        String configured = System.getenv("GPC_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            return new Connect(configured, env("GPC_TEST_PG_USER", "postgres"), env("GPC_TEST_PG_PASSWORD", ""));
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return new Connect(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
