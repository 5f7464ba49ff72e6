package org.gpconnect.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentsTest {

    @Test
    void durationsAsPeopleTypeThem() {
        DurationConverter c = new DurationConverter();
        assertThat(c.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.convert("PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThat(DurationConverter.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThatThrownBy(() -> c.convert("soon")).hasMessageContaining("not a duration");
    }

    @Test
    void onlyLoopbackUnlessAllowed() {
        assertThat(LoopbackGuard.check("http://127.0.0.1:8080/x", false).getPort()).isEqualTo(8080);
        assertThat(LoopbackGuard.check("http://localhost/x", false)).isNotNull();
        assertThat(LoopbackGuard.check("http://[::1]:9/x", false)).isNotNull();
        assertThatThrownBy(() -> LoopbackGuard.check("http://10.0.0.1/x", false)).hasMessageContaining("--allow-remote");
        assertThatThrownBy(() -> LoopbackGuard.check("http://127.0.0.1.example.org/x", false)).hasMessageContaining("refusing");
        assertThat(LoopbackGuard.check("http://10.0.0.1/x", true)).isNotNull();
        assertThatThrownBy(() -> LoopbackGuard.check("ftp://127.0.0.1/x", false)).hasMessageContaining("http");
    }

    @Test
    void commandSplitLikeAShell() {
        assertThat(CommandSplitter.split("./gpconnect serve --port 18080"))
                .containsExactly("./gpconnect", "serve", "--port", "18080");
        assertThat(CommandSplitter.split("java  -Dx='a b' \"c d\" ''"))
                .containsExactly("java", "-Dx=a b", "c d", "");
        assertThatThrownBy(() -> CommandSplitter.split("a 'b")).hasMessageContaining("quote");
    }

    @Test
    void scenarioUrlsEncodeThePipe() {
        List<URI> uris = Scenario.PATIENT_SEARCH.targets("http://127.0.0.1:8080/B82617/STU3/1/gpconnect", List.of("9690937278"));
        assertThat(uris).containsExactly(URI.create(
                "http://127.0.0.1:8080/B82617/STU3/1/gpconnect/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937278"));
        assertThat(Scenario.PATIENT_READ.targets("http://h/r", List.of("1", "2")))
                .containsExactly(URI.create("http://h/r/Patient/1"), URI.create("http://h/r/Patient/2"));
        assertThat(Scenario.fromCli("metadata")).isEqualTo(Scenario.METADATA);
        assertThat(GpcRequests.trimSlash("http://h/r/")).isEqualTo("http://h/r");
    }

    @Test
    void patientIdsFromASearchsetBundle() throws Exception {
        String bundle = "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"2\"}},"
                + "{\"resource\":{\"resourceType\":\"Organization\",\"id\":\"7\"}}]}";
        assertThat(PatientIdResolver.patientIds(bundle)).containsExactly("2");
        assertThat(PatientIdResolver.patientIds("{\"resourceType\":\"Bundle\"}")).isEmpty();
    }

    @Test
    void medianOfOddAndEven() {
        assertThat(StartupCommand.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(StartupCommand.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
