package org.gpconnect.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Writes within one transaction of {@link GpRecordStore#inTransaction}. */
public class RecordWriter {
    /**
     * The types GP Connect versions (Foundations and Appointments: ETags, If-Match). Structured
     * clinical resources must not carry meta.versionId, so theirs is kept in the table only.
     */
    static final java.util.Set<String> VERSIONED_TYPES = java.util.Set.of(
            "Patient", "Practitioner", "PractitionerRole", "Organization", "Location", "Appointment", "Slot", "Schedule");

    private final Connection connection;

    RecordWriter(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() { return connection; }

    /**
     * Stores a resource as a new version. With an expected version, the write only happens if the
     * stored version still is that one (optimistic locking): false tells the caller it lost the race.
     */
    public StoredResource save(String odsCode, ObjectNode resource, Long expectedVersion) throws SQLException {
        ResourceIndex index = ResourceIndex.of(resource);
        Long current = currentVersion(odsCode, index.resourceType(), index.id());
        if (expectedVersion != null && !expectedVersion.equals(current)) {
            throw new VersionConflictException(index.resourceType() + "/" + index.id());
        }
        long version = current == null ? 1 : current + 1;
        if (VERSIONED_TYPES.contains(index.resourceType())) {
            ((ObjectNode) resource.with("meta")).put("versionId", Long.toString(version));
        }
        String json;
        try {
            json = ResourceIndex.JSON.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        String filterFields = FilterFields.of(resource, index.references(), index.patientId()).text();
        Instant now = Instant.now();
        if (current == null) {
            update("INSERT INTO fhir_resource (practice_ods, resource_type, id, version_id, patient_id, last_updated, json,"
                    + " filter_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", odsCode, index.resourceType(), index.id(), version,
                    index.patientId(), Timestamp.from(now), json, filterFields);
        } else {
            int changed = update("UPDATE fhir_resource SET version_id = ?, patient_id = ?, last_updated = ?, json = ?,"
                    + " filter_fields = ? WHERE practice_ods = ? AND resource_type = ? AND id = ? AND version_id = ?",
                    version, index.patientId(), Timestamp.from(now), json, filterFields, odsCode, index.resourceType(),
                    index.id(), current);
            if (changed != 1) {
                throw new VersionConflictException(index.resourceType() + "/" + index.id());
            }
            update("DELETE FROM resource_identifier WHERE practice_ods = ? AND resource_type = ? AND id = ?",
                    odsCode, index.resourceType(), index.id());
            update("DELETE FROM resource_reference WHERE practice_ods = ? AND resource_type = ? AND id = ?",
                    odsCode, index.resourceType(), index.id());
        }
        for (ResourceIndex.Identifier identifier : index.identifiers()) {
            update("INSERT INTO resource_identifier (practice_ods, resource_type, id_system, id_value, id) VALUES (?, ?, ?, ?, ?)",
                    odsCode, index.resourceType(), identifier.system(), identifier.value(), index.id());
        }
        for (ResourceIndex.Reference reference : index.references()) {
            update("INSERT INTO resource_reference (practice_ods, resource_type, id, target_type, target_id) VALUES (?, ?, ?, ?, ?)",
                    odsCode, index.resourceType(), index.id(), reference.type(), reference.id());
        }
        if (DocumentIndex.TYPE.equals(index.resourceType())) {
            DocumentIndex.of(resource, index.patientId()).save(this, odsCode);
        } else if (AppointmentIndex.TYPE.equals(index.resourceType())) {
            AppointmentIndex.of(resource).save(this, odsCode);
        }
        return new StoredResource(index.resourceType(), index.id(), version, now, json);
    }

    public void savePatientRecord(String odsCode, PatientRecord p) throws SQLException {
        update("DELETE FROM patient_record WHERE practice_ods = ? AND id = ?", odsCode, p.id());
        update("INSERT INTO patient_record (practice_ods, id, nhs_number, active, deceased, sensitive, nhs_verified,"
                        + " registration_type, dissent, in_transit, merged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                odsCode, p.id(), p.nhsNumber(), p.active(), p.deceased(), p.sensitive(), p.nhsVerified(),
                p.registrationType(), p.dissent(), p.inTransit(), p.merged());
    }

    public void savePractice(Practice practice) throws SQLException {
        update("DELETE FROM practice WHERE ods_code = ?", practice.odsCode());
        update("INSERT INTO practice (ods_code, asid, organization_id, gpc_enabled, appointments_enabled,"
                        + " structured_enabled, documents_enabled, html_enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                practice.odsCode(), practice.asid(), practice.organizationId(), practice.gpConnectEnabled(),
                practice.enabled(org.gpconnect.fhir.interaction.Capability.APPOINTMENTS),
                practice.enabled(org.gpconnect.fhir.interaction.Capability.STRUCTURED),
                practice.enabled(org.gpconnect.fhir.interaction.Capability.DOCUMENTS),
                practice.enabled(org.gpconnect.fhir.interaction.Capability.HTML));
    }

    public int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private Long currentVersion(String odsCode, String type, String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT version_id FROM fhir_resource WHERE practice_ods = ? AND resource_type = ? AND id = ?")) {
            ps.setString(1, odsCode);
            ps.setString(2, type);
            ps.setString(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
