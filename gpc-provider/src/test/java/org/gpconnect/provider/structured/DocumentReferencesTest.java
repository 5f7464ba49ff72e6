package org.gpconnect.provider.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The two edits a structured response makes to documents: absolute Binary URLs, and links to switched-off ones. */
class DocumentReferencesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "https://gp.example.org:8443/B82617/STU3/1/gpconnect/documents";

    @Test
    void aStoredRelativeBinaryUrlBecomesAbsoluteOnTheDocumentsRoot() throws Exception {
        String stored = "{\"resourceType\":\"DocumentReference\",\"id\":\"docref-2-1\",\"content\":[{\"attachment\":"
                + "{\"contentType\":\"application/pdf\",\"url\":\"Binary/doc-2-1\",\"size\":48213}}]}";
        JsonNode served = JSON.readTree(DocumentReferences.withAbsoluteUrls(stored, ROOT));
        assertThat(served.at("/content/0/attachment/url").asText()).isEqualTo(ROOT + "/Binary/doc-2-1");
        assertThat(served.at("/content/0/attachment/size").asInt()).isEqualTo(48213);
    }

    @Test
    void anAbsoluteUrlOrAnotherUrlIsLeftAlone() {
        String absolute = "{\"content\":[{\"attachment\":{\"url\":\"https://elsewhere.example/Binary/x\"}}],"
                + "\"extension\":[{\"url\":\"https://fhir.nhs.uk/Binary-like\"}]}";
        assertThat(DocumentReferences.withAbsoluteUrls(absolute, ROOT)).isSameAs(absolute);
    }

    @Test
    void aRootThatNeedsEscapingStaysValidJson() throws Exception {
        String served = DocumentReferences.withAbsoluteUrls("{\"url\":\"Binary/d\"}", "http://h/\"odd\\");
        assertThat(JSON.readTree(served).get("url").asText()).isEqualTo("http://h/\"odd\\/Binary/d");
    }

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
