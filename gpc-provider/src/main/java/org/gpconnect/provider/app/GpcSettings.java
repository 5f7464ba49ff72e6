package org.gpconnect.provider.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The provider's settings (application.properties maps each from its GPC_* environment variable).
 *
 * @param dataDir    where the embedded H2 database lives
 * @param dbUrl      JDBC URL; blank means the H2 file database in dataDir
 * @param pdsSeedDir folder with the official test suite's PDS.csv and RegisterPatients.csv, if any
 * @param nodeId     this instance's name on the audit trail (each instance keeps its own hash chain)
 * @param dataSet    the data set loaded into an empty database
 * @param deceasedAccessDays how long after a patient's death their documents may still be found and
 *                   retrieved (access_documents_development_documents_guidance: 28 days, configurable)
 */
@ConfigurationProperties(prefix = "gpc")
public record GpcSettings(String dataDir, String dbUrl, String dbUser, String dbPassword, int dbPoolSize,
                          String pdsSeedDir, String nodeId, String dataSet, int deceasedAccessDays) {

    // Strings, not Paths: Spring would resolve a Path as a classpath resource and reject "../".
    public Path dataFolder() { return Path.of(dataDir); }

    public Path pdsSeedFolder() { return pdsSeedDir == null || pdsSeedDir.isBlank() ? null : Path.of(pdsSeedDir); }
}
