package org.gpconnect.provider.html;

import org.gpconnect.fhir.interaction.FhirRelease;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.provider.app.GpcSettings;
import org.gpconnect.provider.capability.CapabilityModule;
import org.gpconnect.provider.capability.DeceasedAccessPeriod;
import org.gpconnect.provider.html.view.CareRecordViews;
import org.gpconnect.store.GpRecordStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Access Record: HTML's care record operation on the DSTU2 service root. */
@Configuration
public class CareRecordConfiguration {

    @Bean
    CareRecordViews careRecordViews(GpRecordStore store, HtmlSettings settings) {
        return new CareRecordViews(store, settings.viewSettings());
    }

    @Bean
    CapabilityModule careRecord(GpRecordStore store, GpcSettings settings, CareRecordViews views, Clock clock) {
        CareRecordPatients patients = new CareRecordPatients(store, new DeceasedAccessPeriod(settings.deceasedAccessDays(), clock));
        String version = String.valueOf(CareRecordConfiguration.class.getPackage().getImplementationVersion());
        CareRecordOperation operation = new CareRecordOperation(store, patients, views, FhirRelease.DSTU2.fhirContext(), version, clock);
        return new CapabilityModule(ServiceRootKind.HTML, Set.of(InteractionCatalogue.GET_CARE_RECORD), List.of(), List.of(),
                Map.of(InteractionCatalogue.GET_CARE_RECORD, operation));
    }
}
