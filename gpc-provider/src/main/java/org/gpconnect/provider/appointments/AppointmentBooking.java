package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.PracticeDirectory;
import org.gpconnect.store.SlotRow;
import org.gpconnect.store.SlotTakenException;
import org.gpconnect.store.Slots;
import org.gpconnect.store.StoredResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.gpconnect.provider.appointments.BookingRequest.invalid;

/**
 * Book an appointment ({@code POST /Appointment}): the checked request ({@link BookingRequest}), its patient,
 * location and practitioner, its slots ({@link SlotSelection}), then one transaction that takes the slots and
 * stores the Appointment, so a booking is all written or not at all. Of two bookings racing for a slot the
 * conditional UPDATE lets one win; the other's transaction rolls back and it is answered 409 DUPLICATE_REJECTED,
 * as if it had found the slot busy.
 */
final class AppointmentBooking implements StreamedInteraction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GpRecordStore store;
    private final Slots slots;
    private final AppointmentResponses responses;
    private final FhirContext fhir;
    private final Clock clock;

    AppointmentBooking(GpRecordStore store, AppointmentResponses responses, FhirContext fhir, Clock clock) {
        this.store = store;
        this.slots = new Slots(store);
        this.responses = responses;
        this.fhir = fhir;
        this.clock = clock;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context, ResponseFormat format)
            throws IOException {
        String ods = context.root().odsCode();
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        BookingRequest booking = BookingRequest.read(fhir, body, request.getContentType());

        PatientRecord patient = AppointmentPatients.require(store, ods, booking.patientId());
        context.patient(patient.nhsNumber());
        PracticeDirectory directory = store.directory(ods);
        if (directory.find("Location/" + booking.locationId()).isEmpty()) {
            throw invalid("Appointment.participant Location/" + booking.locationId() + " does not exist");
        }
        if (booking.practitionerId() != null && directory.find("Practitioner/" + booking.practitionerId()).isEmpty()) {
            throw invalid("Appointment.participant Practitioner/" + booking.practitionerId() + " does not exist");
        }
        SlotSelection chosen = SlotSelection.of(slots, ods, booking, clock.instant());
        JsonNode schedule = schedule(ods, chosen.first());

        String id = UUID.randomUUID().toString();
        ObjectNode appointment = BookedAppointment.json(fhir, id, booking, chosen, schedule);
        StoredResource stored;
        try {
            stored = store.inTransaction(writer -> {
                Slots.take(writer, ods, chosen.slots(), id);
                return writer.save(ods, appointment, null);
            });
        } catch (SlotTakenException e) {
            throw SlotSelection.taken(e.getMessage());
        }
        // provenance: the audit record of this request (who, from where, when, which interaction) names what it wrote
        context.detail("Booked " + stored.reference() + "/_history/" + stored.versionId() + " in "
                + chosen.slots().stream().map(SlotRow::reference).collect(Collectors.joining(", ")));
        responses.created(response, format, stored, context.baseUrl(), request.getHeader("Prefer"));
    }

    private JsonNode schedule(String ods, SlotRow slot) {
        StoredResource schedule = store.read(ods, "Schedule", slot.scheduleId()).orElseThrow(() ->
                new SpineException(SpineErrorCode.INTERNAL_SERVER_ERROR, "Slot/" + slot.id() + " has no Schedule/" + slot.scheduleId()));
        try {
            return JSON.readTree(schedule.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + schedule.reference() + " is not JSON", e);
        }
    }
}
