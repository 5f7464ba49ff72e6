package org.gpconnect.provider.structured;

import org.gpconnect.store.FilterFields;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Observations are immunisation consent or dissent records: decided by their SNOMED CT code. */
class ImmunisationStatusTest {
    private static FilterFields resource(String type, String system, String code) throws Exception {
        return FilterFields.of(new ObjectMapper().readTree("{\"resourceType\":\"" + type + "\",\"code\":{\"coding\":["
                + "{\"system\":\"http://read.info/ctv3\",\"code\":\"XaXYZ\"},{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}}"));
    }

    @Test
    void anObservationCodedAsConsentOrDissentIsAStatusRecord() throws Exception {
        for (String code : new String[]{"310375005", "310376006", "591000119102", "268559007"}) {
            assertThat(ImmunisationStatus.recordsStatus(resource("Observation", "http://snomed.info/sct", code))).as(code).isTrue();
        }
    }

    @Test
    void otherCodesOtherSystemsAndOtherResourcesAreNot() throws Exception {
        assertThat(ImmunisationStatus.recordsStatus(resource("Observation", "http://snomed.info/sct", "27113001"))).isFalse();
        assertThat(ImmunisationStatus.recordsStatus(resource("Observation", "http://example.org/local", "310375005"))).isFalse();
        assertThat(ImmunisationStatus.recordsStatus(resource("Condition", "http://snomed.info/sct", "310375005"))).isFalse();
        assertThat(ImmunisationStatus.recordsStatus(FilterFields.of(new ObjectMapper().readTree("{\"resourceType\":\"Observation\"}")))).isFalse();
    }
}
