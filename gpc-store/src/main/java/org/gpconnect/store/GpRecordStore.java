package org.gpconnect.store;

import org.gpconnect.fhir.interaction.Capability;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GP record of every hosted practice, over JDBC. Reads return stored JSON untouched, so the
 * hot path never re-serialises; writes go through {@link #inTransaction}.
 */
public class GpRecordStore {
    /**
     * Practices are read on every request and change only when a data controller flips a switch;
     * a switch flipped by another process (./gpconnect switch) takes effect within this time.
     */
    static final long PRACTICE_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    private final DataSource dataSource;
    private final java.util.concurrent.ConcurrentHashMap<String, CachedPractice> practices = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.ConcurrentHashMap<String, PracticeDirectory> directories = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedPractice(Optional<Practice> practice, long readAt) {}

    public GpRecordStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() { return dataSource; }

    public List<Practice> practices() {
        return query("SELECT * FROM practice ORDER BY ods_code", ps -> {}, GpRecordStore::practice);
    }

    public Optional<Practice> practice(String odsCode) {
        long now = System.nanoTime();
        CachedPractice cached = practices.get(odsCode);
        if (cached != null && now - cached.readAt() < PRACTICE_CACHE_NANOS) {
            return cached.practice();
        }
        Optional<Practice> practice = readPractice(odsCode);
        if (practices.size() < 10_000) {
            practices.put(odsCode, new CachedPractice(practice, now));
        }
        return practice;
    }

    private Optional<Practice> readPractice(String odsCode) {
        return first(query("SELECT * FROM practice WHERE ods_code = ?", ps -> ps.setString(1, odsCode), GpRecordStore::practice));
    }

    public Optional<StoredResource> read(String odsCode, String type, String id) {
        return first(query("SELECT resource_type, id, version_id, last_updated, json FROM fhir_resource"
                        + " WHERE practice_ods = ? AND resource_type = ? AND id = ?",
                ps -> { ps.setString(1, odsCode); ps.setString(2, type); ps.setString(3, id); },
                GpRecordStore::resource));
    }

    public List<StoredResource> findByIdentifier(String odsCode, String type, String system, String value) {
        return query("SELECT r.resource_type, r.id, r.version_id, r.last_updated, r.json FROM resource_identifier i"
                        + " JOIN fhir_resource r ON r.practice_ods = i.practice_ods AND r.resource_type = i.resource_type AND r.id = i.id"
                        + " WHERE i.practice_ods = ? AND i.resource_type = ? AND i.id_system = ? AND i.id_value = ? ORDER BY r.id",
                ps -> { ps.setString(1, odsCode); ps.setString(2, type); ps.setString(3, system); ps.setString(4, value); },
                GpRecordStore::resource);
    }

    public List<PatientRecord> patientsByNhsNumber(String odsCode, String nhsNumber) {
        return query("SELECT * FROM patient_record WHERE practice_ods = ? AND nhs_number = ? ORDER BY id",
                ps -> { ps.setString(1, odsCode); ps.setString(2, nhsNumber); }, GpRecordStore::patient);
    }

    /** One patient's resources, read lazily by type for one request. */
    public PatientResources resourcesOf(String odsCode, String patientId) {
        return new PatientResources(this, odsCode, patientId);
    }

    /** A stored resource with its {@link FilterFields} text (null if written before they existed). */
    record Row(StoredResource resource, String filterFields) {}

    private static final String ROW_COLUMNS = "resource_type, id, version_id, last_updated, json, filter_fields";

    /**
     * The patient's resources of one type, or of every type when {@code type} is null, in type and
     * id order. A structured record never shows an item's stored version or time (clinical types
     * carry neither: {@link RecordWriter#VERSIONED_TYPES}), so they are not read: these rows have
     * version 0 and no time, and serve Access Record: Structured only.
     */
    List<Row> patientRows(String odsCode, String patientId, String type) {
        return query("SELECT resource_type, id, json, filter_fields FROM fhir_resource WHERE practice_ods = ? AND patient_id = ?"
                        + (type == null ? "" : " AND resource_type = ?") + " ORDER BY resource_type, id",
                ps -> {
                    ps.setString(1, odsCode);
                    ps.setString(2, patientId);
                    if (type != null) {
                        ps.setString(3, type);
                    }
                }, rs -> new Row(new StoredResource(rs.getString(1), rs.getString(2), 0, null, rs.getString(3)), rs.getString(4)));
    }

    /**
     * Everything the given resources reference, directly or through what they reference (a
     * MedicationRequest's Medication, an Encounter's Location, a Practitioner's Organization), and
     * the PractitionerRoles of every Practitioner found: what a response Bundle must carry so that
     * each reference resolves inside it. The starting resources themselves are not repeated, nor is
     * the patient (the caller's Bundle starts with it). References are followed through each
     * resource's filter fields; the patient's resources come from {@code patient}, the practice's
     * directory from {@link #directory}, and only other shared ones (medications) are read here.
     */
    public List<StoredResource> referencedClosure(PatientResources patient, java.util.Collection<StoredResource> from) {
        String odsCode = patient.odsCode();
        java.util.Map<String, StoredResource> found = new java.util.LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<StoredResource> frontier = new ArrayList<>();
        for (StoredResource resource : from) {
            if (seen.add(resource.reference())) {
                frontier.add(resource);
            }
        }
        while (!frontier.isEmpty()) {
            java.util.Map<String, java.util.Set<String>> unknown = new java.util.TreeMap<>();
            List<StoredResource> next = new ArrayList<>();
            for (StoredResource source : frontier) {
                for (ResourceIndex.Reference target : patient.referencesOf(source)) {
                    String reference = target.type() + "/" + target.id();
                    if (!seen.add(reference)) {
                        continue;
                    }
                    Optional<StoredResource> known = patient.resolve(reference);
                    if (known.isPresent()) {
                        found.put(reference, known.get());
                        next.add(known.get());
                    } else {
                        unknown.computeIfAbsent(target.type(), t -> new java.util.TreeSet<>()).add(target.id());
                    }
                }
            }
            for (java.util.Map.Entry<String, java.util.Set<String>> byType : unknown.entrySet()) {
                for (Row row : rowsByIds(odsCode, byType.getKey(), byType.getValue())) {
                    patient.addShared(row);
                    found.put(row.resource().reference(), row.resource());
                    next.add(row.resource());
                }
            }
            frontier = next;
        }
        List<String> practitioners = new ArrayList<>();
        for (StoredResource resource : found.values()) {
            if (resource.resourceType().equals("Practitioner")) {
                practitioners.add(resource.id());
            }
        }
        PracticeDirectory directory = directory(odsCode);
        for (String practitioner : practitioners) {
            for (StoredResource role : directory.rolesOf(practitioner)) {
                if (seen.add("PractitionerRole/" + role.id())) {
                    found.put("PractitionerRole/" + role.id(), role);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * Resources of one type by id: primary-key lookups on one connection and one statement (an IN
     * list made H2 scan the table; a lookup each is microseconds).
     */
    List<Row> rowsByIds(String odsCode, String type, java.util.Collection<String> ids) {
        List<Row> found = new ArrayList<>(ids.size());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT " + ROW_COLUMNS
                     + " FROM fhir_resource WHERE practice_ods = ? AND resource_type = ? AND id = ?")) {
            ps.setString(1, odsCode);
            ps.setString(2, type);
            for (String id : ids) {
                ps.setString(3, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.add(new Row(resource(rs), rs.getString(6)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return found;
    }

    /**
     * The practice's Practitioners, PractitionerRoles, Organizations and Locations: read by almost
     * every structured request, changed rarely, so held for the same short time as the practice
     * itself ({@link #PRACTICE_CACHE_NANOS}) rather than looked up one by one per request.
     */
    public PracticeDirectory directory(String odsCode) {
        long now = System.nanoTime();
        PracticeDirectory cached = directories.get(odsCode);
        if (cached != null && now - cached.readAt() < PRACTICE_CACHE_NANOS) {
            return cached;
        }
        PracticeDirectory directory = new PracticeDirectory(query("SELECT " + ROW_COLUMNS + " FROM fhir_resource"
                        + " WHERE practice_ods = ? AND resource_type IN ('Practitioner', 'PractitionerRole', 'Organization', 'Location')"
                        + " ORDER BY resource_type, id",
                ps -> ps.setString(1, odsCode), rs -> new Row(resource(rs), rs.getString(6))), now);
        if (directories.size() < 10_000) {
            directories.put(odsCode, directory);
        }
        return directory;
    }

    /** The clinical areas a practice has switched off for Access Record: Structured, by parameter name. */
    public java.util.Set<String> disabledClinicalAreas(String odsCode) {
        return new java.util.HashSet<>(query("SELECT area FROM clinical_area_switch WHERE practice_ods = ? AND enabled = FALSE",
                ps -> ps.setString(1, odsCode), rs -> rs.getString(1)));
    }

    public void setClinicalArea(String odsCode, String area, boolean enabled) {
        inTransaction(writer -> {
            writer.update("DELETE FROM clinical_area_switch WHERE practice_ods = ? AND area = ?", odsCode, area);
            return writer.update("INSERT INTO clinical_area_switch (practice_ods, area, enabled) VALUES (?, ?, ?)", odsCode, area, enabled);
        });
    }

    /** The patient's items the practice keeps confidential, as "Type/id". */
    public java.util.Set<String> confidentialItems(String odsCode, String patientId) {
        return new java.util.HashSet<>(query("SELECT c.resource_type, c.id FROM confidential_item c"
                        + " JOIN fhir_resource r ON r.practice_ods = c.practice_ods AND r.resource_type = c.resource_type AND r.id = c.id"
                        + " WHERE c.practice_ods = ? AND r.patient_id = ?",
                ps -> { ps.setString(1, odsCode); ps.setString(2, patientId); },
                rs -> rs.getString(1) + "/" + rs.getString(2)));
    }

    /**
     * What a search for a patient's documents asks (Access Document): created in [from, before) where
     * either bound is given; authored by one of {@code authors} ("Organization/2") where given; and
     * containing every keyword (lower case) in its description or type.
     */
    public record DocumentCriteria(Instant createdFrom, Instant createdBefore, List<String> authors, List<String> keywords) {}

    /** The patient's DocumentReferences that meet the criteria, newest first, through {@link DocumentIndex}. */
    public List<StoredResource> documents(String odsCode, String patientId, DocumentCriteria criteria) {
        StringBuilder sql = new StringBuilder("SELECT r.resource_type, r.id, r.version_id, r.last_updated, r.json"
                + " FROM document_index d JOIN fhir_resource r ON r.practice_ods = d.practice_ods"
                + " AND r.resource_type = 'DocumentReference' AND r.id = d.document_reference_id"
                + " WHERE d.practice_ods = ? AND d.patient_id = ?");
        List<Object> args = new ArrayList<>(List.of(odsCode, patientId));
        if (criteria.createdFrom() != null) {
            sql.append(" AND d.created >= ?");
            args.add(criteria.createdFrom().atOffset(java.time.ZoneOffset.UTC));
        }
        if (criteria.createdBefore() != null) {
            sql.append(" AND d.created < ?");
            args.add(criteria.createdBefore().atOffset(java.time.ZoneOffset.UTC));
        }
        if (criteria.authors() != null) {
            if (criteria.authors().isEmpty()) {
                return List.of();
            }
            sql.append(" AND (");
            for (int i = 0; i < criteria.authors().size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("d.authors LIKE ? ESCAPE '\\'");
                args.add("% " + likeEscaped(criteria.authors().get(i)) + " %");
            }
            sql.append(')');
        }
        for (String keyword : criteria.keywords()) {
            sql.append(" AND d.search_text LIKE ? ESCAPE '\\'");
            args.add("%" + likeEscaped(keyword) + "%");
        }
        sql.append(" ORDER BY d.created DESC, d.document_reference_id");
        return query(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
        }, GpRecordStore::resource);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The patient's Appointments starting in [from, before), by start time (Retrieve a patient's appointments). */
    public List<StoredResource> appointments(String odsCode, String patientId, Instant from, Instant before) {
        return AppointmentIndex.find(this, odsCode, patientId, from, before);
    }

    /** A DocumentReference found by the Binary its attachment points at, with the patient it belongs to. */
    public record DocumentOfBinary(StoredResource documentReference, String patientId) {}

    public Optional<DocumentOfBinary> documentOfBinary(String odsCode, String binaryId) {
        return first(query("SELECT r.resource_type, r.id, r.version_id, r.last_updated, r.json, d.patient_id"
                        + " FROM document_index d JOIN fhir_resource r ON r.practice_ods = d.practice_ods"
                        + " AND r.resource_type = 'DocumentReference' AND r.id = d.document_reference_id"
                        + " WHERE d.practice_ods = ? AND d.binary_id = ? ORDER BY r.id",
                ps -> { ps.setString(1, odsCode); ps.setString(2, binaryId); },
                rs -> new DocumentOfBinary(resource(rs), rs.getString(6))));
    }

    /** A patient's registration facts with the stored Patient, in one query: Find a patient's hot path. */
    public record PatientWithResource(PatientRecord record, StoredResource resource) {}

    public List<PatientWithResource> patientsWithResourceByNhsNumber(String odsCode, String nhsNumber) {
        return query("SELECT p.*, r.resource_type, r.version_id, r.last_updated, r.json FROM patient_record p"
                        + " JOIN fhir_resource r ON r.practice_ods = p.practice_ods AND r.resource_type = 'Patient' AND r.id = p.id"
                        + " WHERE p.practice_ods = ? AND p.nhs_number = ? ORDER BY p.id",
                ps -> { ps.setString(1, odsCode); ps.setString(2, nhsNumber); },
                rs -> new PatientWithResource(patient(rs), new StoredResource("Patient", rs.getString("id"),
                        rs.getLong("version_id"), rs.getTimestamp("last_updated").toInstant(), rs.getString("json"))));
    }

    /** The logical ids of every patient registered (or once registered) at the practice, unordered. */
    public List<String> patientIds(String odsCode) {
        return query("SELECT id FROM patient_record WHERE practice_ods = ?", ps -> ps.setString(1, odsCode), rs -> rs.getString(1));
    }

    public Optional<PatientRecord> patient(String odsCode, String id) {
        return first(query("SELECT * FROM patient_record WHERE practice_ods = ? AND id = ?",
                ps -> { ps.setString(1, odsCode); ps.setString(2, id); }, GpRecordStore::patient));
    }

    /**
     * Brings the database's planner statistics up to date after a bulk load. PostgreSQL planned the
     * confidential items of a freshly generated 3,000-item record as if the patient had one resource
     * (a 2.5 ms nested loop over all of them, against 0.15 ms once analysed), and autovacuum analyses
     * only some time later.
     */
    public void refreshStatistics() {
        try (Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs the work in one transaction: all of it is written, or none. */
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new RecordWriter(connection));
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public void setSwitch(String odsCode, Capability capability, boolean enabled) {
        String column = capability == Capability.FOUNDATIONS ? "gpc_enabled" : capability.name().toLowerCase() + "_enabled";
        inTransaction(writer -> writer.update("UPDATE practice SET " + column + " = ? WHERE ods_code = ?", enabled, odsCode));
        practices.remove(odsCode);
    }

    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(RecordWriter writer) throws SQLException;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static Practice practice(ResultSet rs) throws SQLException {
        Map<Capability, Boolean> switches = new EnumMap<>(Capability.class);
        switches.put(Capability.APPOINTMENTS, rs.getBoolean("appointments_enabled"));
        switches.put(Capability.STRUCTURED, rs.getBoolean("structured_enabled"));
        switches.put(Capability.DOCUMENTS, rs.getBoolean("documents_enabled"));
        switches.put(Capability.HTML, rs.getBoolean("html_enabled"));
        return new Practice(rs.getString("ods_code"), rs.getString("asid"), rs.getString("organization_id"),
                rs.getBoolean("gpc_enabled"), switches);
    }

    static StoredResource resource(ResultSet rs) throws SQLException {
        Timestamp updated = rs.getTimestamp(4);
        return new StoredResource(rs.getString(1), rs.getString(2), rs.getLong(3), updated.toInstant(), rs.getString(5));
    }

    private static PatientRecord patient(ResultSet rs) throws SQLException {
        return new PatientRecord(rs.getString("id"), rs.getString("nhs_number"), rs.getBoolean("active"),
                rs.getBoolean("deceased"), rs.getBoolean("sensitive"), rs.getBoolean("nhs_verified"),
                rs.getString("registration_type"), rs.getBoolean("dissent"), rs.getBoolean("in_transit"),
                rs.getBoolean("merged"));
    }
}
