package org.gpconnect.provider.app;

import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What server.ssl.* cannot say: the spec wants the cipher list taken in the server's order
 * (SSLHonorCipherOrder=true), so a client offering a weaker accepted suite first still gets
 * AES-GCM with ECDHE. Tomcat otherwise follows the client's order.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> honorCipherOrder() {
        // connector customizers run after Spring Boot has built the SSL host config from server.ssl.*
        return factory -> factory.addConnectorCustomizers(connector -> {
            for (SSLHostConfig host : connector.findSslHostConfigs()) {
                host.setHonorCipherOrder(true);
            }
        });
    }
}
