package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.gpconnect.store.DocumentIndex;

import java.sql.Statement;

/**
 * Access Document: the search columns of each DocumentReference ({@link DocumentIndex}) and the
 * version of each document's content (a Binary's {@code meta.versionId}), filled for what is already
 * stored so an older store answers like a new one.
 */
public class V6__Document_index extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TABLE document_index ("
                    + " practice_ods VARCHAR(16) NOT NULL,"
                    + " document_reference_id VARCHAR(64) NOT NULL,"
                    + " patient_id VARCHAR(64),"
                    + " binary_id VARCHAR(64),"
                    + " created TIMESTAMP WITH TIME ZONE,"
                    + " authors VARCHAR(1000) NOT NULL,"
                    + " search_text TEXT NOT NULL,"
                    + " PRIMARY KEY (practice_ods, document_reference_id))");
            statement.execute("CREATE INDEX document_index_by_patient ON document_index (practice_ods, patient_id, created)");
            statement.execute("CREATE INDEX document_index_by_binary ON document_index (practice_ods, binary_id)");
            statement.execute("ALTER TABLE document_content ADD COLUMN version_id BIGINT NOT NULL DEFAULT 1");
        }
        DocumentIndex.backfill(context.getConnection());
    }
}
