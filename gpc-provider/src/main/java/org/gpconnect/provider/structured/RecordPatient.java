package org.gpconnect.provider.structured;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;

/**
 * Whose record a structured (or document) request may see: a patient registered for GMS (type R)
 * at the practice, active, not deceased, not sensitive, with a verified NHS number; anyone else is
 * PATIENT_NOT_FOUND, deliberately indistinguishable from an unknown number. A patient who dissented
 * from sharing is NO_PATIENT_CONSENT (structured.md, error table).
 */
public final class RecordPatient {
    private RecordPatient() {}

    public static GpRecordStore.PatientWithResource find(GpRecordStore store, String odsCode, String nhsNumber) {
        for (GpRecordStore.PatientWithResource candidate : store.patientsWithResourceByNhsNumber(odsCode, nhsNumber)) {
            PatientRecord record = candidate.record();
            if (record.sharable() && "R".equals(record.registrationType())) {
                if (record.dissent()) {
                    throw new SpineException(SpineErrorCode.NO_PATIENT_CONSENT,
                            "The patient has dissented from sharing their record");
                }
                return candidate;
            }
        }
        throw new SpineException(SpineErrorCode.PATIENT_NOT_FOUND, "No patient whose record can be shared has NHS number " + nhsNumber);
    }
}
