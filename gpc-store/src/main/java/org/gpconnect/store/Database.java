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
        if (url.startsWith("jdbc:postgresql:")) {
            // PostgreSQL plans a server-prepared statement once for all parameters when that looks no
            // dearer; planned while the table was small, the primary-key lookup that starts every write
            // went through the patient index and read the practice's every row (a 1,000-patient load
            // slowed to 150 resources/s). Planning each execution costs microseconds.
            config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        migrate(dataSource);
        return dataSource;
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }
}
