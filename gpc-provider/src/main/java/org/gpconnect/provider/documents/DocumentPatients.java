package org.gpconnect.provider.documents;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.capability.DeceasedAccessPeriod;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.StoredResource;

import java.util.Optional;

/**
 * Whose documents Access Document may find and retrieve (access_documents_use_case_find_a_patient,
 * access_documents_development_documents_guidance): a patient registered for GMS (type R) at the
 * practice, active, with a verified NHS number, not sensitive; or a patient who was, until their
 * death, for a configurable period after it (a MAY of the spec, off by default: the 1.6 test suite expects
 * its deceased patient not to be found). Anyone else is PATIENT_NOT_FOUND,
 * indistinguishable from an unknown patient; a patient who dissented from sharing is
 * NO_PATIENT_CONSENT for their documents, though Find a patient still finds them.
 */
public class DocumentPatients {
    private final GpRecordStore store;
    private final DeceasedAccessPeriod afterDeath;

    public DocumentPatients(GpRecordStore store, DeceasedAccessPeriod afterDeath) {
        this.store = store;
        this.afterDeath = afterDeath;
    }

    /** Whether Find a patient (Access Document) returns this patient. */
    public boolean findable(PatientRecord record, StoredResource patient) {
        return afterDeath.admits(record, patient);
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
}
