package org.gpconnect.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCensusTest {
    @Test
    void countsBundleEntriesNotContainedResources() {
        String bundle = "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\"}},"
                + "{\"resource\":{\"resourceType\":\"List\",\"contained\":[{\"resourceType\":\"AllergyIntolerance\"}]}}]}";
        assertThat(ResponseCensus.entries(bundle.getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(ResponseCensus.entries("{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_8))).isZero();
    }
}
