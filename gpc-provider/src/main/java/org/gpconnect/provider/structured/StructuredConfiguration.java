package org.gpconnect.provider.structured;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.provider.capability.CapabilityModule;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.pds.PdsDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Access Record: Structured, on its own service root. */
@Configuration
public class StructuredConfiguration {

    @Bean
    CapabilityModule structured(GpRecordStore store, PdsDirectory pds, FhirContext fhir, Clock clock) {
        return new CapabilityModule(ServiceRootKind.STRUCTURED, Set.of(InteractionCatalogue.GET_STRUCTURED_RECORD, InteractionCatalogue.MIGRATE_STRUCTURED_RECORD), List.of(),
                List.of(new StructuredRecordOperation(store, pds, fhir, clock)));
    }
}
