package org.gpconnect.provider.appointments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.Response;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.Slots;
import org.gpconnect.store.StoredResource;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.AMEND_APPOINTMENT;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.CANCEL_APPOINTMENT;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.METADATA;
import static org.gpconnect.provider.appointments.TestAppointments.ODS;

/**
 * Amend and Cancel an appointment over HTTP, with the test suite's scenarios (AppointmentAmend.feature,
 * AppointmentCancel.feature) and every rule of docs/appointments-changes.md: what may change, If-Match,
 * XML, the slot freed by a cancellation, and that a refused request writes nothing.
 */
public abstract class AppointmentChangesApiTest extends ApiTest {
    static final String JSON_TYPE = "application/fhir+json;charset=utf-8";
    static final String XML_TYPE = "application/fhir+xml;charset=utf-8";
    static final String REASON = AppointmentCancellation.REASON;
    private static final ObjectMapper JSON = new ObjectMapper();

    private GpRecordStore store;
    private TestAppointments appointments;

    @BeforeAll
    void fixtures() {
        store = server.bean(GpRecordStore.class);
        appointments = new TestAppointments(store);
    }

    // ---- helpers

    TestAppointments.Booked booked() {
        return appointments.book("2", 3);
    }

    /** The appointment as a consumer reads it, to edit and send back. */
    Appointment asRead(TestAppointments.Booked booked) {
        return Response.FHIR.newJsonParser().parseResource(Appointment.class, booked.stored().json());
    }

    GpcClient.Request put(String interaction, String id, Appointment body) {
        return put(interaction, id, JSON_TYPE, Response.FHIR.newJsonParser().encodeResourceToString(body));
    }

    GpcClient.Request put(String interaction, String id, String contentType, String body) {
        return client.request("PUT", ROOT + "/Appointment/" + id, interaction, PATIENT_WRITE).body(contentType, body);
    }

    GpcClient.Request amend(TestAppointments.Booked booked, Consumer<Appointment> edit) {
        Appointment appointment = asRead(booked);
        edit.accept(appointment);
        return put(AMEND_APPOINTMENT, booked.id(), appointment);
    }

    GpcClient.Request cancel(TestAppointments.Booked booked, Consumer<Appointment> edit) {
        Appointment appointment = asRead(booked);
        appointment.setStatus(Appointment.AppointmentStatus.CANCELLED);
        edit.accept(appointment);
        return put(CANCEL_APPOINTMENT, booked.id(), appointment);
    }

    static Consumer<Appointment> reason(String text) {
        return a -> a.addExtension(REASON, new StringType(text));
    }

    StoredResource stored(TestAppointments.Booked booked) {
        return store.read(ODS, "Appointment", booked.id()).orElseThrow();
    }

    boolean slotFree(TestAppointments.Booked booked) {
        return new Slots(store).slot(ODS, booked.slotId()).orElseThrow().free();
    }

    /** A refusal leaves the appointment and its slot as booked. */
    void unchanged(TestAppointments.Booked booked) {
        assertThat(stored(booked).versionId()).isEqualTo(1);
        assertThat(stored(booked).json()).isEqualTo(booked.stored().json());
        assertThat(slotFree(booked)).isFalse();
    }

    Appointment ok(Response response, long version) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("W/\"" + version + "\"");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        Appointment appointment = response.resource(Appointment.class);
        assertThat(appointment.getMeta().getVersionId()).isEqualTo(Long.toString(version));
        assertThat(appointment.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1");
        assertConformant(appointment);
        return appointment;
    }

    // ---- Amend an appointment

    @Test
    void anAmendmentChangesDescriptionAndCommentAndNothingElse() {
        TestAppointments.Booked booked = booked();
        Response response = amend(booked, a -> a.setDescription("customDescription").setComment("customComment"))
                .header("If-Match", "W/\"1\"").send();
        Appointment amended = ok(response, 2);
        assertThat(amended.getIdElement().getIdPart()).isEqualTo(booked.id());
        assertThat(amended.getDescription()).isEqualTo("customDescription");
        assertThat(amended.getComment()).isEqualTo("customComment");
        Appointment before = asRead(booked);
        before.setDescription("customDescription").setComment("customComment");
        assertThat(AppointmentDifferences.between(before, amended)).isEmpty();
        assertThat(stored(booked).versionId()).isEqualTo(2);
        assertThat(stored(booked).json()).isEqualTo(response.body());
        assertThat(slotFree(booked)).isFalse();
    }

    @Test
    void anAmendmentNeedsNoIfMatchAndMayRemoveTheComment() {
        TestAppointments.Booked booked = booked();
        Appointment amended = ok(amend(booked, a -> a.setComment(null)).send(), 2);
        assertThat(amended.hasComment()).isFalse();
        assertThat(amended.getDescription()).isEqualTo("Free text description.");
    }

    @Test
    void anAmendmentThatChangesNothingWritesNoNewVersion() {
        TestAppointments.Booked booked = booked();
        ok(amend(booked, a -> {}).send(), 1);
        unchanged(booked);
    }

    @Test
    void anAmendmentIsReadAndAnsweredInXml() {
        TestAppointments.Booked booked = booked();
        Appointment appointment = asRead(booked).setDescription("customDescription");
        Response response = put(AMEND_APPOINTMENT, booked.id(), XML_TYPE, Response.FHIR.newXmlParser().encodeResourceToString(appointment))
                .header("Accept", "application/fhir+xml").send();
        assertThat(response.isXml()).isTrue();
        assertThat(ok(response, 2).getDescription()).isEqualTo("customDescription");

        Response json = amend(booked, a -> a.setDescription("again").getMeta().setVersionId("2"))
                .header("Accept", null).send();
        assertThat(ok(json, 3).getDescription()).isEqualTo("again");
    }

    @Test
    void consumersThatDoNotSendServiceCategoryAndServiceTypeKeepThem() {
        TestAppointments.Booked booked = booked();
        Appointment amended = ok(amend(booked, a -> a.setServiceCategory(null).setServiceType(null).setDescription("new")).send(), 2);
        assertThat(amended.getServiceCategory().getText()).isEqualTo("General GP appointments");
        assertThat(amended.getServiceTypeFirstRep().getText()).isEqualTo("General GP appointment");
    }

    @Test
    void preferReturnMinimalAnswersWithoutABody() {
        TestAppointments.Booked booked = booked();
        Response response = amend(booked, a -> a.setDescription("minimal")).header("Prefer", "return=minimal").send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("ETag")).isEqualTo("W/\"2\"");
        assertThat(asStored(booked).getDescription()).isEqualTo("minimal");
    }

    Appointment asStored(TestAppointments.Booked booked) {
        return Response.FHIR.newJsonParser().parseResource(Appointment.class, stored(booked).json());
    }

    static Stream<Arguments> changesAnAmendmentMayNotMake() {
        return Stream.of(
                Arguments.of("priority", (Consumer<Appointment>) a -> a.setPriority(1)),
                Arguments.of("status noshow", (Consumer<Appointment>) a -> a.setStatus(Appointment.AppointmentStatus.NOSHOW)),
                Arguments.of("a cancellation reason", reason("double booked")),
                Arguments.of("an absolute participant", (Consumer<Appointment>) a -> a.addParticipant().setStatus(
                        Appointment.ParticipationStatus.DECLINED).setActor(new Reference(
                        "https://test1.supplier.thirdparty.nhs.uk/A11111/STU3/1/GPConnect/Practitioner/2"))),
                Arguments.of("start", (Consumer<Appointment>) a -> a.setStart(new Date(a.getStart().getTime() + 60_000))),
                Arguments.of("serviceType text", (Consumer<Appointment>) a -> a.getServiceTypeFirstRep().setText("Test-ServiceType")),
                Arguments.of("appointmentType", (Consumer<Appointment>) a -> a.setAppointmentType(new CodeableConcept().setText("x"))),
                Arguments.of("the booking organisation's name", (Consumer<Appointment>) a ->
                        ((Organization) a.getContained().get(0)).setName("Another")),
                Arguments.of("no description", (Consumer<Appointment>) a -> a.setDescription(null)),
                Arguments.of("a description too long to store", (Consumer<Appointment>) a -> a.setDescription("d".repeat(1_001))),
                Arguments.of("a comment too long to store", (Consumer<Appointment>) a -> a.setComment("c".repeat(5_001))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesAnAmendmentMayNotMake")
    void anAmendmentMayChangeNothingElse(String change, Consumer<Appointment> edit) {
        TestAppointments.Booked booked = booked();
        Response response = amend(booked, edit).send();
        assertSpineError(response, 422, "INVALID_RESOURCE");
        assertThat(response.resource(OperationOutcome.class).getIssueFirstRep().getDiagnostics()).isNotBlank();
        unchanged(booked);
    }

    @Test
    void textsUpToTheLimitsAreStoredWhole() {
        TestAppointments.Booked booked = booked();
        String description = "é".repeat(AppointmentAmendment.MAX_DESCRIPTION);
        String comment = "c".repeat(AppointmentAmendment.MAX_COMMENT);
        Appointment amended = ok(amend(booked, a -> a.setDescription(description).setComment(comment)).send(), 2);
        assertThat(amended.getDescription()).isEqualTo(description);
        assertThat(amended.getComment()).isEqualTo(comment);
    }

    @Test
    void aStaleIfMatchIsAConflict() {
        TestAppointments.Booked booked = booked();
        for (String ifMatch : new String[] {"W/\"invalidEtag\"", "W/\"2\"", "W/\"0\""}) {
            assertSpineError(amend(booked, a -> a.setComment("customComment")).header("If-Match", ifMatch).send(),
                    409, "FHIR_CONSTRAINT_VIOLATION");
            assertSpineError(cancel(booked, reason("double booked")).header("If-Match", ifMatch).send(), 409, "FHIR_CONSTRAINT_VIOLATION");
        }
        unchanged(booked);
        ok(amend(booked, a -> a.setComment("customComment")).header("If-Match", "W/\"1\"").send(), 2);
        assertSpineError(cancel(booked, reason("double booked")).header("If-Match", "W/\"1\"").send(), 409, "FHIR_CONSTRAINT_VIOLATION");
        assertThat(slotFree(booked)).isFalse();
    }

    @Test
    void ofConcurrentChangesAtOneVersionExactlyOneIsWritten() throws Exception {
        TestAppointments.Booked booked = booked();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                GpcClient.Request request = i % 2 == 0 ? amend(booked, a -> a.setComment("racing"))
                        : cancel(booked, reason("racing"));
                answers.add(pool.submit(() -> request.header("If-Match", "W/\"1\"").send()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).as(statuses.toString()).containsOnly(200, 409).containsOnlyOnce(200);
        } finally {
            pool.shutdown();
        }
        assertThat(stored(booked).versionId()).isEqualTo(2);
        assertThat(slotFree(booked)).isEqualTo(asStored(booked).getStatus() == Appointment.AppointmentStatus.CANCELLED);
    }

    @Test
    void aCancelledAppointmentCannotBeAmended() {
        TestAppointments.Booked booked = booked();
        ok(cancel(booked, reason("double booked")).send(), 2);
        Appointment cancelled = asStored(booked);
        assertSpineError(put(AMEND_APPOINTMENT, booked.id(), cancelled).send(), 422, "INVALID_RESOURCE");
        assertSpineError(put(AMEND_APPOINTMENT, booked.id(), cancelled.setDescription("new")).send(), 422, "INVALID_RESOURCE");
        assertThat(stored(booked).versionId()).isEqualTo(2);
    }

    @Test
    void pastAppointmentsCannotChangeButTodaysCan() {
        TestAppointments.Booked past = appointments.book("2", -1);
        assertSpineError(amend(past, a -> a.setDescription("new")).send(), 422, "INVALID_RESOURCE");
        assertSpineError(cancel(past, reason("double booked")).send(), 422, "INVALID_RESOURCE");
        unchanged(past);
        TestAppointments.Booked today = appointments.book("2", 0);
        ok(amend(today, a -> a.setDescription("today")).send(), 2);
    }

    @Test
    void anUnknownAppointmentIsNotFound() {
        Appointment appointment = asRead(booked());
        appointment.setIdElement(new IdType("Appointment", "chg-unknown"));
        assertSpineError(put(AMEND_APPOINTMENT, "chg-unknown", appointment).send(), 404, "NO_RECORD_FOUND");
        assertSpineError(put(CANCEL_APPOINTMENT, "chg-unknown", appointment).send(), 404, "NO_RECORD_FOUND");
    }

    @Test
    void theBodyMustBeTheAppointmentOfTheUrl() {
        TestAppointments.Booked booked = booked();
        TestAppointments.Booked other = booked();
        assertSpineError(put(AMEND_APPOINTMENT, booked.id(), asRead(other)).send(), 400, "BAD_REQUEST");
        Appointment withoutId = asRead(booked);
        withoutId.setIdElement(null);
        assertSpineError(put(AMEND_APPOINTMENT, booked.id(), withoutId).send(), 400, "BAD_REQUEST");
        // the test suite's "invalid Resource type": the resourceType changed
        String invalidType = booked.stored().json().replace("\"resourceType\":\"Appointment\"", "\"resourceType\":\"InvalidResourceType\"");
        assertSpineError(put(AMEND_APPOINTMENT, booked.id(), JSON_TYPE, invalidType).send(), 422, "INVALID_RESOURCE");
        assertSpineError(put(CANCEL_APPOINTMENT, booked.id(), JSON_TYPE, "{\"resourceType\":\"Patient\",\"id\":\"2\"}").send(),
                422, "INVALID_RESOURCE");
        assertSpineError(put(AMEND_APPOINTMENT, booked.id(), JSON_TYPE, booked.stored().json().replace("\"status\"", "\"unknownElement\":1,\"status\""))
                .send(), 422, "INVALID_RESOURCE");
        assertSpineError(put(AMEND_APPOINTMENT, booked.id(), JSON_TYPE, "{\"resourceType\":").send(), 400, "BAD_REQUEST");
        assertSpineError(put(AMEND_APPOINTMENT, booked.id(), JSON_TYPE, "").send(), 400, "BAD_REQUEST");
        unchanged(booked);
        unchanged(other);
    }

    @Test
    void aSensitivePatientsAppointmentIsNotServed() {
        TestAppointments.Booked booked = appointments.book("9", 3);
        assertSpineError(amend(booked, a -> a.setDescription("new")).send(), 404, "PATIENT_NOT_FOUND");
        assertSpineError(cancel(booked, reason("double booked")).send(), 404, "PATIENT_NOT_FOUND");
        unchanged(booked);
    }

    @Test
    void amendAndCancelNeedTheWriteScope() {
        TestAppointments.Booked booked = booked();
        Appointment appointment = asRead(booked);
        Response response = client.request("PUT", ROOT + "/Appointment/" + booked.id(), AMEND_APPOINTMENT, PATIENT_READ)
                .body(JSON_TYPE, Response.FHIR.newJsonParser().encodeResourceToString(appointment)).send();
        assertSpineError(response, 400, "BAD_REQUEST");
        unchanged(booked);
    }

    // ---- Cancel an appointment

    @Test
    void aCancellationCancelsWithTheReasonAndFreesTheSlot() {
        TestAppointments.Booked booked = booked();
        Response response = cancel(booked, reason("double booked")).header("If-Match", "W/\"1\"").send();
        Appointment cancelled = ok(response, 2);
        assertThat(cancelled.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(cancelled.getExtensionsByUrl(REASON)).singleElement()
                .satisfies(e -> assertThat(e.getValue().primitiveValue()).isEqualTo("double booked"));
        Appointment before = asRead(booked);
        assertThat(cancelled.getExtension()).hasSize(before.getExtension().size() + 1);
        cancelled.getExtension().removeIf(e -> REASON.equals(e.getUrl()));
        cancelled.setStatus(Appointment.AppointmentStatus.BOOKED);
        assertThat(AppointmentDifferences.between(before, cancelled)).isEmpty();
        assertThat(stored(booked).versionId()).isEqualTo(2);
        assertThat(asStored(booked).getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(slotFree(booked)).as("the slot can be booked again").isTrue();
        assertThat(store.appointments(ODS, "2", booked.stored().lastUpdated().minusSeconds(86_400 * 10),
                booked.stored().lastUpdated().plusSeconds(86_400 * 10)))
                .filteredOn(a -> a.id().equals(booked.id())).singleElement()
                .satisfies(a -> assertThat(a.json()).contains("\"cancelled\""));
    }

    @Test
    void aCancellationIsReadAndAnsweredInXmlAndAnyFormatCombination() {
        TestAppointments.Booked booked = booked();
        Appointment appointment = asRead(booked).setStatus(Appointment.AppointmentStatus.CANCELLED);
        reason("Test cancellation reason 1").accept(appointment);
        Response response = put(CANCEL_APPOINTMENT, booked.id(), XML_TYPE, Response.FHIR.newXmlParser().encodeResourceToString(appointment))
                .header("Accept", "application/fhir+json").send();
        assertThat(response.isXml()).isFalse();
        assertThat(ok(response, 2).getExtensionsByUrl(REASON).get(0).getValue().primitiveValue()).isEqualTo("Test cancellation reason 1");

        TestAppointments.Booked xml = booked();
        Response answer = cancel(xml, reason("r")).header("Accept", "application/fhir+xml").send();
        assertThat(answer.isXml()).isTrue();
        assertThat(ok(answer, 2).getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
    }

    @Test
    void aLongReasonIsCutToWhatIsStored() {
        TestAppointments.Booked booked = booked();
        Appointment cancelled = ok(cancel(booked, reason("r".repeat(AppointmentCancellation.MAX_REASON + 10))).send(), 2);
        assertThat(cancelled.getExtensionsByUrl(REASON).get(0).getValue().primitiveValue())
                .isEqualTo("r".repeat(AppointmentCancellation.MAX_REASON));
    }

    static Stream<Arguments> changesACancellationMayNotMake() {
        return Stream.of(
                Arguments.of("comment", (Consumer<Appointment>) a -> reason("double booked").andThen(x -> x.setComment("RANDOM COMMENT")).accept(a)),
                Arguments.of("description", (Consumer<Appointment>) a -> reason("double booked").andThen(x -> x.setDescription("RANDOM")).accept(a)),
                Arguments.of("participants", (Consumer<Appointment>) a -> {
                    reason("double booked").accept(a);
                    for (String actor : new String[] {"location/2", "Patient/2", "Practitioner/2"}) {
                        a.addParticipant().setActor(new Reference(actor)).setStatus(Appointment.ParticipationStatus.DECLINED);
                    }
                }),
                Arguments.of("type text", (Consumer<Appointment>) a -> reason("double booked")
                        .andThen(x -> x.setAppointmentType(new CodeableConcept().setText("RANDOM TYPE TEXT"))).accept(a)),
                Arguments.of("reason under a wrong URL", (Consumer<Appointment>) a -> a.addExtension(
                        "http://fhir.nhs.uk/StructuraeDefinition/extension-gpconnect-appointment-cancellation-reason-1-010", new StringType("Too busy"))),
                Arguments.of("status booked", (Consumer<Appointment>) a -> reason("double booked")
                        .andThen(x -> x.setStatus(Appointment.AppointmentStatus.BOOKED)).accept(a)),
                Arguments.of("a reason that is not a string", (Consumer<Appointment>) a -> a.addExtension(new Extension(REASON,
                        new CodeableConcept().setText("double booked")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesACancellationMayNotMake")
    void aCancellationMayChangeNothingElse(String change, Consumer<Appointment> edit) {
        TestAppointments.Booked booked = booked();
        assertSpineError(cancel(booked, edit).send(), 422, "INVALID_RESOURCE");
        unchanged(booked);
    }

    /** The test suite's "absolute reference" scenarios, written as JSON: HAPI's encoder asserts a "#" reference is local. */
    @Test
    void anAbsoluteBookingOrganisationReferenceIsAChange() {
        TestAppointments.Booked booked = booked();
        String absolute = booked.stored().json().replace("\"reference\":\"#1\"",
                "\"reference\":\"https://test1.supplier.thirdparty.nhs.uk/A11111/STU3/1/GPConnect/#1\"");
        assertThat(absolute).isNotEqualTo(booked.stored().json());
        assertSpineError(put(AMEND_APPOINTMENT, booked.id(), JSON_TYPE, absolute).send(), 422, "INVALID_RESOURCE");
        String cancelled = absolute.replace("\"status\":\"booked\"", "\"status\":\"cancelled\"").replace("\"extension\":[",
                "\"extension\":[{\"url\":\"" + REASON + "\",\"valueString\":\"double booked\"},");
        assertSpineError(put(CANCEL_APPOINTMENT, booked.id(), JSON_TYPE, cancelled).send(), 422, "INVALID_RESOURCE");
        unchanged(booked);
    }

    @Test
    void aReasonWithAnEmptyUrlIsAnInvalidResource() throws Exception {
        TestAppointments.Booked booked = booked();
        ObjectNode body = (ObjectNode) JSON.readTree(booked.stored().json());
        body.put("status", "cancelled");
        ((ArrayNode) body.get("extension")).addObject().put("url", "").put("valueString", "Too busy");
        assertSpineError(put(CANCEL_APPOINTMENT, booked.id(), JSON_TYPE, body.toString()).send(), 422, "INVALID_RESOURCE");
        unchanged(booked);
    }

    @Test
    void aMissingOrEmptyReasonIsAnInvalidParameter() throws Exception {
        TestAppointments.Booked booked = booked();
        assertSpineError(cancel(booked, a -> {}).send(), 422, "INVALID_PARAMETER");
        assertSpineError(cancel(booked, a -> a.addExtension().setUrl(REASON)).send(), 422, "INVALID_PARAMETER");
        assertSpineError(cancel(booked, reason("a").andThen(reason("b"))).send(), 422, "INVALID_PARAMETER");
        ObjectNode body = (ObjectNode) JSON.readTree(booked.stored().json());
        body.put("status", "cancelled");
        ((ArrayNode) body.get("extension")).addObject().put("url", REASON).put("valueString", "");
        assertSpineError(put(CANCEL_APPOINTMENT, booked.id(), JSON_TYPE, body.toString()).send(), 422, "INVALID_PARAMETER");
        String xml = Response.FHIR.newXmlParser().encodeResourceToString(asRead(booked).setStatus(Appointment.AppointmentStatus.CANCELLED))
                .replace("</Appointment>", "<extension url=\"" + REASON + "\"><valueString value=\"\"/></extension></Appointment>");
        assertSpineError(put(CANCEL_APPOINTMENT, booked.id(), XML_TYPE, xml).header("Accept", "application/fhir+xml").send(),
                422, "INVALID_PARAMETER");
        unchanged(booked);
    }

    @Test
    void aCancelledAppointmentCannotBeCancelledAgain() {
        TestAppointments.Booked booked = booked();
        ok(cancel(booked, reason("double booked")).send(), 2);
        Appointment again = asStored(booked);
        again.getExtension().removeIf(e -> REASON.equals(e.getUrl()));
        reason("again").accept(again);
        assertSpineError(put(CANCEL_APPOINTMENT, booked.id(), again).send(), 422, "INVALID_RESOURCE");
        assertThat(stored(booked).versionId()).isEqualTo(2);
    }

    @Test
    void theCapabilityStatementListsTheAppointmentUpdate() {
        Response response = client.get(ROOT + "/metadata", METADATA, ORG_READ).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        CapabilityStatement statement = response.resource(CapabilityStatement.class);
        CapabilityStatement.CapabilityStatementRestResourceComponent appointment = statement.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("Appointment")).findFirst().orElseThrow();
        assertThat(appointment.getInteraction()).extracting(i -> i.getCode())
                .containsOnlyOnce(CapabilityStatement.TypeRestfulInteraction.UPDATE);
        assertConformant(statement);
    }
}
