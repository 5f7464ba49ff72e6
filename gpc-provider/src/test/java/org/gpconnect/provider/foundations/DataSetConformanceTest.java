package org.gpconnect.provider.foundations;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpconnect.provider.support.ProfileValidator;
import org.gpconnect.provider.support.Response;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every resource of the default data set parses strictly and conforms to its GP Connect profile. */
class DataSetConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    List<DynamicTest> everyResourceConforms() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode practice : read("dataset/default/practices.json")) {
            String ods = practice.get("odsCode").asText();
            for (JsonNode file : practice.path("files")) {
                for (JsonNode entry : read("dataset/default/" + ods + "/" + file.asText()).path("entry")) {
                    JsonNode resource = entry.get("resource");
                    String name = resource.get("resourceType").asText() + "/" + resource.get("id").asText();
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        IParser parser = Response.FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
                        Resource parsed = (Resource) parser.parseResource(resource.toString());
                        assertThat(ProfileValidator.errors(parsed)).as(name).isEmpty();
                    }));
                }
            }
        }
        return tests;
    }

    private static JsonNode read(String path) throws IOException {
        try (InputStream in = DataSetConformanceTest.class.getClassLoader().getResourceAsStream(path)) {
            return JSON.readTree(in);
        }
    }
}
