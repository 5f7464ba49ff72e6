package org.gpconnect.provider.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Links to switched-off documents in a structured response. */
class DocumentReferencesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void referencesToSwitchedOffDocumentsSayTheyAreDisabled() throws Exception {
        JsonNode list = JSON.readTree("{\"resourceType\":\"List\",\"entry\":[{\"item\":{\"reference\":\"Observation/o1\"}},"
                + "{\"item\":{\"reference\":\"DocumentReference/d1\"}},{\"item\":{\"reference\":\"DocumentReference/kept\"}}]}");
        assertThat(DocumentReferences.replaceReferences(list, reference -> !reference.endsWith("/kept"))).isTrue();
        assertThat(list.at("/entry/0/item/reference").asText()).isEqualTo("Observation/o1");
        assertThat(list.at("/entry/1/item").toString()).isEqualTo("{\"display\":\"Document items have been disabled\"}");
        assertThat(list.at("/entry/2/item/reference").asText()).isEqualTo("DocumentReference/kept");

        JsonNode noDocuments = JSON.readTree("{\"supportingInfo\":[{\"reference\":\"Observation/o1\"}]}");
        assertThat(DocumentReferences.replaceReferences(noDocuments, reference -> true)).isFalse();
    }
}
