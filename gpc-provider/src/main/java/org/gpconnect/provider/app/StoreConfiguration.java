package org.gpconnect.provider.app;

import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.store.Database;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.audit.AuditTrail;
import org.gpconnect.store.dataset.DataSetLoader;
import org.gpconnect.store.pds.OfficialPdsFiles;
import org.gpconnect.store.pds.PdsDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;

/** The GP record store: database opened and migrated, default data set loaded on first start. */
@Configuration
public class StoreConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(GpcSettings settings) throws java.io.IOException {
        String url = settings.dbUrl();
        if (url == null || url.isBlank()) {
            Files.createDirectories(settings.dataFolder());
            url = Database.h2FileUrl(settings.dataFolder());
        }
        return Database.open(url, settings.dbUser(), settings.dbPassword(), settings.dbPoolSize());
    }

    @Bean
    GpRecordStore gpRecordStore(HikariDataSource dataSource, GpcSettings settings, java.time.Clock clock) {
        GpRecordStore store = new GpRecordStore(dataSource);
        DataSetLoader loader = new DataSetLoader(store);
        if (loader.loadOnce(settings.dataSet())) {
            store.refreshStatistics();
        }
        int slots = loader.refreshRollingSlots(settings.dataSet(), java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London"))));
        LOG.info("Rolling slots: {} added for the two weeks from today", slots);
        java.nio.file.Path seed = settings.pdsSeedFolder();
        if (seed != null && Files.isDirectory(seed)) {
            int loaded = OfficialPdsFiles.load(store, seed);
            LOG.info("Emulated PDS: {} from {}", loaded == 0 ? "unchanged" : loaded + " records", seed.toAbsolutePath());
        } else {
            LOG.info("Emulated PDS: no official test files at {}; only the data set's patients are on PDS", seed);
        }
        return store;
    }

    @Bean
    PdsDirectory pdsDirectory(GpRecordStore store) {
        return new PdsDirectory(store);
    }

    @Bean(destroyMethod = "close")
    AuditTrail auditTrail(HikariDataSource dataSource, GpcSettings settings) {
        return new AuditTrail(dataSource, settings.nodeId());
    }
}
