package org.gpconnect.provider.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.store.DocumentIndex;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.StoredResource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whose documents Access Document may find and retrieve (access_documents_use_case_find_a_patient,
 * access_documents_development_documents_guidance): a patient registered for GMS (type R) at the
 * practice, active, with a verified NHS number, not sensitive; or a patient who was, until their
 * death, for a configurable period after it (28 days by default). Anyone else is PATIENT_NOT_FOUND,
 * indistinguishable from an unknown patient; a patient who dissented from sharing is
 * NO_PATIENT_CONSENT for their documents, though Find a patient still finds them.
 */
public class DocumentPatients {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GpRecordStore store;
    private final Duration accessAfterDeath;
    private final Clock clock;

    public DocumentPatients(GpRecordStore store, int deceasedAccessDays, Clock clock) {
        this.store = store;
        this.accessAfterDeath = Duration.ofDays(deceasedAccessDays);
        this.clock = clock;
    }

    /** Whether Find a patient (Access Document) returns this patient. */
    public boolean findable(PatientRecord record, StoredResource patient) {
        if (record.sensitive() || !record.nhsVerified() || !"R".equals(record.registrationType())) {
            return false;
        }
        return record.deceased() ? withinAccessPeriod(patient) : record.active();
    }

    /** The patient whose documents are asked for, by logical id, if they may be shared. */
    public GpRecordStore.PatientWithResource require(String odsCode, String patientId) {
        Optional<PatientRecord> record = store.patient(odsCode, patientId);
        Optional<StoredResource> patient = record.flatMap(r -> store.read(odsCode, "Patient", r.id()));
        if (record.isEmpty() || patient.isEmpty() || !findable(record.get(), patient.get())) {
            throw new SpineException(SpineErrorCode.PATIENT_NOT_FOUND, "No patient whose documents can be shared has id " + patientId);
        }
        if (record.get().dissent()) {
            throw new SpineException(SpineErrorCode.NO_PATIENT_CONSENT, "The patient has dissented from sharing their record");
        }
        return new GpRecordStore.PatientWithResource(record.get(), patient.get());
    }

    private boolean withinAccessPeriod(StoredResource patient) {
        Instant died;
        try {
            died = DocumentIndex.startOf(JSON.readTree(patient.json()).path("deceasedDateTime").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored Patient/" + patient.id() + " is not JSON", e);
        }
        // a death recorded without its date cannot be shown to be recent
        return died != null && !clock.instant().isAfter(died.plus(accessAfterDeath));
    }
}
