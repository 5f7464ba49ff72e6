package org.gpconnect.provider.capability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpconnect.store.DocumentIndex;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.StoredResource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long after a patient's death their record may still be shared: Access Record: HTML MUST allow
 * a configurable period (28 days; accessrecord_design.md), Access Document MAY
 * (access_documents_development_documents_guidance.md). The date of death is the Patient's
 * {@code deceasedDateTime}; a death recorded without its date cannot be shown to be recent.
 */
public final class DeceasedAccessPeriod {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration period;
    private final Clock clock;

    public DeceasedAccessPeriod(int days, Clock clock) {
        this.period = Duration.ofDays(days);
        this.clock = clock;
    }

    /**
     * Whether the record of a patient registered for GMS (type R) with a traced NHS number and not
     * sensitive may be shared: while active, or after death within the period.
     */
    public boolean admits(PatientRecord record, StoredResource patient) {
        if (record.sensitive() || !record.nhsVerified() || !"R".equals(record.registrationType())) {
            return false;
        }
        return record.deceased() ? includes(patient) : record.active();
    }

    public boolean includes(StoredResource patient) {
        if (period.isZero()) {
            return false;
        }
        Instant died;
        try {
            died = DocumentIndex.startOf(JSON.readTree(patient.json()).path("deceasedDateTime").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored Patient/" + patient.id() + " is not JSON", e);
        }
        return died != null && !clock.instant().isAfter(died.plus(period));
    }
}
