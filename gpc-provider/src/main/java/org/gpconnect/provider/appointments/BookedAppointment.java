package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.store.SlotRow;
import org.hl7.fhir.dstu3.model.Appointment;

/**
 * The Appointment as the provider stores and returns it (docs/appointments-booking.md, "Stored shape"): what
 * the consumer sent that the practice keeps (identifiers, booking organisation, participants, description,
 * comment, priority), with what the practice knows of the booking in place of anything the consumer said of
 * it: the slot's delivery channel and service type, the schedule's practitioner role, category and
 * practitioner, and every time in UK local form (yyyy-mm-ddThh:mm:ss+hh:mm). Elements in STU3 order.
 */
final class BookedAppointment {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BookedAppointment() {}

    /** The new Appointment, id assigned, ready for {@code RecordWriter.save} (which adds meta.versionId). */
    static ObjectNode json(FhirContext fhir, String id, BookingRequest booking, SlotSelection slots, JsonNode schedule) {
        ObjectNode sent = tree(fhir, booking.appointment());
        ObjectNode stored = JSON.createObjectNode().put("resourceType", "Appointment").put("id", id);
        stored.putObject("meta").putArray("profile").add(BookingRequest.PROFILE);
        stored.set("contained", sent.get("contained"));

        ArrayNode extensions = stored.putArray("extension");
        for (JsonNode extension : sent.path("extension")) {
            if (BookingRequest.BOOKING_ORGANISATION.equals(extension.path("url").asText())) {
                extensions.add(extension);
            }
        }
        for (JsonNode extension : schedule.path("extension")) {
            if (BookingRequest.PRACTITIONER_ROLE.equals(extension.path("url").asText())) {
                extensions.add(extension);
            }
        }
        extensions.addObject().put("url", BookingRequest.DELIVERY_CHANNEL).put("valueCode", slots.first().deliveryChannel());

        copy(sent, stored, "identifier");
        stored.put("status", "booked");
        if (schedule.path("serviceCategory").hasNonNull("text")) {
            stored.putObject("serviceCategory").put("text", schedule.path("serviceCategory").path("text").asText());
        }
        if (slots.first().serviceType() != null) {
            stored.putArray("serviceType").addObject().put("text", slots.first().serviceType());
        }
        copy(sent, stored, "priority");
        copy(sent, stored, "description");
        stored.put("start", SlotRow.local(slots.first().start()));
        stored.put("end", SlotRow.local(slots.last().end()));
        copy(sent, stored, "minutesDuration");
        ArrayNode slotReferences = stored.putArray("slot");
        booking.slotIds().forEach(slot -> slotReferences.addObject().put("reference", "Slot/" + slot));
        stored.put("created", SlotRow.local(booking.appointment().getCreated().toInstant()));
        copy(sent, stored, "comment");

        ArrayNode participants = stored.putArray("participant");
        sent.path("participant").forEach(participants::add);
        String schedulePractitioner = schedulePractitioner(schedule);
        if (booking.practitionerId() == null && schedulePractitioner != null) {
            // the practitioner whose schedule it is sees the patient: the consumer SHOULD have said so and may not have
            ObjectNode practitioner = participants.addObject();
            practitioner.putObject("actor").put("reference", schedulePractitioner);
            practitioner.put("status", "accepted");
        }
        return stored;
    }

    private static String schedulePractitioner(JsonNode schedule) {
        for (JsonNode actor : schedule.path("actor")) {
            String reference = actor.path("reference").asText("");
            if (reference.startsWith("Practitioner/")) {
                return reference;
            }
        }
        return null;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    /** The consumer's Appointment as JSON, whatever format it came in. */
    private static ObjectNode tree(FhirContext fhir, Appointment appointment) {
        try {
            return (ObjectNode) JSON.readTree(fhir.newJsonParser().encodeResourceToString(appointment));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("HAPI wrote JSON Jackson cannot read", e);
        }
    }
}
