package org.gpconnect.provider.app;

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
            for (ServiceRootKind kind : List.of(ServiceRootKind.GPCONNECT, ServiceRootKind.STRUCTURED, ServiceRootKind.DOCUMENTS)) {
                roots.add(host + kind.path(practice.odsCode()));
            }
        }
        LOG.info("GP Connect provider ready; service roots: {}; health {}/actuator/health; metrics {}/actuator/prometheus",
                String.join(" ", roots), host, host);
    }
}
