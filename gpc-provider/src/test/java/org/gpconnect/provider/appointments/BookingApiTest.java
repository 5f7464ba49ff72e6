package org.gpconnect.provider.appointments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.Response;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.SlotRow;
import org.gpconnect.store.Slots;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.*;

/**
 * Book, Read and Retrieve a patient's appointments over HTTP, with the rules and codes of the spec and of
 * NHS England's test suite (AppointmentBook/Read/Retrieve.feature). The server and its data are shared with
 * other test classes, so these tests book only slots they add themselves, three weeks ahead (outside the two
 * weeks a slot search may span), and never for patientNoAppointments (20).
 */
public abstract class BookingApiTest extends ApiTest {
    static final String ODS = "B82617";
    static final ZoneId UK = ZoneId.of("Europe/London");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/fhir+json;charset=utf-8";
    static final String XML_TYPE = "application/fhir+xml;charset=utf-8";
    /** Patients whose appointments only this class makes (Retrieve asserts exactly what they have). */
    static final String PATIENT = "16";
    static final String RETRIEVED_PATIENT = "17";
    private final AtomicInteger slotCount = new AtomicInteger();

    GpRecordStore store() {
        return server.bean(GpRecordStore.class);
    }

    // ---- test data

    /** A new free slot of schedule 2 (Telephone, Dr Oduya, bookable by anyone), starting at a time no other test slot has. */
    SlotRow newSlot() {
        return newSlot("2", nextStart(), 15, "Telephone", "Telephone consultation", null);
    }

    Instant nextStart() {
        return LocalDate.now(UK).plusDays(21).atTime(7, 0).atZone(UK).toInstant().plus(15L * slotCount.getAndIncrement(), ChronoUnit.MINUTES);
    }

    SlotRow newSlot(String schedule, Instant start, int minutes, String channel, String serviceType, List<String> bookingOds) {
        SlotRow slot = new SlotRow("t-" + UUID.randomUUID().toString().substring(0, 13), schedule, start, start.plus(minutes, ChronoUnit.MINUTES),
                "free", 1, serviceType, channel, true, bookingOds, null);
        store().inTransaction(writer -> Slots.insert(writer, ODS, slot, false));
        return slot;
    }

    /** An Appointment as NHS England's test suite builds one (DefaultAppointmentBuilder), for these slots. */
    static ObjectNode booking(String patientId, SlotRow... slots) {
        ObjectNode appointment = JSON.createObjectNode().put("resourceType", "Appointment");
        appointment.putObject("meta").putArray("profile").add(BookingRequest.PROFILE);
        ObjectNode organization = appointment.putArray("contained").addObject().put("resourceType", "Organization").put("id", "1");
        organization.putObject("meta").putArray("profile").add("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1");
        organization.putArray("identifier").addObject().put("system", "https://fhir.nhs.uk/Id/ods-organization-code").put("value", "R1A14");
        organization.putArray("type").addObject().putArray("coding").addObject()
                .put("system", BookingRequest.ORGANISATION_TYPE).put("code", "urgent-care").put("display", "Urgent Care");
        organization.put("name", "Test Suite Validator");
        organization.putArray("telecom").addObject().put("system", "phone").put("value", "01823938938").put("use", "temp");
        appointment.putArray("extension").addObject().put("url", BookingRequest.BOOKING_ORGANISATION)
                .putObject("valueReference").put("reference", "#1");
        appointment.put("status", "booked").put("description", "Default Description");
        appointment.put("start", SlotRow.local(slots[0].start())).put("end", SlotRow.local(slots[slots.length - 1].end()));
        ArrayNode references = appointment.putArray("slot");
        for (SlotRow slot : slots) {
            references.addObject().put("reference", "Slot/" + slot.id());
        }
        appointment.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode participants = appointment.putArray("participant");
        participant(participants, "Patient/" + patientId);
        participant(participants, "Location/1");
        return appointment;
    }

    private static void participant(ArrayNode participants, String reference) {
        ObjectNode participant = participants.addObject();
        participant.putArray("type").addObject().putArray("coding").addObject()
                .put("system", "http://hl7.org/fhir/ValueSet/encounter-participant-type").put("code", "PART").put("display", "Participation");
        participant.putObject("actor").put("reference", reference);
        participant.put("status", "accepted");
    }

    GpcClient.Request book(String body) {
        return client.request("POST", ROOT + "/Appointment", BOOK_APPOINTMENT, PATIENT_WRITE).body(JSON_TYPE, body);
    }

    Response book(JsonNode appointment) {
        return book(appointment.toString()).send();
    }

    Appointment booked(JsonNode appointment) {
        Response response = book(appointment);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.resource(Appointment.class);
    }

    GpcClient.Request read(String id) {
        return client.get(ROOT + "/Appointment/" + id, READ_APPOINTMENT, PATIENT_READ);
    }

    GpcClient.Request retrieve(String patientId, String query) {
        return client.get(ROOT + "/Patient/" + patientId + "/Appointment" + query, PATIENT_APPOINTMENTS, PATIENT_READ);
    }

    /** An Appointment written straight into the store (one the practice booked itself, or a cancelled one). */
    String stored(String patientId, Instant start, String status) {
        String id = "s-" + UUID.randomUUID();
        ObjectNode appointment = booking(patientId, new SlotRow("none", "2", start, start.plus(10, ChronoUnit.MINUTES), "busy", 1,
                null, "In-person", true, null, null));
        appointment.put("id", id).put("status", status).put("created", SlotRow.local(start.minus(1, ChronoUnit.DAYS)));
        store().inTransaction(writer -> writer.save(ODS, appointment, null));
        return id;
    }

    static String today() {
        return LocalDate.now(UK).toString();
    }

    // ---- the whole life of an appointment, across the interactions

    @Test
    void aBookedAppointmentIsReadAmendedRetrievedAndCancelledAndItsSlotFreedAgain() throws Exception {
        SlotRow slot = newSlot();
        Response booked = book(booking(PATIENT, slot));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        ObjectNode appointment = (ObjectNode) JSON.readTree(booked.body());
        String id = appointment.get("id").asText();

        Response read = read(id).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(JSON.readTree(read.body())).isEqualTo(appointment);

        appointment.put("description", "Amended: patient will bring their inhalers");
        Response amended = client.request("PUT", ROOT + "/Appointment/" + id, org.gpconnect.fhir.interaction.InteractionCatalogue.AMEND_APPOINTMENT,
                PATIENT_WRITE).header("If-Match", booked.header("ETag")).body(JSON_TYPE, appointment.toString()).send();
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(amended.header("ETag")).isEqualTo("W/\"2\"");
        ObjectNode current = (ObjectNode) JSON.readTree(amended.body());
        assertThat(current.get("description").asText()).isEqualTo("Amended: patient will bring their inhalers");

        String day = LocalDate.ofInstant(slot.start(), UK).toString();
        Bundle retrieved = retrieve(PATIENT, "?start=ge" + today() + "&start=le" + day).send().resource(Bundle.class);
        assertThat(retrieved.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(id);

        current.put("status", "cancelled");
        current.withArray("extension").addObject().put("url", AppointmentCancellation.REASON).put("valueString", "Patient is better");
        Response cancelled = client.request("PUT", ROOT + "/Appointment/" + id, org.gpconnect.fhir.interaction.InteractionCatalogue.CANCEL_APPOINTMENT,
                PATIENT_WRITE).header("If-Match", amended.header("ETag")).body(JSON_TYPE, current.toString()).send();
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.resource(Appointment.class).getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertConformant(cancelled.resource(Appointment.class));
        assertThat(new Slots(store()).slot(ODS, slot.id()).orElseThrow().free()).as("the slot is bookable again").isTrue();
        assertThat(book(booking(PATIENT, new Slots(store()).slot(ODS, slot.id()).orElseThrow())).status()).isEqualTo(201);
    }

    // ---- Book an appointment

    @Test
    void booksASlotAndAnswersTheStoredAppointmentWithLocationAndETag() {
        SlotRow slot = newSlot();
        ObjectNode request = booking(PATIENT, slot).put("comment", "Patient prefers a call after 11");
        Response response = book(request);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        Appointment appointment = response.resource(Appointment.class);
        String id = appointment.getIdElement().getIdPart();
        assertThat(response.header("Location")).isEqualTo(server.url(ROOT + "/Appointment/" + id + "/_history/1"));
        assertThat(response.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(response.header("Last-Modified")).isNotBlank();
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(appointment.getMeta().getVersionId()).isEqualTo("1");
        assertThat(appointment.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(BookingRequest.PROFILE);
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(appointment.getStartElement().getValueAsString()).isEqualTo(SlotRow.local(slot.start())).matches(".*\\+0[01]:00");
        assertThat(appointment.getEndElement().getValueAsString()).isEqualTo(SlotRow.local(slot.end()));
        assertThat(appointment.getCreatedElement().getValueAsString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[01]:00");
        assertThat(appointment.getDescription()).isEqualTo("Default Description");
        assertThat(appointment.getComment()).isEqualTo("Patient prefers a call after 11");
        assertThat(appointment.getSlot()).extracting(r -> r.getReference()).containsExactly("Slot/" + slot.id());
        assertThat(appointment.getServiceType()).extracting(t -> t.getText()).containsExactly("Telephone consultation");
        assertThat(appointment.getServiceCategory().getText()).isEqualTo("Telephone consultations");
        assertThat(appointment.getReason()).isEmpty();
        assertThat(appointment.getSpecialty()).isEmpty();
        assertThat(extension(appointment, BookingRequest.DELIVERY_CHANNEL).getValue().primitiveValue()).isEqualTo("Telephone");
        assertThat(((org.hl7.fhir.dstu3.model.CodeableConcept) extension(appointment, BookingRequest.PRACTITIONER_ROLE).getValue())
                .getCodingFirstRep().getCode()).as("the schedule's role").isEqualTo("R0270");
        assertThat(extension(appointment, BookingRequest.BOOKING_ORGANISATION).getValue()).isNotNull();
        org.hl7.fhir.dstu3.model.Organization organization = (org.hl7.fhir.dstu3.model.Organization) appointment.getContained().get(0);
        assertThat(organization.getName()).isEqualTo("Test Suite Validator");
        assertThat(organization.getIdentifierFirstRep().getValue()).isEqualTo("R1A14");
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/" + PATIENT, "Location/1", "Practitioner/5");
        assertThat(appointment.getParticipant()).allMatch(p -> p.getStatus() == Appointment.ParticipationStatus.ACCEPTED);
        assertConformant(appointment);

        Slots slots = new Slots(store());
        assertThat(slots.slot(ODS, slot.id()).orElseThrow().status()).isEqualTo("busy");
        assertThat(slots.heldBy(ODS, id)).extracting(SlotRow::id).containsExactly(slot.id());

        Response read = read(id).send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(read.body()).isEqualTo(response.body());
    }

    private static Extension extension(Appointment appointment, String url) {
        List<Extension> found = appointment.getExtensionsByUrl(url);
        assertThat(found).as(url).hasSize(1);
        return found.get(0);
    }

    @Test
    void theProviderDecidesChannelRoleAndServiceTextsAndKeepsAPractitionerTheConsumerNamed() {
        SlotRow slot = newSlot("1", nextStart(), 10, "In-person", "General GP appointment", null);
        ObjectNode request = booking(PATIENT, slot);
        request.putObject("serviceCategory").put("text", "Test-ServiceCategory");
        request.putArray("serviceType").addObject().put("text", "Test-ServiceType");
        ((ArrayNode) request.get("extension")).addObject().put("url", BookingRequest.DELIVERY_CHANNEL).put("valueCode", "Video");
        ((ArrayNode) request.get("participant")).addObject().put("status", "accepted").putObject("actor").put("reference", "Practitioner/2");

        Appointment appointment = booked(request);
        assertThat(appointment.getServiceCategory().getText()).isEqualTo("General GP appointments");
        assertThat(appointment.getServiceType()).extracting(t -> t.getText()).containsExactly("General GP appointment");
        assertThat(extension(appointment, BookingRequest.DELIVERY_CHANNEL).getValue().primitiveValue()).isEqualTo("In-person");
        assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/" + PATIENT, "Location/1", "Practitioner/2");
    }

    @Test
    void booksAdjacentSlotsTogether() {
        Instant start = nextStart();
        nextStart();
        SlotRow first = newSlot("3", start, 15, "In-person", "Minor illness appointment", null);
        SlotRow second = newSlot("3", start.plus(15, ChronoUnit.MINUTES), 15, "In-person", "Minor illness appointment", null);
        Appointment appointment = booked(booking(PATIENT, first, second));
        assertThat(appointment.getStartElement().getValueAsString()).isEqualTo(SlotRow.local(first.start()));
        assertThat(appointment.getEndElement().getValueAsString()).isEqualTo(SlotRow.local(second.end()));
        assertThat(new Slots(store()).heldBy(ODS, appointment.getIdElement().getIdPart())).extracting(SlotRow::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void acceptsAndAnswersXml() {
        SlotRow slot = newSlot();
        String xml = Response.FHIR.newXmlParser().encodeResourceToString(Response.FHIR.newJsonParser().parseResource(booking(PATIENT, slot).toString()));
        Response response = client.request("POST", ROOT + "/Appointment", BOOK_APPOINTMENT, PATIENT_WRITE)
                .body(XML_TYPE, xml).header("Accept", "application/fhir+xml").send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.isXml()).isTrue();
        Appointment appointment = response.resource(Appointment.class);
        assertThat(appointment.getContained()).hasSize(1);
        assertConformant(appointment);

        Response read = read(appointment.getIdElement().getIdPart()).header("Accept", null).send();
        assertThat(read.isXml()).isFalse();
        Response readXml = read(appointment.getIdElement().getIdPart() + "?_format=xml").send();
        assertThat(readXml.isXml()).isTrue();
        assertThat(readXml.header("ETag")).isEqualTo("W/\"1\"");
        assertConformant(readXml.resource(Appointment.class));
    }

    @Test
    void preferReturnMinimalAnswersWithoutABody() {
        Response response = book(booking(PATIENT, newSlot()).toString()).header("Prefer", "return=minimal").send();
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("Location")).contains("/Appointment/").contains("/_history/1");
        assertThat(response.header("ETag")).isEqualTo("W/\"1\"");
    }

    @Test
    void aPatientWhoDissentedToShareCanStillBook() {
        booked(booking("15", newSlot()));
    }

    @Test
    void aSlotAlreadyBookedIsADuplicate() {
        SlotRow slot = newSlot();
        booked(booking(PATIENT, slot));
        Response again = book(booking("15", slot));
        assertSpineError(again, 409, "DUPLICATE_REJECTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999", "9", "10"})
    void anUnknownOrSensitivePatientIsNotFound(String patientId) {
        SlotRow slot = newSlot();
        assertSpineError(book(booking(patientId, slot)), 404, "PATIENT_NOT_FOUND");
        assertThat(new Slots(store()).slot(ODS, slot.id()).orElseThrow().free()).isTrue();
    }

    /** What AppointmentBook.feature and the spec refuse, each 422 INVALID_RESOURCE, leaving the slot free. */
    static Stream<Arguments> invalidBookings() {
        return Stream.of(
                change("no start", a -> a.remove("start")),
                change("no end", a -> a.remove("end")),
                change("no status", a -> a.remove("status")),
                change("status cancelled", a -> a.put("status", "cancelled")),
                change("no slot", a -> a.remove("slot")),
                change("no participants", a -> a.remove("participant")),
                change("no patient participant", a -> ((ArrayNode) a.get("participant")).remove(0)),
                change("no location participant", a -> ((ArrayNode) a.get("participant")).remove(1)),
                change("participant without status", a -> a.get("participant").forEach(p -> ((ObjectNode) p).remove("status"))),
                change("participant without actor", a -> ((ObjectNode) a.get("participant").get(1)).remove("actor")),
                change("a second patient", a -> ((ArrayNode) a.get("participant")).addObject().put("status", "accepted")
                        .putObject("actor").put("reference", "Patient/2")),
                change("a device participant", a -> ((ArrayNode) a.get("participant")).addObject().put("status", "accepted")
                        .putObject("actor").put("reference", "Device/2")),
                change("identifier without value", a -> a.putArray("identifier").addObject()
                        .put("system", "https://fhir.nhs.uk/Id/gpconnect-appointment-identifier")),
                change("booking organisation without name", a -> ((ObjectNode) a.get("contained").get(0)).remove("name")),
                change("booking organisation without telecom", a -> ((ObjectNode) a.get("contained").get(0)).remove("telecom")),
                change("booking organisation without ODS code", a -> ((ObjectNode) a.get("contained").get(0)).remove("identifier")),
                change("no booking organisation extension", a -> a.remove("extension")),
                change("no contained organisation", a -> a.remove("contained")),
                change("absolute booking organisation reference", a -> ((ObjectNode) a.get("extension").get(0).get("valueReference"))
                        .put("reference", "https://test1.supplier.thirdparty.nhs.uk/A11111/STU3/1/GPConnect/#1")),
                change("reason", a -> a.putArray("reason").addObject().put("text", "Medical consultation with outpatient")),
                change("specialty", a -> a.putArray("specialty").addObject().putArray("coding").addObject()
                        .put("system", "http://hl7.org/fhir/stu3/valueset-c80-practice-codes").put("code", "394802001")),
                change("appointmentType", a -> a.putObject("appointmentType").put("text", "Routine")),
                change("an unknown extension", a -> ((ArrayNode) a.get("extension")).addObject()
                        .put("url", "http://fhir.nhs.uk/StructureDefinition/extension-gpconnect-appointment-notanextension-1").put("valueString", "x")),
                change("an id", a -> a.put("id", "123")),
                change("no description", a -> a.remove("description")),
                change("a description longer than we store", a -> a.put("description", "d".repeat(BookingRequest.MAX_DESCRIPTION + 1))),
                change("a comment longer than we store", a -> a.put("comment", "c".repeat(BookingRequest.MAX_COMMENT + 1))),
                change("no created", a -> a.remove("created")),
                change("an unknown slot", a -> slotReference(a, "Slot/hello")),
                change("a malformed slot id", a -> slotReference(a, "Slot/45555555##")),
                change("an absolute slot reference", a -> slotReference(a, "https://test1.supplier.thirdparty.nhs.uk/A11111/STU3/1/GPConnect/Slot/#12345")),
                change("a start that is not the slot's", a -> a.put("start",
                        java.time.OffsetDateTime.parse(a.get("start").asText()).plusMinutes(1).toString())),
                change("an unknown location", a -> ((ObjectNode) a.get("participant").get(1).get("actor")).put("reference", "Location/999")),
                change("an unknown practitioner", a -> ((ArrayNode) a.get("participant")).addObject().put("status", "accepted")
                        .putObject("actor").put("reference", "Practitioner/4")),
                Arguments.of("an extra field (the suite's invalidField)", (Consumer<ObjectNode>) a -> a.put("invalidField", "Assurance Testing")),
                Arguments.of("another resource type", (Consumer<ObjectNode>) a -> a.put("resourceType", "InvalidResourceType")));
    }

    private static Arguments change(String name, Consumer<ObjectNode> change) {
        return Arguments.of(name, change);
    }

    private static void slotReference(ObjectNode appointment, String reference) {
        ((ObjectNode) appointment.get("slot").get(0)).put("reference", reference);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBookings")
    void anInvalidBookingIsRefusedAndBooksNothing(String name, Consumer<ObjectNode> change) {
        SlotRow slot = newSlot();
        ObjectNode appointment = booking(PATIENT, slot);
        change.accept(appointment);
        assertSpineError(book(appointment), 422, "INVALID_RESOURCE");
        assertThat(new Slots(store()).slot(ODS, slot.id()).orElseThrow().free()).isTrue();
    }

    @Test
    void descriptionAndCommentAreStoredInFullUpToTheLimits() {
        Appointment appointment = booked(booking(PATIENT, newSlot())
                .put("description", "d".repeat(BookingRequest.MAX_DESCRIPTION)).put("comment", "c".repeat(BookingRequest.MAX_COMMENT)));
        assertThat(appointment.getDescription()).hasSize(BookingRequest.MAX_DESCRIPTION);
        assertThat(appointment.getComment()).hasSize(BookingRequest.MAX_COMMENT);
    }

    @Test
    void slotsThatMayNotBeBookedTogetherOrByThisOrganisationAreRefused() {
        Instant start = nextStart();
        nextStart();
        nextStart();
        SlotRow first = newSlot("2", start, 15, "Telephone", "Telephone consultation", null);
        SlotRow gap = newSlot("2", start.plus(30, ChronoUnit.MINUTES), 15, "Telephone", "Telephone consultation", null);
        SlotRow otherSchedule = newSlot("3", start.plus(15, ChronoUnit.MINUTES), 15, "Telephone", "Telephone consultation", null);
        SlotRow otherChannel = newSlot("2", start.plus(15, ChronoUnit.MINUTES), 15, "In-person", "Telephone consultation", null);
        SlotRow otherType = newSlot("2", start.plus(15, ChronoUnit.MINUTES), 15, "Telephone", "Something else", null);
        for (SlotRow second : List.of(gap, otherSchedule, otherChannel, otherType)) {
            assertSpineError(book(booking(PATIENT, first, second)), 422, "INVALID_RESOURCE");
        }
        SlotRow onlyOrg1 = newSlot("1", nextStart(), 10, "In-person", "General GP appointment", List.of("B82617"));
        assertSpineError(book(booking(PATIENT, onlyOrg1)), 422, "INVALID_RESOURCE");
        ObjectNode asOrg1 = booking(PATIENT, onlyOrg1);
        ((ObjectNode) asOrg1.get("contained").get(0).get("identifier").get(0)).put("value", "B82617");
        booked(asOrg1);
    }

    @Test
    void aSlotInThePastCannotBeBooked() {
        SlotRow past = newSlot("2", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES), 15, "Telephone", "Telephone consultation", null);
        assertSpineError(book(booking(PATIENT, past)), 422, "INVALID_RESOURCE");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        assertSpineError(book("{\"resourceType\":\"Appointment\"").send(), 400, "BAD_REQUEST");
    }

    /**
     * Fifty consumers race for ten slots, five for each: exactly one wins each slot (201), the others are told
     * it was taken (409), and the store agrees: each slot busy and held by one stored Appointment.
     */
    @Test
    void fiftyConcurrentBookingsOfTenSlotsBookEachSlotOnce() throws Exception {
        List<SlotRow> slots = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            slots.add(newSlot());
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch ready = new CountDownLatch(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                String body = booking(PATIENT, slots.get(i % 10)).toString();
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return book(body).send();
                }));
            }
            ready.await();
            go.countDown();
            Map<String, String> winners = new ConcurrentHashMap<>();
            int conflicts = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.status() == 201) {
                    Appointment appointment = response.resource(Appointment.class);
                    String slot = appointment.getSlotFirstRep().getReference();
                    assertThat(winners.put(slot, appointment.getIdElement().getIdPart())).as("two winners for " + slot).isNull();
                } else {
                    assertSpineError(response, 409, "DUPLICATE_REJECTED");
                    conflicts++;
                }
            }
            assertThat(winners).hasSize(10);
            assertThat(conflicts).isEqualTo(40);

            Slots store = new Slots(store());
            for (SlotRow slot : slots) {
                assertThat(store.slot(ODS, slot.id()).orElseThrow().status()).isEqualTo("busy");
                String appointment = winners.get(slot.reference());
                assertThat(store.heldBy(ODS, appointment)).extracting(SlotRow::id).containsExactly(slot.id());
                assertThat(store().read(ODS, "Appointment", appointment)).isPresent();
            }
            assertThat(holders(slots)).as("appointment_slot rows per slot").containsOnlyKeys(slots.stream().map(SlotRow::id).toList())
                    .allSatisfy((slot, count) -> assertThat(count).isEqualTo(1));
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Integer> holders(List<SlotRow> slots) throws Exception {
        Map<String, Integer> counts = new java.util.HashMap<>();
        try (Connection connection = store().dataSource().getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "SELECT COUNT(*) FROM appointment_slot WHERE practice_ods = ? AND slot_id = ?")) {
            for (SlotRow slot : slots) {
                ps.setString(1, ODS);
                ps.setString(2, slot.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counts.put(slot.id(), rs.getInt(1));
                }
            }
        }
        return counts;
    }

    // ---- Read an appointment

    @ParameterizedTest
    @ValueSource(strings = {"Invalid4321", "8888888888", "555555", ""})
    void anUnknownAppointmentIsNotFound(String id) {
        assertSpineError(read(id).send(), 404, "NO_RECORD_FOUND");
    }

    @Test
    void anAppointmentOfTodayCanBeReadButNotOneFromBefore() {
        String earlierToday = stored(PATIENT, LocalDate.now(UK).atStartOfDay(UK).toInstant().plus(1, ChronoUnit.MINUTES), "booked");
        Response today = read(earlierToday).send();
        assertThat(today.status()).as(today.body()).isEqualTo(200);
        assertConformant(today.resource(Appointment.class));
        String yesterday = stored(PATIENT, LocalDate.now(UK).atStartOfDay(UK).toInstant().minus(1, ChronoUnit.HOURS), "booked");
        assertSpineError(read(yesterday).send(), 422, "INVALID_PARAMETER");
    }

    // ---- Retrieve a patient's appointments

    @Test
    void patientNoAppointmentsHasAnEmptySearchset() {
        Response response = retrieve("20", "?start=ge" + today() + "&start=le" + LocalDate.now(UK).plusDays(1)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getEntry()).isEmpty();
        assertConformant(bundle);
    }

    @Test
    void retrievesEveryAppointmentOfThePatientInTheDaysIncludingCancelledAndEarlierToday() {
        Instant startOfToday = LocalDate.now(UK).atStartOfDay(UK).toInstant();
        String earlierToday = stored(RETRIEVED_PATIENT, startOfToday.plus(1, ChronoUnit.MINUTES), "booked");
        String yesterday = stored(RETRIEVED_PATIENT, startOfToday.minus(1, ChronoUnit.HOURS), "booked");
        String cancelled = stored(RETRIEVED_PATIENT, startOfToday.plus(3, ChronoUnit.DAYS), "cancelled");
        String later = stored(RETRIEVED_PATIENT, startOfToday.plus(40, ChronoUnit.DAYS), "booked");
        String booked = booked(booking(RETRIEVED_PATIENT, newSlot())).getIdElement().getIdPart();
        stored(PATIENT, startOfToday.plus(3, ChronoUnit.DAYS), "booked");

        Response response = retrieve(RETRIEVED_PATIENT, "?start=ge" + today() + "&start=le" + LocalDate.now(UK).plusDays(30)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        assertThat(bundle.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1");
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(earlierToday, cancelled, booked)
                .doesNotContain(yesterday, later);
        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.getResource().getMeta().getVersionId()).isNotBlank());
        assertConformant(bundle);

        Response xml = retrieve(RETRIEVED_PATIENT, "?start=ge" + today() + "&start=le" + LocalDate.now(UK).plusDays(30) + "&_sort=date")
                .header("Accept", "application/fhir+xml").send();
        assertThat(xml.isXml()).isTrue();
        assertThat(xml.resource(Bundle.class).getEntry()).hasSize(3);

        Response onlyToday = retrieve(RETRIEVED_PATIENT, "?start=le" + today() + "&start=ge" + today()).send();
        assertThat(onlyToday.resource(Bundle.class).getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(earlierToday);
    }

    static Stream<String> invalidPeriods() {
        String today = today();
        String later = LocalDate.now(UK).plusDays(14).toString();
        Stream<String> formats = Stream.of("2030", "2030-03", "2030-03-01T10:00:00", "2030-03-01T10:00:00Z", "2030-03-01T10:00:00%2B00:00", "2030-02-30")
                .flatMap(bad -> Stream.of("?start=ge" + today + "&start=le" + bad, "?start=ge" + bad + "&start=le" + later));
        Stream<String> prefixes = Stream.of("ge|lt", "ge|gt", "ge|eq", "ge|ge", "lt|le", "gt|le", "eqs|le", "le|le", "random123|random123")
                .map(p -> "?start=" + p.split("\\|")[0] + today + "&start=" + p.split("\\|")[1] + later);
        Stream<String> others = Stream.of("?start=le2030-03-03", "?start=ge2030-03-03", "", "?start=2010-02-03&start=2010-03-03",
                "?start=ge2010-03-03&start=le2030-03-30", "?start=ge" + LocalDate.now(UK).minusDays(1) + "&start=le" + later,
                "?start=ge2030-03-03&start=le2030-01-01", "?start=ge" + today + "&start=le" + later + "&start=le" + later);
        return Stream.of(formats, prefixes, others).flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("invalidPeriods")
    void anInvalidPeriodIsAnInvalidParameter(String query) {
        assertSpineError(retrieve("4", query).send(), 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "dd", "9"})
    void anUnknownOrSensitivePatientHasNoAppointmentsToRetrieve(String patientId) {
        assertSpineError(retrieve(patientId, "?start=ge2030-03-30&start=le2030-04-30").send(), 404, "PATIENT_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"organization/*.write", "patient/*.write"})
    void retrieveNeedsTheReadScope(String scope) {
        Response response = client.get(ROOT + "/Patient/4/Appointment?start=ge" + today() + "&start=le" + today(), PATIENT_APPOINTMENTS, scope).send();
        assertSpineError(response, 400, "BAD_REQUEST");
    }

    // ---- capability statement

    @Test
    void theCapabilityStatementListsBookReadAndSearch() {
        CapabilityStatement statement = client.get(ROOT + "/metadata", METADATA, ORG_READ).send().resource(CapabilityStatement.class);
        CapabilityStatement.CapabilityStatementRestResourceComponent appointment = statement.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("Appointment")).findFirst().orElseThrow();
        assertThat(appointment.getInteraction()).extracting(i -> i.getCode().toCode()).contains("create", "read", "search-type");
        assertThat(appointment.getProfile().getReference()).isEqualTo(BookingRequest.PROFILE);
        assertThat(statement.getProfile()).extracting(p -> p.getReference()).contains(BookingRequest.PROFILE);
    }
}
