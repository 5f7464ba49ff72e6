package org.gpconnect.provider.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.gpconnect.fhir.jwt.RequestingParty;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.store.audit.AuditEvent;
import org.gpconnect.store.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Audits every request, accepted or rejected: a record on the tamper-evident trail, one structured
 * log line, and the request metrics (by interaction, status and latency).
 */
public class RequestAudit {
    private static final Logger LOG = LoggerFactory.getLogger("gpconnect.audit");

    private final AuditTrail trail;
    private final MeterRegistry metrics;

    public RequestAudit(AuditTrail trail, MeterRegistry metrics) {
        this.trail = trail;
        this.metrics = metrics;
    }

    public void record(GpConnectRequest request, int status) {
        long nanos = System.nanoTime() - request.startNanos();
        int durationMs = (int) TimeUnit.NANOSECONDS.toMillis(nanos);
        RequestingParty party = request.party();
        String outcome = request.error() == null ? "OK" : request.error().code();
        String organization = party == null ? null : party.organisationOdsCode();
        String practitioner = party == null ? null : practitioner(party);
        String device = party == null ? null : party.deviceIdentifier();
        String interaction = request.interaction() != null ? request.interaction().id() : request.interactionId();
        String practice = request.root() == null ? null : request.root().odsCode();
        trail.record(new AuditEvent(Instant.now(), AuditEvent.REQUEST, request.traceId(), interaction, request.fromAsid(),
                request.toAsid(), practice, organization, practitioner, device, request.patient(), outcome, status, durationMs,
                request.error() == null ? request.detail() : request.errorDiagnostics()));
        if (LOG.isInfoEnabled()) {
            LOG.info("trace={} interaction={} from={} to={} practice={} org={} practitioner=\"{}\" device=\"{}\" patient={} status={} outcome=\"{}\" durationMs={}",
                    request.traceId(), interaction, request.fromAsid(), request.toAsid(), practice, organization,
                    practitioner, device, request.patient(), status, outcome, durationMs);
        }
        Timer.builder("gpc.requests")
                .description("GP Connect requests by interaction, status and outcome")
                .tag("interaction", interaction == null ? "none" : shortName(interaction))
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(metrics)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Id, SDS user and role profile, and name: the user as the token described them at the time. */
    private static String practitioner(RequestingParty party) {
        return party.practitionerId() + " sds=" + party.sdsUserId() + " role=" + party.sdsRoleProfileId()
                + (party.practitionerName() == null ? "" : " " + party.practitionerName());
    }

    /** "urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1" is tagged "fhir:rest:read:patient-1". */
    private static String shortName(String interaction) {
        String prefix = "urn:nhs:names:services:gpconnect:";
        return interaction.startsWith(prefix) ? interaction.substring(prefix.length()) : "unknown";
    }
}
