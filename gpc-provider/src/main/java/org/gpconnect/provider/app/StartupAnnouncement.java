package org.gpconnect.provider.app;

import org.gpconnect.fhir.interaction.FhirRelease;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.Practice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** One log line, once the port is open, with every service root URL a consumer can call. */
@Component
class StartupAnnouncement implements ApplicationListener<WebServerInitializedEvent> {
    private static final Logger LOG = LoggerFactory.getLogger("gpconnect");
    private final GpRecordStore store;

    StartupAnnouncement(GpRecordStore store) {
        this.store = store;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String scheme = event.getApplicationContext().getEnvironment().getProperty("server.ssl.enabled", Boolean.class, false)
                ? "https" : "http";
        String host = scheme + "://localhost:" + event.getWebServer().getPort();
        List<String> roots = new ArrayList<>();
        for (Practice practice : store.practices()) {
            for (ServiceRootKind kind : ServiceRootKind.values()) {
                // the 0.x root says so: consumers of Access Record: HTML speak DSTU2 and a different JWT
                roots.add(host + kind.path(practice.odsCode())
                        + (kind.release() == FhirRelease.STU3 ? "" : " (" + kind.release().specVersion() + ")"));
            }
        }
        LOG.info("GP Connect provider ready; service roots: {}; health {}/actuator/health; metrics {}/actuator/prometheus",
                String.join(" ", roots), host, host);
    }
}
