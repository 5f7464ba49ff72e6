package org.gpconnect.provider.foundations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.Response;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.StoredResource;
import org.gpconnect.store.audit.AuditTrail;
import org.gpconnect.store.dataset.DataSetLoader;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Attachment;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.*;

/**
 * Register a patient over HTTP, scenario by scenario as NHS England's test suite runs it. Each
 * test registers a different RegisterPatients.csv person, since the server is shared; rejected
 * requests all use one person, who must still be unregistered afterwards.
 */
public abstract class RegisterPatientApiTest extends ApiTest {
    static final String PATH = ROOT + "/Patient/$gpc.registerpatient";
    static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1";
    static final String VERIFICATION = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    static final String REGISTRATION = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-RegistrationDetails-1";
    static final String NHS_COMMUNICATION = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSCommunication-1";
    static final String JSON = "application/fhir+json";
    static final String XML = "application/fhir+xml";

    record Person(String nhsNumber, String family, String given, AdministrativeGender gender, String birthDate) {}

    static final Person REA = new Person("9651258500", "REA", "Clive", AdministrativeGender.MALE, "1951-03-10");
    static final Person SOFFE = new Person("9651258519", "SOFFE", "Oscar", AdministrativeGender.MALE, "1937-03-11");
    static final Person FLYNN = new Person("9651258527", "FLYNN", "Tommy", AdministrativeGender.MALE, "1950-04-10");
    static final Person CONWAY = new Person("9651258535", "CONWAY", "Julius", AdministrativeGender.MALE, "1924-08-16");
    static final Person VOCE = new Person("9651258543", "VOCE", "Ramon", AdministrativeGender.MALE, "1919-10-17");
    static final Person EVANS = new Person("9651258551", "EVANS", "Paul", AdministrativeGender.MALE, "1932-12-29");
    /** Every rejected request is this person's. */
    static final Person HYFLE = new Person("9651258578", "HYFLE", "Claude", AdministrativeGender.MALE, "1939-01-14");
    static final Person TOOLE = new Person("9651258586", "TOOLE", "Felix", AdministrativeGender.MALE, "1934-08-13");
    static final Person STYCHE = new Person("9651258594", "STYCHE", "Milo", AdministrativeGender.MALE, "1917-08-08");
    static final Person RODDAN = new Person("9651258608", "RODDAN", "Ivor", AdministrativeGender.MALE, "1930-06-14");
    static final Person KERR = new Person("9651258675", "KERR", "Mabel", AdministrativeGender.FEMALE, "1938-10-17");
    static final Person PATIENT1 = new Person("9690937278", "Haworth", "Peter", AdministrativeGender.MALE, "1961-04-17");
    static final Person PATIENT21 = new Person("9690938142", "Dunn", "Jessica", AdministrativeGender.FEMALE, "1997-06-18");

    // ---- requests as the test suite builds them

    static Patient patient(Person person) {
        Patient patient = new Patient();
        patient.getMeta().addProfile(PROFILE);
        Identifier nhs = patient.addIdentifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(person.nhsNumber());
        nhs.addExtension(VERIFICATION, new CodeableConcept().addCoding(new Coding(
                "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1", "01", "Number present and verified")));
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(person.family()).addGiven(person.given());
        patient.setGender(person.gender());
        patient.setBirthDateElement(new org.hl7.fhir.dstu3.model.DateType(person.birthDate()));
        return patient;
    }

    static String body(Patient patient, String format) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("registerPatient").setResource(patient);
        return encode(parameters, format);
    }

    static String encode(Parameters parameters, String format) {
        return (XML.equals(format) ? Response.FHIR.newXmlParser() : Response.FHIR.newJsonParser()).encodeResourceToString(parameters);
    }

    GpcClient.Request request(String body, String contentType) {
        return client.request("POST", PATH, REGISTER_PATIENT, PATIENT_WRITE).body(contentType, body);
    }

    Response register(Patient patient) {
        return request(body(patient, JSON), JSON).send();
    }

    Response register(Person person) {
        return register(patient(person));
    }

    int entriesFound(String nhsNumber) {
        Response response = client.get(ROOT + "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber,
                SEARCH_PATIENT, PATIENT_READ).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.resource(Bundle.class).getEntry().size();
    }

    // ---- what the test suite checks of a successful registration ("SUCCESS-FULL")

    static Patient assertRegistered(Response response, Person person) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        Bundle bundle = response.resource(Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1");
        assertThat(bundle.getEntry()).hasSize(1);
        Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
        assertThat(patient.getIdElement().getIdPart()).isNotBlank();
        assertThat(patient.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(PROFILE);
        assertThat(patient.getMeta().getVersionId()).isNotBlank();

        assertThat(patient.getIdentifier()).hasSize(1);
        Identifier nhs = patient.getIdentifierFirstRep();
        assertThat(nhs.getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(nhs.getValue()).isEqualTo(person.nhsNumber());
        assertThat(nhs.getExtensionsByUrl(VERIFICATION)).hasSize(1);
        Coding status = ((CodeableConcept) nhs.getExtensionsByUrl(VERIFICATION).get(0).getValue()).getCodingFirstRep();
        assertThat(status.getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1");
        assertThat(status.getCode()).isEqualTo("01");
        assertThat(status.getDisplay()).isEqualTo("Number present and verified");

        assertThat(patient.getExtensionsByUrl(REGISTRATION)).hasSize(1);
        Extension registration = patient.getExtensionsByUrl(REGISTRATION).get(0);
        assertThat(registration.getExtensionsByUrl("registrationStatus")).isEmpty();
        Coding type = ((CodeableConcept) registration.getExtensionsByUrl("registrationType").get(0).getValue()).getCodingFirstRep();
        assertThat(type.getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-RegistrationType-1");
        assertThat(type.getCode()).isEqualTo("T");
        assertThat(type.getDisplay()).isEqualTo("Temporary");
        Period period = (Period) registration.getExtensionsByUrl("registrationPeriod").get(0).getValue();
        assertThat(period.getStart()).isNotNull();
        assertThat(registration.getExtensionsByUrl("preferredBranchSurgery")).hasSize(1);
        assertThat(((Reference) registration.getExtensionsByUrl("preferredBranchSurgery").get(0).getValue()).getReference())
                .isEqualTo("Location/1");

        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo(person.birthDate());
        assertThat(patient.getGender()).isEqualTo(person.gender());
        List<HumanName> official = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).toList();
        assertThat(official).hasSize(1);
        assertThat(official.get(0).getFamily()).isEqualToIgnoringCase(person.family());
        assertThat(official.get(0).getGiven()).extracting(StringType::getValue).contains(person.given());
        assertThat(patient.getManagingOrganization().getReference()).isEqualTo("Organization/1");
        assertThat(patient.getActive()).isTrue();
        assertConformant(bundle);
        return patient;
    }

    // ---- success

    @Test
    void registersANewTemporaryPatientWhoIsThenFoundAndRead() {
        assertThat(entriesFound(REA.nhsNumber())).isZero();
        Patient registered = assertRegistered(register(REA), REA);
        String id = registered.getIdElement().getIdPart();
        assertThat(id).matches("[A-Za-z0-9\\-.]{1,64}").isNotEqualTo(REA.nhsNumber());
        assertThat(registered.getMeta().getVersionId()).isEqualTo("1");

        assertThat(entriesFound(REA.nhsNumber())).isEqualTo(1);
        Response read = client.get(ROOT + "/Patient/" + id, READ_PATIENT, PATIENT_READ).send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("W/\"1\"");
        assertConformant(read.resource(Patient.class));

        assertSpineError(register(REA), 409, "DUPLICATE_REJECTED");
        assertThat(entriesFound(REA.nhsNumber())).isEqualTo(1);
    }

    @Test
    void theAuditRecordOfARegistrationIsItsProvenance() throws Exception {
        GpcClient.Request request = request(body(patient(RODDAN), JSON), JSON);
        String id = assertRegistered(request.send(), RODDAN).getIdElement().getIdPart();
        server.bean(AuditTrail.class).flush();
        try (Connection connection = server.bean(DataSource.class).getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT interaction, outcome, patient, requesting_practitioner,"
                     + " requesting_organization, requesting_device, detail, recorded_at FROM audit_event WHERE trace_id = ?")) {
            ps.setString(1, request.traceId());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("interaction")).isEqualTo(REGISTER_PATIENT);
                assertThat(rs.getString("outcome")).isEqualTo("OK");
                assertThat(rs.getString("patient")).isEqualTo(RODDAN.nhsNumber());
                assertThat(rs.getString("requesting_practitioner")).contains("sds=");
                assertThat(rs.getString("requesting_organization")).isNotBlank();
                assertThat(rs.getString("requesting_device")).isNotBlank();
                assertThat(rs.getString("detail")).isEqualTo("Registered as temporary Patient/" + id + "/_history/1");
                assertThat(rs.getTimestamp("recorded_at")).isNotNull();
            }
        }
    }

    @Test
    void takesWhatTheConsumerLeftOutFromPds() {
        Patient patient = patient(FLYNN);
        patient.setGender(null);
        Patient registered = assertRegistered(register(patient), FLYNN);
        assertThat(registered.getGender()).isEqualTo(AdministrativeGender.MALE);
    }

    @Test
    void echoesAddressTelecomAndNhsCommunicationAndEndsTemporaryOnesWithTheRegistration() {
        Patient patient = patient(CONWAY);
        patient.addAddress().setUse(Address.AddressUse.TEMP).addLine("1 Trevelyan Square").addLine("Boar Lane")
                .setCity("Leeds").setPostalCode("LS1 6AE");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.HOME).setValue("01234567891");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.TEMP).setValue("01234567892");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setUse(ContactPoint.ContactPointUse.TEMP).setValue("a@example.com");
        patient.addExtension(nhsCommunication("de", "German"));
        Patient registered = assertRegistered(register(patient), CONWAY);

        String expiry = LocalDate.now().plusMonths(3).toString();
        assertThat(registered.getAddress()).hasSize(1);
        assertThat(registered.getAddressFirstRep().getLine()).extracting(StringType::getValue).containsExactly("1 Trevelyan Square", "Boar Lane");
        assertThat(registered.getAddressFirstRep().getPeriod().getEndElement().getValueAsString()).isIn(expiry,
                LocalDate.now().plusDays(1).plusMonths(3).toString());
        assertThat(registered.getTelecom()).hasSize(3);
        assertThat(registered.getTelecom()).filteredOn(t -> t.getUse() == ContactPoint.ContactPointUse.TEMP)
                .allSatisfy(t -> assertThat(t.getPeriod().hasEnd()).isTrue());
        assertThat(registered.getTelecom()).filteredOn(t -> t.getUse() == ContactPoint.ContactPointUse.HOME)
                .allSatisfy(t -> assertThat(t.hasPeriod()).isFalse());
        List<Extension> communication = registered.getExtensionsByUrl(NHS_COMMUNICATION);
        assertThat(communication).hasSize(1);
        assertThat(((CodeableConcept) communication.get(0).getExtensionsByUrl("language").get(0).getValue()).getCodingFirstRep().getCode())
                .isEqualTo("de");
    }

    @Test
    void acceptsAHomeAndATemporaryAddress() {
        Patient patient = patient(STYCHE);
        patient.addAddress().setUse(Address.AddressUse.HOME).addLine("2 Home Street").setPostalCode("LS1 1AA");
        patient.addAddress().setUse(Address.AddressUse.TEMP).addLine("3 Away Street").setPostalCode("LS2 2BB");
        assertThat(assertRegistered(register(patient), STYCHE).getAddress()).hasSize(2);
    }

    @Test
    void echoesEveryGivenName() {
        Patient patient = patient(EVANS);
        patient.getNameFirstRep().addGiven("Second").addGiven("Third");
        patient.addName().setUse(HumanName.NameUse.NICKNAME).setFamily("EVANS").addGiven("Pauly");
        Patient registered = assertRegistered(register(patient), EVANS);
        assertThat(registered.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst().orElseThrow()
                .getGiven()).extracting(StringType::getValue).containsExactly("Paul", "Second", "Third");
    }

    @Test
    void acceptsAndAnswersXml() {
        Response response = request(body(patient(SOFFE), XML), XML).header("Accept", XML).send();
        assertThat(response.header("Content-Type")).startsWith(XML);
        assertRegistered(response, SOFFE);
    }

    @Test
    void formatParameterWinsAndOtherIdentifiersAreToleratedButNotKept() {
        Patient patient = patient(VOCE);
        patient.addIdentifier().setSystem("GenericIdentifierSystem").setValue("GenericIdentifierValue");
        Response response = client.request("POST", PATH + "?_format=application%2Ffhir%2Bjson", REGISTER_PATIENT, PATIENT_WRITE)
                .body(XML, body(patient, XML)).header("Accept", XML).send();
        assertThat(response.header("Content-Type")).startsWith(JSON);
        assertThat(assertRegistered(response, VOCE).getIdentifier()).hasSize(1);
    }

    @Test
    void twoRegistrationsOfOnePersonAtOnceMakeOneRecord() {
        List<CompletableFuture<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> register(KERR)));
        }
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).map(Response::status).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        assertThat(entriesFound(KERR.nhsNumber())).isEqualTo(1);
    }

    @Test
    void reactivatesAnInactivePatientAsTemporary() throws Exception {
        GpRecordStore store = server.bean(GpRecordStore.class);
        StoredResource before = store.read("B82617", "Patient", "21").orElseThrow();
        try {
            assertThat(entriesFound(PATIENT21.nhsNumber())).isZero();
            Patient registered = assertRegistered(register(PATIENT21), PATIENT21);
            assertThat(registered.getIdElement().getIdPart()).isEqualTo("21");
            assertThat(Long.parseLong(registered.getMeta().getVersionId())).isGreaterThan(before.versionId());
            assertThat(registered.getTelecom()).as("kept from the practice's record").isNotEmpty();
            assertThat(entriesFound(PATIENT21.nhsNumber())).isEqualTo(1);
            assertSpineError(register(PATIENT21), 409, "DUPLICATE_REJECTED");
        } finally {
            // other test classes share this server and expect patient21 to have left the practice
            ObjectNode original = (ObjectNode) new ObjectMapper().readTree(before.json());
            store.inTransaction(writer -> {
                writer.save("B82617", original, null);
                writer.savePatientRecord("B82617", DataSetLoader.patientRecord(original, new ObjectMapper().createObjectNode()));
                return null;
            });
        }
        assertThat(entriesFound(PATIENT21.nhsNumber())).isZero();
    }

    @Test
    void theCapabilityStatementListsTheOperation() {
        CapabilityStatement statement = client.get(ROOT + "/metadata", METADATA, ORG_READ).send().resource(CapabilityStatement.class);
        assertThat(statement.getRestFirstRep().getOperation()).anySatisfy(operation -> {
            assertThat(operation.getName()).isEqualTo("gpc.registerpatient");
            assertThat(operation.getDefinition().getReference())
                    .isEqualTo("https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1");
        });
    }

    // ---- the special test patients

    @Test
    void anActivePatientIsADuplicate() {
        assertSpineError(register(PATIENT1), 409, "DUPLICATE_REJECTED");
    }

    @Test
    void aDeceasedPatientHasInvalidDemographics() {
        Response response = register(withNhsNumber(KERR, "9690938681"));
        assertSpineError(response, 400, "INVALID_PATIENT_DEMOGRAPHICS");
        assertThat(response.spineError().getDisplay()).isEqualTo("Invalid patient demographics");
    }

    @Test
    void aSensitivePatientHasInvalidDemographicsAndTheReasonIsNotDisclosed() {
        Response response = register(withNhsNumber(KERR, "9690938533"));
        assertSpineError(response, 400, "INVALID_PATIENT_DEMOGRAPHICS");
        assertThat(response.body()).doesNotContainIgnoringCase("sensitive");
    }

    @Test
    void aSupersededNhsNumberIsInvalid() {
        Response response = register(withNhsNumber(KERR, "9690938622"));
        assertSpineError(response, 400, "INVALID_NHS_NUMBER");
        assertThat(response.spineError().getDisplay()).isEqualTo("Invalid NHS number");
    }

    @Test
    void aPatientNotOnPdsHasInvalidDemographics() {
        Patient patient = patient(new Person("9476718943", "GPConnectFamilyName", "GPConnectGivenName",
                AdministrativeGender.OTHER, "2017-05-05"));
        patient.setMeta(null);
        assertSpineError(register(patient), 400, "INVALID_PATIENT_DEMOGRAPHICS");
    }

    @Test
    void demographicsThatDoNotMatchPdsAreInvalid() {
        assertSpineError(register(new Person(TOOLE.nhsNumber(), "SMITH", "John", AdministrativeGender.MALE, "1990-01-01")),
                400, "INVALID_PATIENT_DEMOGRAPHICS");
        assertThat(entriesFound(TOOLE.nhsNumber())).isZero();
    }

    static Patient withNhsNumber(Person person, String nhsNumber) {
        Patient patient = patient(person);
        patient.getIdentifierFirstRep().setValue(nhsNumber);
        return patient;
    }

    // ---- request rules, each rejected and nothing written

    static Stream<Arguments> invalidPatients() {
        return Stream.of(
                rule("without identifier", p -> p.getIdentifier().clear(), 400, "INVALID_NHS_NUMBER"),
                rule("NHS number 34555##4", p -> p.getIdentifierFirstRep().setValue("34555##4"), 400, "INVALID_NHS_NUMBER"),
                rule("NHS number hello", p -> p.getIdentifierFirstRep().setValue("hello"), 400, "INVALID_NHS_NUMBER"),
                rule("NHS number 999999999", p -> p.getIdentifierFirstRep().setValue("999999999"), 400, "INVALID_NHS_NUMBER"),
                rule("NHS number 9000000008", p -> p.getIdentifierFirstRep().setValue("9000000008"), 400, "INVALID_NHS_NUMBER"),
                rule("NHS number 90000000090", p -> p.getIdentifierFirstRep().setValue("90000000090"), 400, "INVALID_NHS_NUMBER"),
                rule("identifier without system", p -> p.addIdentifier().setValue("NewIdentifierNoSystem"), 400, "BAD_REQUEST"),
                rule("without birth date", p -> p.setBirthDate(null), 400, "BAD_REQUEST"),
                rule("no official name", p -> p.getName().forEach(n -> n.setUse(HumanName.NameUse.ANONYMOUS)), 400, "BAD_REQUEST"),
                rule("no family name", p -> p.getNameFirstRep().setFamily(null), 400, "BAD_REQUEST"),
                rule("no name at all", p -> p.getName().clear(), 400, "BAD_REQUEST"),
                rule("two home phones", p -> { phone(p, ContactPoint.ContactPointUse.HOME); phone(p, ContactPoint.ContactPointUse.HOME); }, 400, "BAD_REQUEST"),
                rule("two temp phones", p -> { phone(p, ContactPoint.ContactPointUse.TEMP); phone(p, ContactPoint.ContactPointUse.TEMP); }, 400, "BAD_REQUEST"),
                rule("two emails", p -> { email(p); email(p); }, 400, "BAD_REQUEST"),
                rule("active", p -> p.setActive(true), 422, "INVALID_RESOURCE"),
                rule("multipleBirth", p -> p.setMultipleBirth(new BooleanType(true)), 422, "INVALID_RESOURCE"),
                rule("generalPractitioner", p -> p.addGeneralPractitioner().setDisplay("Dr Who"), 422, "INVALID_RESOURCE"),
                rule("contact", p -> p.addContact().getName().setUse(HumanName.NameUse.ANONYMOUS).setFamily("X"), 422, "INVALID_RESOURCE"),
                rule("managingOrganization", p -> p.getManagingOrganization().setDisplay("Some practice"), 422, "INVALID_RESOURCE"),
                rule("maritalStatus", p -> p.getMaritalStatus().addCoding(new Coding("http://hl7.org/fhir/marital-status", "M", "Married")), 422, "INVALID_RESOURCE"),
                rule("animal", p -> p.getAnimal().getSpecies().setText("Dog"), 422, "INVALID_RESOURCE"),
                rule("communication", p -> p.addCommunication().getLanguage().addCoding(new Coding("https://tools.ietf.org/html/bcp47", "en", null)), 422, "INVALID_RESOURCE"),
                rule("photo", p -> p.addPhoto(new Attachment().setUrl("http://example.org/photo")), 422, "INVALID_RESOURCE"),
                rule("deceased", p -> p.setDeceased(new DateTimeType("2017-09-01T10:00:00+01:00")), 422, "INVALID_RESOURCE"),
                rule("another extension", p -> p.addExtension("https://example.org/ethnic", new StringType("x")), 422, "INVALID_RESOURCE"),
                rule("two nhsCommunication", p -> { p.addExtension(nhsCommunication("de", "German")); p.addExtension(nhsCommunication("fr", "French")); }, 422, "INVALID_RESOURCE"),
                rule("home and work addresses", p -> { address(p, Address.AddressUse.HOME); address(p, Address.AddressUse.WORK); }, 422, "INVALID_RESOURCE"),
                rule("two home addresses", p -> { address(p, Address.AddressUse.HOME); address(p, Address.AddressUse.HOME); }, 422, "INVALID_RESOURCE"),
                rule("two temp addresses", p -> { address(p, Address.AddressUse.TEMP); address(p, Address.AddressUse.TEMP); }, 422, "INVALID_RESOURCE"),
                rule("a work address", p -> address(p, Address.AddressUse.WORK), 422, "INVALID_RESOURCE"),
                rule("an old address", p -> address(p, Address.AddressUse.OLD), 422, "INVALID_RESOURCE"));
    }

    static Arguments rule(String name, Consumer<Patient> change, int status, String code) {
        return Arguments.of(name, change, status, code);
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("invalidPatients")
    void rejectsAPatientThatBreaksARule(String name, Consumer<Patient> change, int status, String code) {
        Patient patient = patient(HYFLE);
        change.accept(patient);
        assertSpineError(register(patient), status, code);
        assertThat(entriesFound(HYFLE.nhsNumber())).as("nothing written").isZero();
    }

    static Stream<Arguments> invalidBodies() {
        String valid = body(patient(HYFLE), JSON);
        Parameters twice = new Parameters();
        twice.addParameter().setName("registerPatient").setResource(patient(HYFLE));
        twice.addParameter().setName("registerPatient").setResource(patient(HYFLE));
        return Stream.of(
                Arguments.of("Parameters of an unknown type", valid.replaceFirst("\"Parameters\"", "\"InvalidResourceType\""), JSON, 422, "INVALID_RESOURCE"),
                Arguments.of("Patient of an unknown type", valid.replace("\"Patient\"", "\"InvalidResourceType\""), JSON, 422, "INVALID_RESOURCE"),
                Arguments.of("a Practitioner in registerPatient", valid.replace("\"Patient\"", "\"Practitioner\""), JSON, 422, "INVALID_RESOURCE"),
                Arguments.of("an unknown element", valid.replace("\"resourceType\":\"Patient\",", "\"resourceType\":\"Patient\",\"invalidField\":\"Assurance Testing Invalid Field\","), JSON, 422, "INVALID_RESOURCE"),
                Arguments.of("another parameter", valid.replace("\"name\":\"registerPatient\"", "\"name\":\"registerPatients\""), JSON, 422, "INVALID_RESOURCE"),
                Arguments.of("registerPatient twice", encode(twice, JSON), JSON, 400, "BAD_REQUEST"),
                Arguments.of("malformed JSON", valid.substring(0, valid.length() - 3), JSON, 400, "BAD_REQUEST"),
                Arguments.of("trailing garbage", valid + "}", JSON, 400, "BAD_REQUEST"),
                Arguments.of("no body", "", JSON, 400, "BAD_REQUEST"),
                Arguments.of("malformed XML", body(patient(HYFLE), XML).replace("</Parameters>", ""), XML, 400, "BAD_REQUEST"));
    }

    @ParameterizedTest(name = "{0} -> {3} {4}")
    @MethodSource("invalidBodies")
    void rejectsABodyThatIsNotARegisterPatientParameters(String name, String body, String contentType, int status, String code) {
        assertThat(body).isNotEqualTo(body(patient(HYFLE), JSON));
        assertSpineError(request(body, contentType).send(), status, code);
        assertThat(entriesFound(HYFLE.nhsNumber())).as("nothing written").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {PATIENT_READ, ORG_READ})
    void needsTheWriteScope(String scope) {
        assertSpineError(client.request("POST", PATH, REGISTER_PATIENT, scope).body(JSON, body(patient(HYFLE), JSON)).send(),
                400, "BAD_REQUEST");
        assertThat(entriesFound(HYFLE.nhsNumber())).isZero();
    }

    @Test
    void aMisspeltOperationIsRejected() {
        assertThat(client.request("POST", ROOT + "/Patient/$gpc.registerpatien", REGISTER_PATIENT, PATIENT_WRITE)
                .body(JSON, body(patient(HYFLE), JSON)).send().status()).isEqualTo(400);
    }

    // ---- building blocks

    static Extension nhsCommunication(String code, String display) {
        Extension extension = new Extension(NHS_COMMUNICATION);
        extension.addExtension("language", new CodeableConcept().addCoding(
                new Coding("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1", code, display)));
        extension.addExtension("interpreterRequired", new BooleanType(true));
        return extension;
    }

    static void phone(Patient patient, ContactPoint.ContactPointUse use) {
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(use).setValue("01234567891");
    }

    static void email(Patient patient) {
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setUse(ContactPoint.ContactPointUse.TEMP).setValue("a@example.com");
    }

    static void address(Patient patient, Address.AddressUse use) {
        patient.addAddress().setUse(use).addLine("1 Trevelyan Square").setCity("Leeds").setPostalCode("LS1 6AE");
    }
}
