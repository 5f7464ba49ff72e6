package org.gpconnect.provider.html;

import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.provider.app.ProviderConfiguration;
import org.gpconnect.provider.capability.CapabilityModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.gpconnect.fhir.interaction.InteractionCatalogue.HTML_METADATA;

/** The 0.x (DSTU2) root's conformance read, answered beside HAPI like every interaction on that root. */
@Configuration
public class HtmlConformanceConfiguration {

    @Bean
    HtmlConformance htmlConformanceStatement() {
        return new HtmlConformance();
    }

    @Bean
    CapabilityModule htmlConformance(HtmlConformance statement) {
        return new CapabilityModule(ServiceRootKind.HTML, Set.of(HTML_METADATA), List.of(), List.of(),
                Map.of(HTML_METADATA, statement));
    }

    /**
     * The implemented set is made from every module, this one included, so it is read once all exist
     * rather than handed to the module's constructor.
     */
    @Bean
    SmartInitializingSingleton htmlConformanceEncoding(HtmlConformance statement,
                                                       @Qualifier("implementedInteractions") ObjectProvider<Set<String>> implemented) {
        return () -> statement.encode(implemented.getObject(), ProviderConfiguration.softwareVersion());
    }
}
