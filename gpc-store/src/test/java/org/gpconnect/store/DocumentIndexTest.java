package org.gpconnect.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The document index: written with each DocumentReference, queried by search, rebuilt by the V6 back-fill. */
class DocumentIndexTest {
    private static final String ODS = "B82617";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode document(String id, String created, String author, String description, String url) {
        return (ObjectNode) JSON.valueToTree(parse("{\"resourceType\":\"DocumentReference\",\"id\":\"" + id + "\",\"status\":\"current\","
                + "\"type\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"823681000000100\",\"display\":\"Outpatient letter\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"}," + (created == null ? "" : "\"created\":\"" + created + "\",")
                + "\"indexed\":\"2020-01-02T09:00:00+00:00\",\"author\":[{\"reference\":\"" + author + "\"}],"
                + "\"description\":\"" + description + "\",\"content\":[{\"attachment\":{\"contentType\":\"application/pdf\","
                + (url == null ? "" : "\"url\":\"" + url + "\",") + "\"size\":10}}]}"));
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> ids(GpRecordStore store, GpRecordStore.DocumentCriteria criteria) {
        return store.documents(ODS, "p1", criteria).stream().map(StoredResource::id).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void searchesByCreatedAuthorAndKeywordsAndFindsTheDocumentOfABinary(TestDatabase database) throws Exception {
        TestDatabase.Connect c = database.fresh();
        try (HikariDataSource dataSource = Database.open(c.url(), c.user(), c.password(), 2)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            store.inTransaction(writer -> {
                writer.save(ODS, document("d1", "2021-03-04T10:00:00+00:00", "Organization/2", "Knee X-ray 50% narrowing", "Binary/b1"), null);
                writer.save(ODS, document("d2", "2022-05", "Practitioner/1", "Asthma review", "Binary/b2"), null);
                writer.save(ODS, document("d3", null, "Organization/2", "Scanned letter_old", null), null);
                return null;
            });
            GpRecordStore.DocumentCriteria all = new GpRecordStore.DocumentCriteria(null, null, null, List.of());
            assertThat(ids(store, all)).as("newest first; d3 dated by indexed").containsExactly("d2", "d1", "d3");
            assertThat(ids(store, new GpRecordStore.DocumentCriteria(Instant.parse("2021-01-01T00:00:00Z"), null, null, List.of())))
                    .containsExactly("d2", "d1");
            assertThat(ids(store, new GpRecordStore.DocumentCriteria(null, Instant.parse("2021-03-04T10:00:00Z"), null, List.of())))
                    .as("before is exclusive").containsExactly("d3");
            assertThat(ids(store, new GpRecordStore.DocumentCriteria(null, null, List.of("Organization/2"), List.of()))).containsExactly("d1", "d3");
            assertThat(ids(store, new GpRecordStore.DocumentCriteria(null, null, List.of("Organization/"), List.of()))).isEmpty();
            assertThat(ids(store, new GpRecordStore.DocumentCriteria(null, null, List.of(), List.of()))).isEmpty();
            assertThat(ids(store, new GpRecordStore.DocumentCriteria(null, null, null, List.of("letter")))).containsExactly("d2", "d1", "d3");
            assertThat(ids(store, new GpRecordStore.DocumentCriteria(null, null, null, List.of("knee", "50%")))).containsExactly("d1");
            assertThat(ids(store, new GpRecordStore.DocumentCriteria(null, null, null, List.of("5_%")))).isEmpty();
            assertThat(ids(store, new GpRecordStore.DocumentCriteria(null, null, null, List.of("letter_")))).containsExactly("d3");
            assertThat(store.documentOfBinary(ODS, "b2")).hasValueSatisfying(found -> {
                assertThat(found.documentReference().id()).isEqualTo("d2");
                assertThat(found.patientId()).isEqualTo("p1");
            });
            assertThat(store.documentOfBinary(ODS, "b3")).isEmpty();

            store.inTransaction(writer -> writer.save(ODS, document("d2", "2022-05", "Practitioner/1", "Asthma review", "Binary/b9"), null));
            assertThat(store.documentOfBinary(ODS, "b2")).as("a new version re-indexes").isEmpty();
            assertThat(store.documentOfBinary(ODS, "b9")).isPresent();

            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM document_index");
                DocumentIndex.backfill(connection);
            }
            assertThat(ids(store, all)).as("the V6 back-fill rebuilds it").containsExactly("d2", "d1", "d3");
            assertThat(store.documentOfBinary(ODS, "b9")).isPresent();
        }
    }
}
