package org.gpconnect.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What a patient's appointments are found by (V7 {@code appointment_index}): patient, start and status,
 * written with each Appointment by {@link RecordWriter#save}, so Retrieve a patient's appointments is a
 * range query rather than a scan of stored JSON.
 */
record AppointmentIndex(String id, String patientId, Instant start, String status) {
    static final String TYPE = "Appointment";

    static AppointmentIndex of(JsonNode appointment) {
        String patient = null;
        for (JsonNode participant : appointment.path("participant")) {
            String reference = participant.path("actor").path("reference").asText("");
            if (reference.startsWith("Patient/")) {
                patient = reference.substring("Patient/".length());
                break;
            }
        }
        return new AppointmentIndex(appointment.path("id").asText(), patient,
                DocumentIndex.startOf(appointment.path("start").asText(null)), appointment.path("status").asText(null));
    }

    void save(RecordWriter writer, String odsCode) throws SQLException {
        writer.update("DELETE FROM appointment_index WHERE practice_ods = ? AND id = ?", odsCode, id);
        writer.update("INSERT INTO appointment_index (practice_ods, id, patient_id, start_at, status) VALUES (?, ?, ?, ?, ?)",
                odsCode, id, patientId, start == null ? null : Slots.utc(start), status);
    }

    /** The patient's Appointments starting in [from, before), by start time. */
    static List<StoredResource> find(GpRecordStore store, String odsCode, String patientId, Instant from, Instant before) {
        return store.query("SELECT r.resource_type, r.id, r.version_id, r.last_updated, r.json FROM appointment_index a"
                        + " JOIN fhir_resource r ON r.practice_ods = a.practice_ods AND r.resource_type = 'Appointment' AND r.id = a.id"
                        + " WHERE a.practice_ods = ? AND a.patient_id = ? AND a.start_at >= ? AND a.start_at < ? ORDER BY a.start_at, a.id",
                ps -> {
                    ps.setString(1, odsCode);
                    ps.setString(2, patientId);
                    ps.setObject(3, Slots.utc(from));
                    ps.setObject(4, Slots.utc(before));
                }, GpRecordStore::resource);
    }
}
