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

import static org.gpconnect.fhir.interaction.InteractionCatalogue.AMEND_APPOINTMENT;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.CANCEL_APPOINTMENT;

/**
 * Amend an appointment and Cancel an appointment: one {@code PUT /Appointment/[id]} told apart by the
 * interaction ID, each answered beside HAPI (ADR 0008), because HAPI allows one Appointment provider
 * per server and would pick its update method by verb and path alone (docs/appointments-changes.md).
 */
@Configuration
public class AppointmentChangesConfiguration {

    @Bean
    CapabilityModule appointmentChanges(GpRecordStore store, FhirContext fhir, Clock clock) {
        return new CapabilityModule(ServiceRootKind.GPCONNECT, Set.of(AMEND_APPOINTMENT, CANCEL_APPOINTMENT), List.of(), List.of(),
                Map.of(AMEND_APPOINTMENT, new AppointmentAmendment(store, fhir, clock),
                        CANCEL_APPOINTMENT, new AppointmentCancellation(store, fhir, clock)));
    }
}
