package org.gpconnect.store.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Recomputes every node's hash chain and reports the first record that does not fit. */
public final class AuditVerifier {

    public record Result(long records, List<String> problems) {
        public boolean intact() { return problems.isEmpty(); }
    }

    private AuditVerifier() {}

    public static Result verify(DataSource dataSource) throws SQLException {
        long records = 0;
        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT * FROM audit_event ORDER BY node, seq");
             ResultSet rs = ps.executeQuery()) {
            String node = null;
            long expectedSeq = 0;
            String previous = null;
            boolean broken = false;
            while (rs.next()) {
                records++;
                String rowNode = rs.getString("node");
                if (!rowNode.equals(node)) {
                    node = rowNode;
                    expectedSeq = 1;
                    previous = AuditTrail.GENESIS;
                    broken = false;
                }
                if (broken) {
                    continue;
                }
                long seq = rs.getLong("seq");
                AuditEvent event = new AuditEvent(rs.getTimestamp("recorded_at").toInstant(), rs.getString("event_type"),
                        rs.getString("trace_id"), rs.getString("interaction"), rs.getString("from_asid"), rs.getString("to_asid"),
                        rs.getString("practice_ods"), rs.getString("requesting_organization"),
                        rs.getString("requesting_practitioner"), rs.getString("requesting_device"), rs.getString("patient"),
                        rs.getString("outcome"), rs.getInt("http_status"), rs.getInt("duration_ms"), rs.getString("detail"));
                String where = "node " + node + " seq " + seq;
                if (seq != expectedSeq) {
                    problems.add(where + ": expected seq " + expectedSeq + " (a record is missing)");
                    broken = true;
                } else if (!previous.equals(rs.getString("prev_hash"))) {
                    problems.add(where + ": prev_hash does not match the record before it");
                    broken = true;
                } else if (!AuditTrail.hash(previous, seq, event).equals(rs.getString("hash"))) {
                    problems.add(where + ": record content does not match its hash (altered)");
                    broken = true;
                }
                previous = rs.getString("hash");
                expectedSeq = seq + 1;
            }
        }
        return new Result(records, problems);
    }
}
