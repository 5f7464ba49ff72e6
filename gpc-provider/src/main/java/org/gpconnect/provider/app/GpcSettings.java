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
 * @param deceasedAccessDays how long after a patient's death Access Record: HTML still shares their record
 *                   (accessrecord_design.md: a configurable 28 days)
 * @param documentsDeceasedAccessDays the same for Access Document, where the spec only allows it (MAY); 0, off,
 *                   by default, as the 1.6 test suite expects its deceased patient not to be found
 */
@ConfigurationProperties(prefix = "gpc")
public record GpcSettings(String dataDir, String dbUrl, String dbUser, String dbPassword, int dbPoolSize,
                          String pdsSeedDir, String nodeId, String dataSet, int deceasedAccessDays,
                          int documentsDeceasedAccessDays) {

    // Strings, not Paths: Spring would resolve a Path as a classpath resource and reject "../".
    public Path dataFolder() { return Path.of(dataDir); }

    public Path pdsSeedFolder() { return pdsSeedDir == null || pdsSeedDir.isBlank() ? null : Path.of(pdsSeedDir); }
}
