package org.gpconnect.provider.foundations;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.provider.capability.CapabilityModule;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.pds.PdsDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.gpconnect.fhir.interaction.InteractionCatalogue.*;

/** Foundations: patients, practitioners, organisations and locations of the practice. */
@Configuration
public class FoundationsConfiguration {

    @Bean
    SharablePatients sharablePatients(GpRecordStore store, PdsDirectory pds, FhirContext fhir) {
        return new SharablePatients(store, pds, fhir);
    }

    @Bean
    RegisterPatientOperation registerPatientOperation(GpRecordStore store, PdsDirectory pds, StoredResources resources,
                                                      FhirContext fhir, Clock clock) {
        return new RegisterPatientOperation(new TemporaryRegistration(store, pds, resources, fhir, clock), resources, fhir);
    }

    @Bean
    CapabilityModule foundations(GpRecordStore store, SharablePatients patients, StoredResources resources,
                                 RegisterPatientOperation registerPatient) {
        return new CapabilityModule(ServiceRootKind.GPCONNECT,
                Set.of(READ_PATIENT, SEARCH_PATIENT, READ_PRACTITIONER, SEARCH_PRACTITIONER, READ_ORGANIZATION,
                        SEARCH_ORGANIZATION, READ_LOCATION, REGISTER_PATIENT),
                List.of(new PatientProvider(store, patients, resources), new PractitionerProvider(store, resources),
                        new OrganizationProvider(store, resources), new LocationProvider(store, resources)),
                List.of(registerPatient));
    }
}
