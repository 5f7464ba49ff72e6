package org.gpconnect.provider.support;

import org.gpconnect.fhir.interaction.FhirRelease;
import org.gpconnect.store.TestDatabase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP tests: each concrete class names the real database it runs on, so every API
 * test runs on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest {
    public static final String ROOT = "/B82617/STU3/1/gpconnect";
    /** The practice's 0.x (Access Record: HTML 0.7.4, DSTU2) service root. */
    public static final String HTML_ROOT = "/B82617/DSTU2/0/gpconnect";
    public static final String PATIENT_READ = "patient/*.read";
    public static final String PATIENT_WRITE = "patient/*.write";
    public static final String ORG_READ = "organization/*.read";

    protected ProviderServer server;
    protected GpcClient client;

    protected abstract TestDatabase database();

    @BeforeAll
    void startServer() {
        server = ProviderServer.on(database());
        client = new GpcClient(server);
        String url = server.bean(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
        assertThat(url).as("the server must run on the database the test names")
                .startsWith(database() == TestDatabase.H2 ? "jdbc:h2:mem:" : "jdbc:postgresql:");
    }

    /** A rejection as the spec names it: status, one Spine coding, and no-store like every answer. */
    protected static void assertSpineError(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.spineCode()).isEqualTo(code);
        assertThat(response.spineError().getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
        assertThat(response.spineError().getDisplay()).isNotBlank();
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.body()).contains("GPConnect-OperationOutcome-1");
    }

    /**
     * A rejection on the 0.x (Access Record: HTML) root: status, a DSTU2 OperationOutcome with the 0.x
     * profile and one coding in the 0.x system, in a 0.x media type, and no-store.
     */
    protected static void assertSpineError0x(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).matches("application/(json|xml)\\+fhir;charset=(?i)utf-8");
        ca.uhn.fhir.model.dstu2.resource.OperationOutcome outcome =
                response.dstu2Resource(ca.uhn.fhir.model.dstu2.resource.OperationOutcome.class);
        assertThat(outcome.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly(FhirRelease.DSTU2.operationOutcomeProfile());
        assertThat(response.spineError0x().getCode()).isEqualTo(code);
        assertThat(response.spineError0x().getSystem()).isEqualTo(FhirRelease.DSTU2.errorCodeSystem());
        assertThat(response.spineError0x().getDisplay()).isNotBlank();
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    protected static void assertConformant(IBaseResource resource) {
        assertThat(ProfileValidator.errors(resource)).as("profile validation errors").isEmpty();
    }
}
