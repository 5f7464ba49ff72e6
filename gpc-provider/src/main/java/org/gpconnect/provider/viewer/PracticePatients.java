package org.gpconnect.provider.viewer;

import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ids of a practice's patients, for the viewer's index. The store has no such listing (no GP
 * Connect interaction lists a practice's patients), so the viewer asks the table itself.
 */
final class PracticePatients {
    // numeric ids (the data set's 1..23) in number order, then any others alphabetically
    static final Comparator<String> ID_ORDER = Comparator
            .comparing((String id) -> !id.matches("\\d{1,9}"))
            .thenComparing(id -> id.matches("\\d{1,9}") ? Integer.parseInt(id) : 0)
            .thenComparing(Comparator.naturalOrder());

    private PracticePatients() {
    }

    static List<String> ids(GpRecordStore store, String odsCode) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT id FROM patient_record WHERE practice_ods = ?")) {
            query.setString(1, odsCode);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        ids.sort(ID_ORDER);
        return ids;
    }
}
