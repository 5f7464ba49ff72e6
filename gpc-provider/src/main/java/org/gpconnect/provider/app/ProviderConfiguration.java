package org.gpconnect.provider.app;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.IServerAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.fhir.jwt.JwtValidator;
import org.gpconnect.provider.audit.RequestAudit;
import org.gpconnect.provider.capability.CapabilityModule;
import org.gpconnect.provider.capability.CapabilityStatements;
import org.gpconnect.provider.capability.StoredJsonResponses;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.SpineErrorInterceptor;
import org.gpconnect.provider.spine.SpineGateway;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.audit.AuditTrail;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The HTTP side: one HAPI RestfulServer per service root kind, behind the one Spine gateway. */
@Configuration
public class ProviderConfiguration {

    @Bean
    FhirContext fhirContext() {
        FhirContext fhir = FhirContext.forDstu3Cached();
        // the capability statements name profile and operation versions (.../_history/1.3), which HAPI drops by default
        fhir.getParserOptions().setStripVersionsFromReferences(false);
        // Scanning the model takes a second: done beside the rest of start-up rather than before it
        // (FhirContext initialises under its own lock), so neither start-up nor the first consumer waits.
        Thread warmUp = new Thread(() -> {
            fhir.newJsonParser().parseResource("{\"resourceType\":\"Patient\",\"id\":\"warm\"}");
            fhir.newXmlParser().encodeResourceToString(new org.hl7.fhir.dstu3.model.Bundle());
        }, "gpc-fhir-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return fhir;
    }

    @Bean
    StoredResources storedResources(FhirContext fhir) {
        return new StoredResources(fhir);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** This build's version, as every conformance and capability statement names it. */
    public static String softwareVersion() {
        return String.valueOf(ProviderConfiguration.class.getPackage().getImplementationVersion());
    }

    /**
     * The roots HAPI serves: the 1.x (STU3) ones. The 0.x (DSTU2) root has no RestfulServer; its modules
     * answer every interaction themselves (ADR 0010).
     */
    static List<ServiceRootKind> hapiRoots() {
        return java.util.Arrays.stream(ServiceRootKind.values())
                .filter(kind -> kind.release() == org.gpconnect.fhir.interaction.FhirRelease.STU3).toList();
    }

    /** Every interaction some module implements, plus each STU3 root's own metadata. */
    @Bean
    Set<String> implementedInteractions(List<CapabilityModule> modules) {
        Set<String> implemented = new HashSet<>();
        for (CapabilityModule module : modules) {
            if (!hapiRoots().contains(module.root()) && !module.streamed().keySet().containsAll(module.interactions())) {
                throw new IllegalStateException("A module on the " + module.root() + " root, which has no HAPI server,"
                        + " must answer each of its interactions itself: " + module.interactions());
            }
            implemented.addAll(module.interactions());
        }
        implemented.add(InteractionCatalogue.METADATA);
        implemented.add(InteractionCatalogue.STRUCTURED_METADATA);
        implemented.add(InteractionCatalogue.DOCUMENTS_METADATA);
        return Set.copyOf(implemented);
    }

    @Bean
    Map<ServiceRootKind, RestfulServer> restfulServers(FhirContext fhir, List<CapabilityModule> modules,
                                                       Set<String> implementedInteractions, StoredResources stored) {
        Map<ServiceRootKind, RestfulServer> servers = new EnumMap<>(ServiceRootKind.class);
        String version = softwareVersion();
        for (ServiceRootKind kind : hapiRoots()) {
            RestfulServer server = new RestfulServer(fhir);
            server.setServerAddressStrategy(new GatewayAddress());
            server.setDefaultResponseEncoding(EncodingEnum.JSON);
            server.setDefaultPrettyPrint(false);
            server.setETagSupport(ETagSupportEnum.ENABLED);
            server.registerInterceptor(new SpineErrorInterceptor());
            server.registerInterceptor(new StoredJsonResponses(stored));
            for (CapabilityModule module : modules) {
                if (module.root() == kind) {
                    server.registerProviders(module.resourceProviders());
                    server.registerProviders(module.plainProviders());
                }
            }
            server.setServerConformanceProvider(new CapabilityStatements.Provider(
                    stored.encodedOnce(CapabilityStatements.build(kind, implementedInteractions, version))));
            servers.put(kind, server);
        }
        return servers;
    }

    /** The servlet container initialises each HAPI server; requests only ever reach them through the gateway. */
    @Bean
    ServletRegistrationBean<RestfulServer> gpconnectServlet(Map<ServiceRootKind, RestfulServer> servers) {
        return register(servers, ServiceRootKind.GPCONNECT);
    }

    @Bean
    ServletRegistrationBean<RestfulServer> structuredServlet(Map<ServiceRootKind, RestfulServer> servers) {
        return register(servers, ServiceRootKind.STRUCTURED);
    }

    @Bean
    ServletRegistrationBean<RestfulServer> documentsServlet(Map<ServiceRootKind, RestfulServer> servers) {
        return register(servers, ServiceRootKind.DOCUMENTS);
    }

    private static ServletRegistrationBean<RestfulServer> register(Map<ServiceRootKind, RestfulServer> servers, ServiceRootKind kind) {
        ServletRegistrationBean<RestfulServer> registration =
                new ServletRegistrationBean<>(servers.get(kind), "/_gpc-internal/" + kind.name().toLowerCase() + "/*");
        registration.setName("gpc-" + kind.name().toLowerCase());
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    RequestAudit requestAudit(AuditTrail trail, MeterRegistry metrics) {
        return new RequestAudit(trail, metrics);
    }

    @Bean
    FilterRegistrationBean<SpineGateway> spineGateway(GpRecordStore store, Map<ServiceRootKind, RestfulServer> servers,
                                                      List<CapabilityModule> modules,
                                                      Set<String> implementedInteractions, RequestAudit audit,
                                                      Clock clock) {
        Map<String, StreamedInteraction> streamed = new HashMap<>();
        modules.forEach(module -> streamed.putAll(module.streamed()));
        FilterRegistrationBean<SpineGateway> registration = new FilterRegistrationBean<>(new SpineGateway(store,
                new JwtValidator(), servers, Map.copyOf(streamed), implementedInteractions, audit, clock));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** HAPI's idea of the server base is the service root the gateway resolved. */
    private static final class GatewayAddress implements IServerAddressStrategy {
        @Override
        public String determineServerBase(ServletContext context, HttpServletRequest request) {
            return GpConnectRequest.of(request).baseUrl();
        }
    }

}
