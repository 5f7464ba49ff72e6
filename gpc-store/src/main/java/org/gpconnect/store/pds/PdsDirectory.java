package org.gpconnect.store.pds;

import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.RecordWriter;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The emulated PDS: a table of demographic records the provider consults where the spec makes it
 * trace a patient (an unverified NHS number at search time, and register patient).
 */
public class PdsDirectory {
    private final GpRecordStore store;

    public PdsDirectory(GpRecordStore store) {
        this.store = store;
    }

    public Optional<PdsRecord> retrieve(String nhsNumber) {
        try (var connection = store.dataSource().getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT * FROM pds_record WHERE nhs_number = ?")) {
            ps.setString(1, nhsNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Date birth = rs.getDate("birth_date");
                Date death = rs.getDate("death_date");
                return Optional.of(new PdsRecord(rs.getString("nhs_number"), rs.getString("family"), rs.getString("given"),
                        rs.getString("gender"), birth == null ? null : birth.toLocalDate(),
                        death == null ? null : death.toLocalDate(), rs.getBoolean("sensitive"), rs.getBoolean("superseded"),
                        rs.getBoolean("invalid"), rs.getString("address"), rs.getString("postal_code"), rs.getString("gp_ods_code")));
            }
        } catch (SQLException e) {
            throw new org.gpconnect.store.StoreException(e);
        }
    }

    /** Adds or replaces a PDS record; used by the data set loaders. */
    public static void put(RecordWriter writer, PdsRecord r) throws SQLException {
        writer.update("DELETE FROM pds_record WHERE nhs_number = ?", r.nhsNumber());
        writer.update("INSERT INTO pds_record (nhs_number, family, given, gender, birth_date, death_date, sensitive,"
                        + " superseded, invalid, address, postal_code, gp_ods_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.nhsNumber(), r.family(), r.given(), r.gender(),
                r.birthDate() == null ? null : Date.valueOf(r.birthDate()),
                r.deathDate() == null ? null : Date.valueOf(r.deathDate()),
                r.sensitive(), r.superseded(), r.invalid(), r.address(), r.postalCode(), r.gpOdsCode());
    }
}
