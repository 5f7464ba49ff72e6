package org.gpconnect.provider.foundations;

import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.Response;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.*;

/** Foundations over HTTP: find and read patients, practitioners, organisations; read locations. */
public abstract class FoundationsApiTest extends ApiTest {
    static final String NHS = "https://fhir.nhs.uk/Id/nhs-number|";

    Response searchPatient(String query) {
        return client.get(ROOT + "/Patient?" + query, SEARCH_PATIENT, PATIENT_READ).send();
    }

    Response findPatient(String nhsNumber) {
        return searchPatient("identifier=" + NHS.replace("|", "%7C") + nhsNumber);
    }

    @Test
    void findsAPatientByNhsNumberAsTheProfileDescribes() {
        Response response = findPatient("9690937286");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1");
        assertThat(bundle.getLink()).isEmpty();
        assertThat(bundle.getEntry()).hasSize(1);
        Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
        assertThat(patient.getMeta().getVersionId()).isNotBlank();
        assertThat(patient.getIdentifier()).hasSize(1);
        Identifier nhsNumber = patient.getIdentifierFirstRep();
        assertThat(nhsNumber.getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(nhsNumber.getValue()).isEqualTo("9690937286");
        assertThat(nhsNumber.getExtension()).hasSize(1);
        assertThat(patient.getManagingOrganization().getReference()).isEqualTo("Organization/1");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertConformant(bundle);
    }

    @ParameterizedTest(name = "{0}: {2} entries")
    @CsvSource({
            "unknown NHS number, 9999999999, 0",
            "deceased patient18, 9690938681, 0",
            "sensitive patient9, 9690938533, 0",
            "sensitive patient10, 9690938541, 0",
            "inactive patient21, 9690938142, 0",
            "not on the spine patient14, 9476718943, 0",
            "dissenting patient15 is still found, 9690938576, 1",
            "temporary registration patient22, 9990000107, 1",
    })
    void findsOnlyActiveTracedPatients(String description, String nhsNumber, int entries) {
        Response response = findPatient(nhsNumber);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.resource(Bundle.class).getEntry()).hasSize(entries);
    }

    @Test
    void tracesAnUnverifiedNhsNumberOnPdsAndRemembersIt() {
        Response first = findPatient("9990000115");
        assertThat(first.resource(Bundle.class).getEntry()).hasSize(1);
        Patient patient = (Patient) first.resource(Bundle.class).getEntryFirstRep().getResource();
        String status = ((org.hl7.fhir.dstu3.model.CodeableConcept) patient.getIdentifierFirstRep().getExtensionFirstRep()
                .getValue()).getCodingFirstRep().getCode();
        assertThat(status).as("verification status after a successful PDS trace").isEqualTo("01");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = ';', value = {
            "_count=1;                                                             400; BAD_REQUEST",
            "Identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286;           400; BAD_REQUEST",
            "identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286&identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937278; 400; BAD_REQUEST",
            "identifier=9690937278;                                               422; INVALID_PARAMETER",
            "identifier=%7C9690937286;                                            422; INVALID_PARAMETER",
            "identifier=https://fhir.nhs.uk/Id/nhs-number%7C;                     422; INVALID_PARAMETER",
            "identifier=https://fhir.nhs.uk/Id/ods-organization-code%7C9690937286; 400; INVALID_IDENTIFIER_SYSTEM",
            "identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937287;           400; INVALID_NHS_NUMBER",
            "identifier=https://fhir.nhs.uk/Id/nhs-number%7Chello;                400; INVALID_NHS_NUMBER",
    })
    void rejectsMalformedPatientSearches(String query, int status, String code) {
        assertSpineError(searchPatient(query.trim()), status, code);
    }

    @Test
    void ignoresParametersItDoesNotUse() {
        Response response = searchPatient("identifier=" + NHS.replace("|", "%7C") + "9690937286&_count=1&_sort=status");
        assertThat(response.resource(Bundle.class).getEntry()).hasSize(1);
    }

    @Test
    void readsAPatientWithItsVersionAsETag() {
        Response response = client.get(ROOT + "/Patient/2", READ_PATIENT, PATIENT_READ).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Patient patient = response.resource(Patient.class);
        assertThat(patient.getIdElement().getIdPart()).isEqualTo("2");
        assertThat(response.header("ETag")).isEqualTo("W/\"" + patient.getMeta().getVersionId() + "\"");
        assertConformant(patient);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaBA", "1.1.22", "nd-skdm.mks--s", "4543567638475665845564986758479086840564796854665748763454", "18", "9", "21"})
    void readsOfUnknownOrUnsharablePatientsAreNotFound(String id) {
        assertSpineError(client.get(ROOT + "/Patient/" + id, READ_PATIENT, PATIENT_READ).send(), 404, "PATIENT_NOT_FOUND");
    }

    @ParameterizedTest(name = "{0} has {1} role profile ids")
    @CsvSource({"G13579135, 0", "G11111116, 1", "G22345655, 2", "G22222226, 1"})
    void findsPractitionersBySdsUserId(String sdsUserId, int roleProfileIds) {
        Response response = client.get(ROOT + "/Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id%7C" + sdsUserId,
                SEARCH_PRACTITIONER, ORG_READ).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        assertThat(bundle.getEntry()).hasSize(1);
        Practitioner practitioner = (Practitioner) bundle.getEntryFirstRep().getResource();
        assertThat(practitioner.getIdentifier()).filteredOn(i -> i.getSystem().equals("https://fhir.nhs.uk/Id/sds-role-profile-id"))
                .hasSize(roleProfileIds);
        assertThat(practitioner.getName()).hasSize(1);
        assertConformant(bundle);
    }

    @Test
    void findsNoPractitionerThatIsNotThere() {
        Response response = client.get(ROOT + "/Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id%7CG99999999",
                SEARCH_PRACTITIONER, ORG_READ).send();
        assertThat(response.resource(Bundle.class).getEntry()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "identifier=https://fhir.nhs.uk/Id/sds-user-id%7C; 422; INVALID_PARAMETER",
            "identifier=%7CG11111116; 422; INVALID_PARAMETER",
            "Identifier=https://fhir.nhs.uk/Id/sds-user-id%7CG11111116; 400; BAD_REQUEST",
            "identifier=https://fhir.nhs.uk/Id/sds-user-id%7CG11111116&identifier=https://fhir.nhs.uk/Id/sds-user-id%7CG13579135; 400; BAD_REQUEST",
    })
    void rejectsMalformedPractitionerSearches(String query, int status, String code) {
        assertSpineError(client.get(ROOT + "/Practitioner?" + query, SEARCH_PRACTITIONER, ORG_READ).send(), status, code);
    }

    @Test
    void readsAPractitionerAndAnswersNotFoundForOthers() {
        Response response = client.get(ROOT + "/Practitioner/1", READ_PRACTITIONER, ORG_READ).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Practitioner practitioner = response.resource(Practitioner.class);
        assertThat(response.header("ETag")).isEqualTo("W/\"" + practitioner.getMeta().getVersionId() + "\"");
        assertConformant(practitioner);
        assertSpineError(client.get(ROOT + "/Practitioner/z.as.dd", READ_PRACTITIONER, ORG_READ).send(), 404, "PRACTITIONER_NOT_FOUND");
    }

    @ParameterizedTest(name = "{0}: {1} entries")
    @CsvSource({"B82617, 1", "R1A14, 1", "X12345, 1", "INVOC1, 0"})
    void findsOrganisationsByOdsCode(String odsCode, int entries) {
        Response response = client.get(ROOT + "/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code%7C" + odsCode,
                SEARCH_ORGANIZATION, ORG_READ).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        assertThat(bundle.getEntry()).hasSize(entries);
        if (entries > 0) {
            Organization organization = (Organization) bundle.getEntryFirstRep().getResource();
            assertThat(organization.getIdentifier()).extracting(Identifier::getValue).contains(odsCode);
            assertThat(organization.getContact()).isEmpty();
            assertConformant(bundle);
        }
    }

    @Test
    void readsAnOrganisationAndAnswersNotFoundForOthers() {
        Response response = client.get(ROOT + "/Organization/1", READ_ORGANIZATION, ORG_READ).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertConformant(response.resource(Organization.class));
        assertSpineError(client.get(ROOT + "/Organization/1.1445.23", READ_ORGANIZATION, ORG_READ).send(), 404, "ORGANISATION_NOT_FOUND");
    }

    @ParameterizedTest(name = "Location/{0} is at site {1}")
    @CsvSource({"1, Z26556", "8, Z33432", "3, Z33433"})
    void readsTheTestSuitesLocations(String id, String siteCode) {
        Response response = client.get(ROOT + "/Location/" + id, READ_LOCATION, ORG_READ).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Location location = response.resource(Location.class);
        assertThat(location.getName()).isNotBlank();
        assertThat(location.getManagingOrganization().getReference()).startsWith("Organization/");
        assertThat(location.getIdentifier()).extracting(Identifier::getValue).contains(siteCode);
        assertThat(response.header("ETag")).startsWith("W/\"");
        assertConformant(location);
    }

    @Test
    void readsOfUnknownLocationsAreNotFound() {
        assertSpineError(client.get(ROOT + "/Location/th.as.e", READ_LOCATION, ORG_READ).send(), 404, "NO_RECORD_FOUND");
    }
}
