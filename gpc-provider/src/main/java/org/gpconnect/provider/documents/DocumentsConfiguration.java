package org.gpconnect.provider.documents;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.provider.app.GpcSettings;
import org.gpconnect.provider.capability.CapabilityModule;
import org.gpconnect.provider.capability.DeceasedAccessPeriod;
import org.gpconnect.provider.foundations.SharablePatients;
import org.gpconnect.store.BinaryStore;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.pds.PdsDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.gpconnect.fhir.interaction.InteractionCatalogue.*;

/**
 * Access Document on its own service root. Every interaction writes its own response
 * ({@link org.gpconnect.provider.spine.StreamedInteraction}): documents stream, and the searchsets
 * carry the absolute fullUrls and trace id Access Document asks for (ADR 0008).
 */
@Configuration
public class DocumentsConfiguration {

    @Bean
    CapabilityModule documents(GpRecordStore store, PdsDirectory pds, SharablePatients sharable, GpcSettings settings,
                               FhirContext fhir, Clock clock) {
        DocumentPatients patients = new DocumentPatients(store,
                new DeceasedAccessPeriod(settings.documentsDeceasedAccessDays(), clock));
        DocumentRetrieval retrieval = new DocumentRetrieval(store, new BinaryStore(store), patients, pds);
        return new CapabilityModule(ServiceRootKind.DOCUMENTS,
                java.util.Set.of(DOCUMENTS_SEARCH_PATIENT, SEARCH_DOCUMENTS, RETRIEVE_DOCUMENT, MIGRATE_DOCUMENT), List.of(), List.of(),
                Map.of(DOCUMENTS_SEARCH_PATIENT, new DocumentsPatientSearch(store, patients, sharable, fhir),
                        SEARCH_DOCUMENTS, new DocumentSearch(store, patients, fhir),
                        RETRIEVE_DOCUMENT, retrieval,
                        MIGRATE_DOCUMENT, retrieval));
    }
}
