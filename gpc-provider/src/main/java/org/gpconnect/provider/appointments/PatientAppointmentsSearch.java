package org.gpconnect.provider.appointments;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Retrieve a patient's appointments ({@code GET /Patient/[id]/Appointment?start=ge..&start=le..}): every
 * Appointment of the patient starting on one of the days, from any booking organisation and in any status
 * (cancelled ones too), through the store's appointment index. The days are UK days: the whole of today,
 * even appointments whose time has passed. Answered beside HAPI, since Foundations' Patient provider owns
 * the Patient paths there.
 */
final class PatientAppointmentsSearch implements StreamedInteraction {
    static final ZoneId UK = ZoneId.of("Europe/London");

    private final GpRecordStore store;
    private final AppointmentResponses responses;
    private final Clock clock;

    PatientAppointmentsSearch(GpRecordStore store, AppointmentResponses responses, Clock clock) {
        this.store = store;
        this.responses = responses;
        this.clock = clock;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context, ResponseFormat format)
            throws IOException {
        String ods = context.root().odsCode();
        String patientId = context.root().relativePath().split("/")[2];
        AppointmentSearchPeriod period = AppointmentSearchPeriod.parse(request.getParameterValues("start"),
                LocalDate.now(clock.withZone(UK)));
        PatientRecord patient = AppointmentPatients.require(store, ods, patientId);
        context.patient(patient.nhsNumber());
        responses.searchset(response, format, store.appointments(ods, patient.id(),
                period.from().atStartOfDay(UK).toInstant(), period.to().plusDays(1).atStartOfDay(UK).toInstant()));
    }
}
