package org.gpconnect.provider.app;

import org.apache.catalina.core.StandardHost;
import org.gpconnect.provider.spine.ContainerErrorValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat's own errors become OperationOutcomes too (see ContainerErrorValve). */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorsAsOperationOutcome() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ContainerErrorValve.class.getName());
            }
        });
    }
}
