package org.gpconnect.provider.appointments;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;

/**
 * Whose appointments may be managed. Not the Foundations rule: dissent to share is not applied to
 * Appointment Management (appointments_design), but a sensitive (S-flagged) patient is not supported and
 * is answered as if unknown, 404 PATIENT_NOT_FOUND.
 */
final class AppointmentPatients {
    private AppointmentPatients() {}

    static PatientRecord require(GpRecordStore store, String odsCode, String patientId) {
        return store.patient(odsCode, patientId).filter(patient -> !patient.sensitive())
                .orElseThrow(() -> new SpineException(SpineErrorCode.PATIENT_NOT_FOUND, "No patient " + patientId));
    }
}
