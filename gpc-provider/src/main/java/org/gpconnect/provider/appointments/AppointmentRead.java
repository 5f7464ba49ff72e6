package org.gpconnect.provider.appointments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.StoredResource;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Read an appointment ({@code GET /Appointment/[id]}): any organisation may read any of the practice's
 * appointments (the test suite reads with another organisation's JWT), but only future ones; today's count
 * as future (appointments_design), so an appointment is refused only if it started before today, UK time.
 */
final class AppointmentRead implements StreamedInteraction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GpRecordStore store;
    private final AppointmentResponses responses;
    private final Clock clock;

    AppointmentRead(GpRecordStore store, AppointmentResponses responses, Clock clock) {
        this.store = store;
        this.responses = responses;
        this.clock = clock;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context, ResponseFormat format)
            throws IOException {
        String id = context.root().relativePath().substring("/Appointment/".length());
        StoredResource appointment = store.read(context.root().odsCode(), "Appointment", id)
                .orElseThrow(() -> new SpineException(SpineErrorCode.NO_RECORD_FOUND, "No appointment " + id));
        JsonNode json = JSON.readTree(appointment.json());
        auditPatient(context, json);
        String start = json.path("start").asText();
        if (OffsetDateTime.parse(start).atZoneSameInstant(PatientAppointmentsSearch.UK).toLocalDate()
                .isBefore(LocalDate.now(clock.withZone(PatientAppointmentsSearch.UK)))) {
            throw new SpineException(SpineErrorCode.INVALID_PARAMETER, "Appointment/" + id + " started on " + start
                    + ": past appointments belong to the patient's record and cannot be read");
        }
        responses.appointment(response, format, appointment);
    }

    /** The audit record names the patient whose appointment was read, as every patient interaction's does. */
    private void auditPatient(GpConnectRequest context, JsonNode appointment) {
        for (JsonNode participant : appointment.path("participant")) {
            String reference = participant.path("actor").path("reference").asText("");
            if (reference.startsWith("Patient/")) {
                store.patient(context.root().odsCode(), reference.substring("Patient/".length()))
                        .ifPresent(patient -> context.patient(patient.nhsNumber()));
                return;
            }
        }
    }
}
