package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.provider.capability.CapabilityModule;
import org.gpconnect.store.GpRecordStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.gpconnect.fhir.interaction.InteractionCatalogue.SEARCH_SLOTS;

/**
 * Search for free slots on the Foundations root. It writes its own response
 * ({@link org.gpconnect.provider.spine.StreamedInteraction}): its parameters and includes have rules and
 * error codes of their own (SlotSearchRequest) that HAPI's _include handling would get in the way of, and
 * its Slots are rendered from rows, not stored resources.
 */
@Configuration
public class SlotSearchConfiguration {

    @Bean
    CapabilityModule slotSearch(GpRecordStore store, FhirContext fhir) {
        return new CapabilityModule(ServiceRootKind.GPCONNECT, Set.of(SEARCH_SLOTS), List.of(), List.of(),
                Map.of(SEARCH_SLOTS, new SlotSearch(store, fhir)));
    }
}
