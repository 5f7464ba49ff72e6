package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.gpconnect.store.FilterFields;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Adds {@code fhir_resource.filter_fields} (the elements Access Record: Structured selects and
 * links items by, see {@link FilterFields}) and fills it for the resources already stored,
 * so a store written before it answers as fast as a new one.
 */
public class V4__Filter_fields extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE fhir_resource ADD COLUMN filter_fields TEXT");
        }
        FilterFields.backfill(connection);
    }
}
