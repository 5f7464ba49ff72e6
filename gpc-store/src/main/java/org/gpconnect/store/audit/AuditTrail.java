package org.gpconnect.store.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The tamper-evident audit trail. Each writer node appends to its own chain: a sequence number and
 * a SHA-256 over the previous record's hash and this record, so a changed, removed or re-ordered
 * record breaks every hash after it. Requests hand their event to a queue and one thread writes
 * batches, so the chain stays ordered without a lock on the request path (see docs/adr/0003).
 */
public class AuditTrail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final String node;
    private final BlockingQueue<AuditEvent> queue = new ArrayBlockingQueue<>(100_000);
    private final Thread writer;
    private volatile boolean running = true;
    private long seq;
    private String lastHash;

    public AuditTrail(DataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = node;
        loadChainHead();
        this.writer = new Thread(this::writeLoop, "gpc-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues the event; blocks only if the writer has fallen 100,000 events behind. */
    public void record(AuditEvent event) {
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every event queued so far is in the database. */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (this) {
            while ((!queue.isEmpty() || writing) && System.nanoTime() < deadline) {
                try {
                    wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private volatile boolean writing;

    private void writeLoop() {
        List<AuditEvent> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AuditEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                writing = true;
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                append(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Audit batch of {} events could not be written", batch.size(), e);
            } finally {
                batch.clear();
                writing = false;
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    private void append(List<AuditEvent> batch) {
        long nextSeq = seq;
        String hash = lastHash;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO audit_event (node, seq, recorded_at, event_type,"
                    + " trace_id, interaction, from_asid, to_asid, practice_ods, requesting_organization, requesting_practitioner,"
                    + " requesting_device, patient, outcome, http_status, duration_ms, detail, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEvent e : batch) {
                    nextSeq++;
                    String next = hash(hash, nextSeq, e);
                    int i = 1;
                    ps.setString(i++, node);
                    ps.setLong(i++, nextSeq);
                    ps.setTimestamp(i++, Timestamp.from(e.recordedAt()));
                    ps.setString(i++, e.eventType());
                    ps.setString(i++, cut(e.traceId(), 100));
                    ps.setString(i++, cut(e.interaction(), 120));
                    ps.setString(i++, cut(e.fromAsid(), 40));
                    ps.setString(i++, cut(e.toAsid(), 40));
                    ps.setString(i++, cut(e.practiceOds(), 16));
                    ps.setString(i++, cut(e.requestingOrganization(), 200));
                    ps.setString(i++, cut(e.requestingPractitioner(), 300));
                    ps.setString(i++, cut(e.requestingDevice(), 300));
                    ps.setString(i++, cut(e.patient(), 64));
                    ps.setString(i++, e.outcome());
                    ps.setInt(i++, e.httpStatus());
                    ps.setInt(i++, e.durationMs());
                    ps.setString(i++, cut(e.detail(), 1000));
                    ps.setString(i++, hash);
                    ps.setString(i, next);
                    ps.addBatch();
                    hash = next;
                }
                ps.executeBatch();
                connection.commit();
                seq = nextSeq;
                lastHash = hash;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Values longer than their column are cut before hashing, so the stored record is what was hashed. */
    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static String hash(String previous, long seq, AuditEvent event) {
        AuditEvent stored = new AuditEvent(event.recordedAt(), event.eventType(), cut(event.traceId(), 100),
                cut(event.interaction(), 120), cut(event.fromAsid(), 40), cut(event.toAsid(), 40), cut(event.practiceOds(), 16),
                cut(event.requestingOrganization(), 200), cut(event.requestingPractitioner(), 300),
                cut(event.requestingDevice(), 300), cut(event.patient(), 64), event.outcome(), event.httpStatus(),
                event.durationMs(), cut(event.detail(), 1000));
        return sha256(previous + "\u001e" + seq + "\u001e" + stored.canonical());
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loadChainHead() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "SELECT seq, hash FROM audit_event WHERE node = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    lastHash = rs.getString(2);
                } else {
                    seq = 0;
                    lastHash = GENESIS;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        flush();
        running = false;
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
