package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.provider.capability.CapabilityModule;
import org.gpconnect.store.GpRecordStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.gpconnect.fhir.interaction.InteractionCatalogue.*;

/**
 * Appointment Management's booking side on the Foundations root: Book, Read, and Retrieve a patient's
 * appointments. Each writes its own response ({@link org.gpconnect.provider.spine.StreamedInteraction}): the
 * Patient paths belong to Foundations' HAPI provider, and the Appointment is served as stored.
 */
@Configuration
public class BookingConfiguration {

    @Bean
    CapabilityModule booking(GpRecordStore store, FhirContext fhir, Clock clock) {
        AppointmentResponses responses = new AppointmentResponses(fhir);
        return new CapabilityModule(ServiceRootKind.GPCONNECT, Set.of(BOOK_APPOINTMENT, READ_APPOINTMENT, PATIENT_APPOINTMENTS),
                List.of(), List.of(),
                Map.of(BOOK_APPOINTMENT, new AppointmentBooking(store, responses, fhir, clock),
                        READ_APPOINTMENT, new AppointmentRead(store, responses, clock),
                        PATIENT_APPOINTMENTS, new PatientAppointmentsSearch(store, responses, clock)));
    }
}
