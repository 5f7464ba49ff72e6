package org.gpconnect.store.audit;

import java.time.Instant;

/**
 * One audited event: every GP Connect request, accepted or rejected, and every change of an
 * enablement switch. Who asked (from the JWT and ASIDs), for whom, which interaction, the outcome.
 */
public record AuditEvent(Instant recordedAt, String eventType, String traceId, String interaction,
                         String fromAsid, String toAsid, String practiceOds, String requestingOrganization,
                         String requestingPractitioner, String requestingDevice, String patient,
                         String outcome, int httpStatus, int durationMs, String detail) {

    /** Stored timestamps keep milliseconds on every database; the hash must cover what is stored. */
    public AuditEvent {
        recordedAt = recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public static final String REQUEST = "REQUEST";
    public static final String SWITCH_CHANGE = "SWITCH_CHANGE";

    /** The text the hash chain covers: every field, in a fixed order, unambiguously separated. */
    String canonical() {
        return String.join("\u001f", recordedAt.toString(), eventType, s(traceId), s(interaction), s(fromAsid), s(toAsid),
                s(practiceOds), s(requestingOrganization), s(requestingPractitioner), s(requestingDevice), s(patient),
                outcome, Integer.toString(httpStatus), Integer.toString(durationMs), s(detail));
    }

    private static String s(String value) {
        return value == null ? "" : value;
    }
}
