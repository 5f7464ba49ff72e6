package org.gpconnect.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.fhir.interaction.Capability;
import org.gpconnect.store.audit.AuditEvent;
import org.gpconnect.store.audit.AuditTrail;
import org.gpconnect.store.audit.AuditVerifier;
import org.gpconnect.store.dataset.DataSetLoader;
import org.gpconnect.store.pds.PdsDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store on both real databases: migrations, the default data set, writes, the audit chain. */
class GpRecordStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HikariDataSource open(TestDatabase database) {
        TestDatabase.Connect c = database.fresh();
        return Database.open(c.url(), c.user(), c.password(), 4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void loadsTheDefaultDataSetOnceWithItsIndexes(TestDatabase database) {
        try (HikariDataSource dataSource = open(database)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            assertThat(new DataSetLoader(store).loadOnce("default")).isTrue();
            assertThat(new DataSetLoader(store).loadOnce("default")).isFalse();

            Practice practice = store.practice("B82617").orElseThrow();
            assertThat(practice.asid()).isEqualTo("918999198738");
            assertThat(practice.enabled(Capability.FOUNDATIONS)).isTrue();

            assertThat(store.findByIdentifier("B82617", "Organization", "https://fhir.nhs.uk/Id/ods-organization-code", "B82617"))
                    .hasSize(1);
            assertThat(store.findByIdentifier("B82617", "Organization", "https://fhir.nhs.uk/Id/ods-organization-code", "INVOC1"))
                    .isEmpty();
            assertThat(store.read("B82617", "Location", "8")).isPresent();

            PatientRecord deceased = store.patientsByNhsNumber("B82617", "9690938681").get(0);
            assertThat(deceased.deceased()).isTrue();
            assertThat(deceased.sharable()).isFalse();
            PatientRecord sensitive = store.patientsByNhsNumber("B82617", "9690938533").get(0);
            assertThat(sensitive.sensitive()).isTrue();
            PatientRecord dissent = store.patientsByNhsNumber("B82617", "9690938576").get(0);
            assertThat(dissent.dissent()).isTrue();
            assertThat(dissent.sharable()).isTrue();
            assertThat(store.patientsByNhsNumber("B82617", "9999999999")).isEmpty();

            PdsDirectory pds = new PdsDirectory(store);
            assertThat(pds.retrieve("9690937278")).isPresent();
            assertThat(pds.retrieve("9476718943")).as("patient14 is not on the spine").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStaleVersionWritesNothing(TestDatabase database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            new DataSetLoader(store).loadOnce("default");
            StoredResource location = store.read("B82617", "Location", "1").orElseThrow();
            ObjectNode changed = (ObjectNode) JSON.readTree(location.json());
            changed.put("name", "Renamed surgery");

            StoredResource saved = store.inTransaction(writer -> writer.save("B82617", changed.deepCopy(), location.versionId()));
            assertThat(saved.versionId()).isEqualTo(location.versionId() + 1);

            changed.put("name", "Lost update");
            assertThatThrownBy(() -> store.inTransaction(writer -> writer.save("B82617", changed, location.versionId())))
                    .isInstanceOf(VersionConflictException.class);
            assertThat(store.read("B82617", "Location", "1").orElseThrow().json()).contains("Renamed surgery");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findsAPatientsItemsAndEverythingTheyReference(TestDatabase database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            new DataSetLoader(store).loadOnce("default");
            ObjectNode medication = (ObjectNode) JSON.readTree("{\"resourceType\":\"Medication\",\"id\":\"med-1\"}");
            ObjectNode request = (ObjectNode) JSON.readTree("{\"resourceType\":\"MedicationRequest\",\"id\":\"mr-1\","
                    + "\"subject\":{\"reference\":\"Patient/2\"},\"medicationReference\":{\"reference\":\"Medication/med-1\"},"
                    + "\"recorder\":{\"reference\":\"Practitioner/2\"}}");
            ObjectNode other = (ObjectNode) JSON.readTree("{\"resourceType\":\"MedicationRequest\",\"id\":\"mr-other\","
                    + "\"subject\":{\"reference\":\"Patient/3\"}}");
            store.inTransaction(writer -> {
                writer.save("B82617", medication, null);
                writer.save("B82617", request, null);
                writer.save("B82617", other, null);
                return null;
            });
            PatientResources patient2 = store.resourcesOf("B82617", "2");
            var items = new java.util.ArrayList<>(patient2.ofType("MedicationRequest"));
            items.addAll(patient2.ofType("AllergyIntolerance"));
            assertThat(items).extracting(StoredResource::id).contains("mr-1").doesNotContain("mr-other");

            var closure = store.referencedClosure(patient2, items);
            assertThat(closure).extracting(r -> r.resourceType() + "/" + r.id())
                    .contains("Medication/med-1", "Practitioner/2")
                    .as("the patient is every Bundle's first entry anyway")
                    .doesNotContain("MedicationRequest/mr-1", "Patient/2")
                    .doesNotHaveDuplicates();
            assertThat(closure).extracting(StoredResource::resourceType).contains("PractitionerRole");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyVersionedTypesCarryTheirVersionInTheJson(TestDatabase database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            ObjectNode allergy = (ObjectNode) JSON.readTree(
                    "{\"resourceType\":\"AllergyIntolerance\",\"id\":\"a1\",\"patient\":{\"reference\":\"Patient/2\"}}");
            StoredResource saved = store.inTransaction(writer -> writer.save("B82617", allergy, null));
            assertThat(saved.versionId()).isEqualTo(1);
            assertThat(saved.json()).doesNotContain("versionId");
            assertThat(store.read("B82617", "AllergyIntolerance", "a1").orElseThrow().versionId()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theAuditChainVerifiesAndShowsTampering(TestDatabase database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            try (AuditTrail trail = new AuditTrail(dataSource, "node-a")) {
                for (int i = 0; i < 25; i++) {
                    trail.record(new AuditEvent(Instant.now(), AuditEvent.REQUEST, "trace-" + i, "urn:x", "1", "2", "B82617",
                            "A11111", "1 sds=G1", "dev", "9690937278", "OK", 200, 3, null));
                }
            }
            try (AuditTrail restarted = new AuditTrail(dataSource, "node-a")) {
                restarted.record(new AuditEvent(Instant.now(), AuditEvent.SWITCH_CHANGE, null, null, null, null, "B82617",
                        null, "admin", null, null, "OK", 0, 0, "STRUCTURED disabled"));
            }
            AuditVerifier.Result intact = AuditVerifier.verify(dataSource);
            assertThat(intact.records()).isEqualTo(26);
            assertThat(intact.intact()).as(intact.problems().toString()).isTrue();

            try (var connection = dataSource.getConnection()) {
                connection.createStatement().executeUpdate("UPDATE audit_event SET patient = '9999999999' WHERE seq = 7");
            }
            AuditVerifier.Result tampered = AuditVerifier.verify(dataSource);
            assertThat(tampered.intact()).isFalse();
            assertThat(tampered.problems().get(0)).contains("seq 7");

            try (var connection = dataSource.getConnection()) {
                connection.createStatement().executeUpdate("DELETE FROM audit_event WHERE seq = 7");
            }
            assertThat(AuditVerifier.verify(dataSource).problems().get(0)).contains("missing");
        }
    }
}
