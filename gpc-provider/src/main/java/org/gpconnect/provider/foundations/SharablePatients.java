package org.gpconnect.provider.foundations;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.StoredResource;
import org.gpconnect.store.pds.PdsDirectory;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.StringType;

import java.time.ZoneId;
import java.util.Optional;

/**
 * Whether a patient's record may be shared: the spec's "active patient" (registered, not
 * deceased, NHS number traced) and not sensitive. A never-traced NHS number is traced on PDS
 * now, and marked verified when the trace succeeds (foundations_use_case_find_a_patient).
 */
public class SharablePatients {
    static final String VERIFICATION_EXTENSION = org.gpconnect.fhir.patient.GpcPatient.NHS_NUMBER_VERIFICATION_EXTENSION;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GpRecordStore store;
    private final PdsDirectory pds;
    private final FhirContext fhir;

    public SharablePatients(GpRecordStore store, PdsDirectory pds, FhirContext fhir) {
        this.store = store;
        this.pds = pds;
        this.fhir = fhir;
    }

    public Optional<PatientRecord> sharable(String odsCode, PatientRecord record) {
        if (!record.active() || record.deceased() || record.sensitive()) {
            return Optional.empty();
        }
        if (record.nhsVerified()) {
            return Optional.of(record);
        }
        Optional<StoredResource> stored = store.read(odsCode, "Patient", record.id());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Patient patient = fhir.newJsonParser().parseResource(Patient.class, stored.get().json());
        PdsTrace trace = new PdsTrace(patient.getNameFirstRep().getFamily(),
                patient.getNameFirstRep().getGiven().stream().findFirst().map(StringType::getValue).orElse(null),
                patient.getBirthDate() == null ? null
                        : patient.getBirthDate().toInstant().atZone(ZoneId.of("Europe/London")).toLocalDate());
        if (trace.against(pds.retrieve(record.nhsNumber()).orElse(null)) != PdsTrace.Result.VERIFIED) {
            return Optional.empty();
        }
        markVerified(odsCode, record, stored.get());
        return Optional.of(record.verified());
    }

    /** The trace result is kept: the record and its identifier's verification status both say so. */
    private void markVerified(String odsCode, PatientRecord record, StoredResource stored) {
        ObjectNode resource;
        try {
            resource = (ObjectNode) JSON.readTree(stored.json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored Patient/" + record.id() + " is not JSON", e);
        }
        store.inTransaction(writer -> {
            resource.path("identifier").forEach(identifier -> identifier.path("extension").forEach(extension -> {
                if (VERIFICATION_EXTENSION.equals(extension.path("url").asText())) {
                    ObjectNode coding = (ObjectNode) extension.path("valueCodeableConcept").path("coding").path(0);
                    coding.put("code", "01").put("display", "Number present and verified");
                }
            }));
            writer.save(odsCode, resource, stored.versionId());
            writer.savePatientRecord(odsCode, record.verified());
            return null;
        });
    }
}
