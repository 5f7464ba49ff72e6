package org.gpconnect.provider.html;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.capability.DeceasedAccessPeriod;
import org.gpconnect.store.GpRecordStore;

/**
 * Whose care record the HTML view may show (accessrecord_use_case_retrieve_a_care_record_section.md,
 * accessrecord_design.md): a patient registered for GMS at the practice with a traced NHS number, not
 * sensitive, and active, or deceased within the configurable access period after death. Anyone else
 * is PATIENT_NOT_FOUND, indistinguishable from an unknown number; a patient who dissented from
 * sharing is NO_PATIENT_CONSENT. A record in transit is shown, with its banner.
 */
public final class CareRecordPatients {
    private final GpRecordStore store;
    private final DeceasedAccessPeriod afterDeath;

    public CareRecordPatients(GpRecordStore store, DeceasedAccessPeriod afterDeath) {
        this.store = store;
        this.afterDeath = afterDeath;
    }

    public GpRecordStore.PatientWithResource find(String odsCode, String nhsNumber) {
        for (GpRecordStore.PatientWithResource candidate : store.patientsWithResourceByNhsNumber(odsCode, nhsNumber)) {
            if (afterDeath.admits(candidate.record(), candidate.resource())) {
                if (candidate.record().dissent()) {
                    throw new SpineException(SpineErrorCode.NO_PATIENT_CONSENT, "The patient has dissented from sharing their record");
                }
                return candidate;
            }
        }
        throw new SpineException(SpineErrorCode.PATIENT_NOT_FOUND, "No patient whose record can be shared has NHS number " + nhsNumber);
    }
}
