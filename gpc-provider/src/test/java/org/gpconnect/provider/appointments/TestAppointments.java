package org.gpconnect.provider.appointments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.SlotRow;
import org.gpconnect.store.Slots;
import org.gpconnect.store.StoredResource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Booked appointments for tests, written straight to the store as Book an appointment leaves them (a slot
 * of their own, taken, and the Appointment of appointments.md §4), so that amendment and cancellation are
 * tested without the booking endpoint. Ids are unique: the server and its data are shared by test classes.
 */
final class TestAppointments {
    static final String ODS = "B82617";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GpRecordStore store;

    TestAppointments(GpRecordStore store) {
        this.store = store;
    }

    /** What was booked: the appointment as stored and the slot it holds. */
    record Booked(String id, String slotId, StoredResource stored) {}

    /** A booked appointment for the patient, {@code days} from today at 10:00 UK time (negative: in the past). */
    Booked book(String patientId, int days) {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String id = "chg-" + key;
        Instant start = LocalDate.now(UK).plusDays(days).atTime(10, 0).atZone(UK).toInstant();
        Instant end = start.plusSeconds(600);
        SlotRow slot = new SlotRow("chg-slot-" + key, "1", start, end, "free", 1, "General GP appointment", "In-person", true,
                null, null);
        ObjectNode appointment;
        try {
            appointment = (ObjectNode) JSON.readTree(json(id, slot, patientId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StoredResource stored = store.inTransaction(writer -> {
            Slots.insert(writer, ODS, slot, false);
            Slots.take(writer, ODS, List.of(slot), id);
            return writer.save(ODS, appointment, null);
        });
        return new Booked(id, slot.id(), stored);
    }

    /** The shape of a booked GP Connect appointment (book_appt_response_example): every element a booking stores. */
    private static String json(String id, SlotRow slot, String patientId) {
        return """
                {"resourceType":"Appointment","id":"%s",
                 "meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1"]},
                 "contained":[{"resourceType":"Organization","id":"1",
                   "meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1"]},
                   "identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"A00001"}],
                   "type":[{"coding":[{"system":"https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1","code":"gp-practice"}]}],
                   "name":"Test Organization Name","telecom":[{"system":"phone","value":"0300 303 5678"}]}],
                 "extension":[
                   {"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1","valueReference":{"reference":"#1"}},
                   {"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1",
                    "valueCodeableConcept":{"coding":[{"system":"https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1","code":"R0260","display":"General Medical Practitioner"}]}},
                   {"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2","valueCode":"In-person"}],
                 "status":"booked",
                 "serviceCategory":{"text":"General GP appointments"},
                 "serviceType":[{"text":"General GP appointment"}],
                 "description":"Free text description.",
                 "start":"%s","end":"%s",
                 "slot":[{"reference":"Slot/%s"}],
                 "created":"%s",
                 "comment":"Free text comment.",
                 "participant":[{"actor":{"reference":"Patient/%s"},"status":"accepted"},
                   {"actor":{"reference":"Location/1"},"status":"accepted"},
                   {"actor":{"reference":"Practitioner/2"},"status":"accepted"}]}
                """.formatted(id, SlotRow.local(slot.start()), SlotRow.local(slot.end()), slot.id(), SlotRow.local(Instant.now()), patientId);
    }
}
