package org.gpconnect.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Path;

/** Opens the GP record database (H2 file by default, PostgreSQL for real use) and migrates it. */
public final class Database {
    private Database() {}

    public static String h2FileUrl(Path dataDir) {
        // MODE=PostgreSQL keeps H2 close to the production dialect; AUTO_SERVER lets the audit
        // verifier open the file while the provider runs.
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("gpconnect")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    public static HikariDataSource open(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("gpc-store");
        HikariDataSource dataSource = new HikariDataSource(config);
        migrate(dataSource);
        return dataSource;
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }
}
