package org.gpconnect.fhir.jwt;

import org.gpconnect.fhir.error.OperationOutcomes;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.interaction.FhirRelease;
import org.gpconnect.fhir.interaction.Interaction;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 0.x (Access Record: HTML 0.7.4) token rules, chosen by the interaction's root. */
class JwtValidatorDstu2Test {
    private static final Interaction METADATA = InteractionCatalogue.byId(InteractionCatalogue.HTML_METADATA).orElseThrow();
    private static final Interaction CARE_RECORD = InteractionCatalogue.byId(InteractionCatalogue.GET_CARE_RECORD).orElseThrow();
    private final JwtValidator validator = new JwtValidator();

    @Test
    void theDefault0xTokensAreValidAndNameTheRequestedRecord() {
        RequestingParty metadata = validator.validate(ConsumerJwt.dstu2().bearer(), METADATA, Instant.now());
        assertThat(metadata.requestedRecord()).isEqualTo("http://fhir.nhs.net/Id/ods-organization-code|A11111");
        assertThat(metadata.sdsUserId()).isEqualTo(ConsumerJwt.DEFAULT_SDS_USER_ID);
        assertThat(metadata.practitionerName()).isEqualTo("Dr GPConnect Demonstrator");
        RequestingParty careRecord = validator.validate(ConsumerJwt.forHtml("9000000009").bearer(), CARE_RECORD, Instant.now());
        assertThat(careRecord.requestedRecord()).isEqualTo("http://fhir.nhs.net/Id/nhs-number|9000000009");
    }

    @Test
    void a1xTokenNamesNoRequestedRecord() {
        Interaction metadata = InteractionCatalogue.byId(InteractionCatalogue.METADATA).orElseThrow();
        assertThat(validator.validate(ConsumerJwt.forAudience("https://x/B82617/STU3/1").scope("organization/*.read").bearer(),
                metadata, Instant.now()).requestedRecord()).isNull();
    }

    @Test
    void theCareRecordNeedsAPatient() {
        assertThatThrownBy(() -> validator.validate(ConsumerJwt.dstu2().scope("patient/*.read").bearer(), CARE_RECORD, Instant.now()))
                .isInstanceOfSatisfying(SpineException.class, e -> assertThat(e.code()).isEqualTo(SpineErrorCode.BAD_REQUEST));
    }

    @Test
    void theAudienceIsFixed() {
        assertThatThrownBy(() -> validator.validate(ConsumerJwt.dstu2().claim("aud", "https://x/B82617/DSTU2/0").bearer(),
                METADATA, Instant.now()))
                .isInstanceOfSatisfying(SpineException.class, e -> assertThat(e.code()).isEqualTo(SpineErrorCode.BAD_REQUEST));
    }

    @ParameterizedTest
    @EnumSource(SpineErrorCode.class)
    void every0xErrorIsADstu2OutcomeWithThe0xProfileAndSystem(SpineErrorCode code) {
        ca.uhn.fhir.model.dstu2.resource.OperationOutcome outcome = (ca.uhn.fhir.model.dstu2.resource.OperationOutcome)
                OperationOutcomes.error(FhirRelease.DSTU2, code, "why");
        assertThat(outcome.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("http://fhir.nhs.net/StructureDefinition/gpconnect-operationoutcome-1");
        assertThat(outcome.getIssueFirstRep().getCode()).as("issue type of " + code).isNotBlank();
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getSystem())
                .isEqualTo("http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1");
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo(code.code());
    }
}
