package org.gpconnect.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The practice's slots (V7 {@code slot}): read for searches and bookings, taken and released inside a
 * booking's or cancellation's transaction. A slot is taken with one conditional UPDATE (still free, still
 * the version the booking read), so two bookings racing for a slot cannot both succeed: on PostgreSQL the
 * second waits for the first and then matches no row; on H2 it may instead fail on the row lock; both
 * end in {@link SlotTakenException} and the booking's transaction rolls back.
 */
public final class Slots {
    private static final String COLUMNS = "id, schedule_id, start_at, end_at, status, version_id, service_type,"
            + " delivery_channel, bookable, booking_ods, booking_org_types";

    private final GpRecordStore store;

    public Slots(GpRecordStore store) {
        this.store = store;
    }

    /**
     * Free, GP Connect bookable slots lying wholly within [from, to], by start time: what a slot search
     * may show (the practice keeps its other slots for its own patients).
     */
    public List<SlotRow> free(String odsCode, Instant from, Instant to) {
        return store.query("SELECT " + COLUMNS + " FROM slot WHERE practice_ods = ? AND start_at >= ? AND end_at <= ?"
                        + " AND status = 'free' AND bookable = TRUE ORDER BY start_at, id",
                ps -> { ps.setString(1, odsCode); ps.setObject(2, utc(from)); ps.setObject(3, utc(to)); },
                Slots::row);
    }

    public Optional<SlotRow> slot(String odsCode, String id) {
        return store.query("SELECT " + COLUMNS + " FROM slot WHERE practice_ods = ? AND id = ?",
                ps -> { ps.setString(1, odsCode); ps.setString(2, id); }, Slots::row).stream().findFirst();
    }

    /** The slots an appointment holds, by start time. */
    public List<SlotRow> heldBy(String odsCode, String appointmentId) {
        return store.query("SELECT " + COLUMNS.replaceAll("(^|, )", "$1s.") + " FROM slot s JOIN appointment_slot a"
                        + " ON a.practice_ods = s.practice_ods AND a.slot_id = s.id WHERE s.practice_ods = ? AND a.appointment_id = ?"
                        + " ORDER BY s.start_at",
                ps -> { ps.setString(1, odsCode); ps.setString(2, appointmentId); }, Slots::row);
    }

    /**
     * Takes the slots for the appointment in the writer's transaction: each becomes busy only if it is
     * still free at the version read; otherwise {@link SlotTakenException}, and the caller's transaction
     * must roll back. Slots are taken in id order, so two multi-slot bookings never wait on each other
     * in a cycle.
     */
    public static void take(RecordWriter writer, String odsCode, Collection<SlotRow> slots, String appointmentId) {
        List<SlotRow> ordered = new ArrayList<>(slots);
        ordered.sort(Comparator.comparing(SlotRow::id));
        try {
            for (SlotRow slot : ordered) {
                int taken = writer.update("UPDATE slot SET status = 'busy', version_id = version_id + 1"
                        + " WHERE practice_ods = ? AND id = ? AND status = 'free' AND version_id = ?", odsCode, slot.id(), slot.versionId());
                if (taken != 1) {
                    throw new SlotTakenException("Slot " + slot.id() + " is no longer free");
                }
                writer.update("INSERT INTO appointment_slot (practice_ods, appointment_id, slot_id) VALUES (?, ?, ?)",
                        odsCode, appointmentId, slot.id());
            }
        } catch (SQLException e) {
            if (lostRace(e)) {
                throw new SlotTakenException("A slot of this booking was taken at the same moment: " + e.getMessage());
            }
            throw new StoreException(e);
        }
    }

    /** Frees the slots a cancelled appointment held (appointments.md §7: the slot reflects the cancellation). */
    public static void release(RecordWriter writer, String odsCode, String appointmentId) throws SQLException {
        // by primary key, slot by slot: H2 answered the IN (subquery) form with a scan of every slot
        List<String> held = new ArrayList<>();
        try (PreparedStatement slots = writer.connection().prepareStatement(
                "SELECT slot_id FROM appointment_slot WHERE practice_ods = ? AND appointment_id = ?")) {
            slots.setString(1, odsCode);
            slots.setString(2, appointmentId);
            try (ResultSet rs = slots.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
            }
        }
        for (String slot : held) {
            writer.update("UPDATE slot SET status = 'free', version_id = version_id + 1 WHERE practice_ods = ? AND id = ?", odsCode, slot);
        }
        writer.update("DELETE FROM appointment_slot WHERE practice_ods = ? AND appointment_id = ?", odsCode, appointmentId);
    }

    /** Adds a slot (data set, rolling slots, tests); an existing id is left as it is. */
    public static boolean insert(RecordWriter writer, String odsCode, SlotRow slot, boolean rolling) throws SQLException {
        try (PreparedStatement exists = writer.connection().prepareStatement("SELECT 1 FROM slot WHERE practice_ods = ? AND id = ?")) {
            exists.setString(1, odsCode);
            exists.setString(2, slot.id());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        writer.update("INSERT INTO slot (practice_ods, " + COLUMNS + ", rolling) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                odsCode, slot.id(), slot.scheduleId(), utc(slot.start()), utc(slot.end()), slot.status(), slot.versionId(),
                slot.serviceType(), slot.deliveryChannel(), slot.bookable(), padded(slot.bookingOds()),
                padded(slot.bookingOrgTypes()), rolling);
        return true;
    }

    /**
     * Whether the database refused an UPDATE because another transaction held or changed the row: H2's
     * lock timeout (50200) or concurrent update (90131), or a serialization failure or deadlock (40001, 40P01).
     */
    private static boolean lostRace(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state) || sql.getErrorCode() == 50200 || sql.getErrorCode() == 90131) {
                    return true;
                }
            }
        }
        return false;
    }

    static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String padded(List<String> values) {
        return values == null ? null : " " + String.join(" ", values) + " ";
    }

    private static List<String> list(String padded) {
        return padded == null ? null : Arrays.stream(padded.trim().split(" ")).filter(s -> !s.isEmpty()).toList();
    }

    private static SlotRow row(ResultSet rs) throws SQLException {
        return new SlotRow(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getString(5), rs.getLong(6),
                rs.getString(7), rs.getString(8), rs.getBoolean(9), list(rs.getString(10)), list(rs.getString(11)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp.toInstant();
    }
}
