package org.gpconnect.provider.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments as served: absolute Binary URLs, and placeholders for documents Retrieve cannot return. */
class DocumentAttachmentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "https://gp.example.org:8443/B82617/STU3/1/gpconnect/documents";

    @Test
    void aStoredRelativeBinaryUrlBecomesAbsoluteOnTheDocumentsRoot() throws Exception {
        String stored = "{\"resourceType\":\"DocumentReference\",\"id\":\"docref-2-1\",\"content\":[{\"attachment\":"
                + "{\"contentType\":\"application/pdf\",\"url\":\"Binary/doc-2-1\",\"size\":48213}}]}";
        JsonNode served = JSON.readTree(DocumentAttachments.forMigration(stored, ROOT));
        assertThat(served.at("/content/0/attachment/url").asText()).isEqualTo(ROOT + "/Binary/doc-2-1");
        assertThat(served.at("/content/0/attachment/size").asInt()).isEqualTo(48213);
    }

    @Test
    void anAbsoluteUrlOrAnotherUrlIsLeftAlone() {
        String absolute = "{\"content\":[{\"attachment\":{\"url\":\"https://elsewhere.example/Binary/x\"}}],"
                + "\"extension\":[{\"url\":\"https://fhir.nhs.uk/Binary-like\"}]}";
        assertThat(DocumentAttachments.forMigration(absolute, ROOT)).isSameAs(absolute);
    }

    @Test
    void aRootThatNeedsEscapingStaysValidJson() throws Exception {
        String served = DocumentAttachments.forMigration("{\"url\":\"Binary/d\"}", "http://h/\"odd\\");
        assertThat(JSON.readTree(served).get("url").asText()).isEqualTo("http://h/\"odd\\/Binary/d");
    }

    @Test
    void overTheRetrieveLimitADocumentIsAPlaceholderForDirectCareButNotForMigration() throws Exception {
        String stored = "{\"resourceType\":\"DocumentReference\",\"content\":[{\"attachment\":{\"contentType\":"
                + "\"application/pdf\",\"url\":\"Binary/big\",\"size\":" + (DocumentAttachments.RETRIEVE_LIMIT + 1) + "}},"
                + "{\"attachment\":{\"contentType\":\"application/pdf\",\"url\":\"Binary/small\",\"size\":"
                + DocumentAttachments.RETRIEVE_LIMIT + "}}]}";
        JsonNode direct = JSON.readTree(DocumentAttachments.forRetrieval(stored, ROOT));
        assertThat(direct.at("/content/0/attachment/url").isMissingNode()).as("no url to retrieve").isTrue();
        assertThat(direct.at("/content/0/attachment/title").asText()).contains("file size").contains("5 MB");
        assertThat(direct.at("/content/0/attachment/size").asLong()).isEqualTo(DocumentAttachments.RETRIEVE_LIMIT + 1);
        assertThat(direct.at("/content/1/attachment/url").asText()).as("exactly 5 MB is retrievable").isEqualTo(ROOT + "/Binary/small");

        JsonNode migration = JSON.readTree(DocumentAttachments.forMigration(stored, ROOT));
        assertThat(migration.at("/content/0/attachment/url").asText()).isEqualTo(ROOT + "/Binary/big");
        assertThat(migration.at("/content/0/attachment/title").isMissingNode()).isTrue();
    }
}
