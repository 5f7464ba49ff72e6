package org.gpconnect.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FilterFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATEMENT = """
            {"resourceType":"MedicationStatement","id":"ms-1","meta":{"profile":["x"]},"status":"active",
             "basedOn":[{"reference":"MedicationRequest/plan-1"}],"effectivePeriod":{"start":"2020-01-02"},
             "extension":[{"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescribingAgency-1",
               "valueCodeableConcept":{"coding":[{"code":"prescribed-at-gp-practice"}]}},
              {"url":"https://example.org/unrelated","valueString":"dropped"}],
             "note":[{"text":"a long free-text note the filters never read"}],
             "subject":{"reference":"Patient/2"},"informationSource":{"reference":"Practitioner/1"},
             "medicationReference":{"reference":"Medication/m-1"},
             "code":{"coding":[{"system":"http://snomed.info/sct","code":"123","display":"dropped"}]}}""";

    @Test
    void keepsWhatFiltersAndLinksReadAndNothingElse() throws Exception {
        FilterFields fields = FilterFields.of(JSON.readTree(STATEMENT));
        assertThat(fields.get("status")).isEqualTo("active");
        assertThat(fields.all("basedOn")).containsExactly("MedicationRequest/plan-1");
        assertThat(fields.get("effectivePeriod.start")).isEqualTo("2020-01-02");
        assertThat(fields.get("effectivePeriod.end")).isNull();
        assertThat(fields.get("prescribingAgency")).isEqualTo("prescribed-at-gp-practice");
        assertThat(fields.all("code")).containsExactly("http://snomed.info/sct|123");
        assertThat(fields.text()).doesNotContain("dropped", "free-text", "profile");
        // the patient's own reference is left out: every item has it
        assertThat(fields.all("refs")).containsExactly("MedicationRequest/plan-1", "Practitioner/1", "Medication/m-1");
        assertThat(FilterFields.parse(fields.text())).isEqualTo(fields);
    }

    @Test
    void keepsProblemLinksAndListEntriesInOrder() throws Exception {
        FilterFields problem = FilterFields.of(JSON.readTree("""
                {"resourceType":"Condition","id":"p1","clinicalStatus":"active","subject":{"reference":"Patient/2"},
                 "extension":[{"url":"https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ProblemSignificance-1","valueCode":"major"},
                  {"url":"https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedClinicalContent-1","valueReference":{"reference":"Encounter/e1"}},
                  {"url":"https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedProblemHeader-1",
                   "extension":[{"url":"type","valueCode":"child"},{"url":"target","valueReference":{"reference":"Condition/p2"}}]}]}"""));
        assertThat(problem.get("significance")).isEqualTo("major");
        assertThat(problem.all("link")).containsExactly("Encounter/e1", "Condition/p2");
        FilterFields list = FilterFields.of(JSON.readTree("""
                {"resourceType":"List","id":"l1","subject":{"reference":"Patient/2"},"encounter":{"reference":"Encounter/e1"},
                 "entry":[{"item":{"reference":"List/l2"}},{"item":{"reference":"Observation/o1"}}]}"""));
        assertThat(list.get("encounter")).isEqualTo("Encounter/e1");
        assertThat(list.all("entry")).containsExactly("List/l2", "Observation/o1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStoreWrittenBeforeFilterFieldsGetsThemWhenMigrated(TestDatabase database) throws Exception {
        TestDatabase.Connect c = database.fresh();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(c.url());
        config.setUsername(c.user());
        config.setPassword(c.password());
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("3").load().migrate();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO fhir_resource (practice_ods, resource_type, id,"
                         + " version_id, patient_id, last_updated, json) VALUES ('B82617', 'MedicationStatement', 'ms-1', 1, '2', ?, ?)")) {
                insert.setTimestamp(1, Timestamp.from(Instant.now()));
                insert.setString(2, STATEMENT);
                insert.executeUpdate();
            }
            Database.migrate(dataSource);
            try (Connection connection = dataSource.getConnection();
                 ResultSet rs = connection.createStatement().executeQuery("SELECT filter_fields FROM fhir_resource WHERE id = 'ms-1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(FilterFields.parse(rs.getString(1))).isEqualTo(FilterFields.of(JSON.readTree(STATEMENT)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRequestReadsEachTypeOnceAndResolvesThePatientsReferencesInMemory(TestDatabase database) throws Exception {
        TestDatabase.Connect c = database.fresh();
        try (HikariDataSource dataSource = Database.open(c.url(), c.user(), c.password(), 2)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            ObjectNode statementJson = (ObjectNode) JSON.readTree(STATEMENT);
            ObjectNode plan = (ObjectNode) JSON.readTree("{\"resourceType\":\"MedicationRequest\",\"id\":\"plan-1\","
                    + "\"intent\":\"plan\",\"subject\":{\"reference\":\"Patient/2\"}}");
            ObjectNode medication = (ObjectNode) JSON.readTree("{\"resourceType\":\"Medication\",\"id\":\"m-1\"}");
            store.inTransaction(writer -> {
                writer.save("B82617", statementJson, null);
                writer.save("B82617", plan, null);
                writer.save("B82617", medication, null);
                return null;
            });
            PatientResources resources = store.resourcesOf("B82617", "2");
            StoredResource statement = resources.ofType("MedicationStatement").get(0);
            assertThat(resources.filterFields(statement).get("status")).isEqualTo("active");
            assertThat(resources.get("MedicationRequest/plan-1")).isPresent();
            assertThat(resources.get("Medication/m-1")).as("shared, not the patient's").isEmpty();
            assertThat(store.referencedClosure(resources, java.util.List.of(statement)))
                    .extracting(r -> r.resourceType() + "/" + r.id())
                    .containsExactlyInAnyOrder("MedicationRequest/plan-1", "Medication/m-1");
        }
    }
}
