package org.gpconnect.provider.foundations;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.StoredResource;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Find a patient and Read a patient (foundations_use_case_find_a_patient / read_a_patient). */
public class PatientProvider implements IResourceProvider {
    private final GpRecordStore store;
    private final SharablePatients patients;
    private final StoredResources resources;

    public PatientProvider(GpRecordStore store, SharablePatients patients, StoredResources resources) {
        this.store = store;
        this.patients = patients;
        this.resources = resources;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    /** Only active, traced, not deceased, not sensitive patients are found; anyone else is not an error, just absent. */
    @Search(allowUnknownParams = true)
    public Bundle search(HttpServletRequest request) {
        GpConnectRequest context = GpConnectRequest.of(request);
        String nhsNumber = IdentifierSearch.from(request.getParameterMap()).nhsNumber(SpineErrorCode.INVALID_IDENTIFIER_SYSTEM);
        context.patient(nhsNumber);
        String ods = context.root().odsCode();
        List<Patient> found = new ArrayList<>();
        for (GpRecordStore.PatientWithResource candidate : store.patientsWithResourceByNhsNumber(ods, nhsNumber)) {
            Optional<PatientRecord> sharable = patients.sharable(ods, candidate.record());
            if (sharable.isEmpty()) {
                continue;
            }
            // a trace made just now wrote a new version; otherwise the joined row is current
            Optional<StoredResource> stored = candidate.record().nhsVerified()
                    ? Optional.of(candidate.resource()) : store.read(ods, "Patient", candidate.record().id());
            stored.ifPresent(resource -> found.add(resources.standIn(resource, Patient.class)));
        }
        return resources.searchset(found);
    }

    @Read
    public Patient read(@IdParam IdType id, HttpServletRequest request) {
        GpConnectRequest context = GpConnectRequest.of(request);
        String ods = context.root().odsCode();
        PatientRecord record = store.patient(ods, id.getIdPart())
                .flatMap(candidate -> patients.sharable(ods, candidate))
                .orElseThrow(() -> new SpineException(SpineErrorCode.PATIENT_NOT_FOUND, "No patient " + id.getIdPart()));
        context.patient(record.nhsNumber());
        return store.read(ods, "Patient", record.id())
                .map(stored -> resources.standIn(stored, Patient.class))
                .orElseThrow(() -> new SpineException(SpineErrorCode.PATIENT_NOT_FOUND, "No patient " + id.getIdPart()));
    }
}
