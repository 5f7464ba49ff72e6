package org.gpconnect.provider.documents;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.provider.foundations.IdentifierSearch;
import org.gpconnect.provider.foundations.SharablePatients;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.capability.SearchsetBundle;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.StoredResource;

import java.io.IOException;
import java.util.Optional;

/**
 * Find a patient on the Access Document root (access_documents_use_case_find_a_patient): stricter than
 * Foundations' — only patients registered for GMS here, as {@link DocumentPatients} says, including a
 * deceased one within the access period — and answered in Access Document's Bundle (trace id, fullUrls).
 * A never-traced NHS number is traced as Foundations does. Not found is an empty Bundle, not an error.
 */
public class DocumentsPatientSearch implements StreamedInteraction {
    private final GpRecordStore store;
    private final DocumentPatients patients;
    private final SharablePatients sharable;
    private final FhirContext fhir;

    public DocumentsPatientSearch(GpRecordStore store, DocumentPatients patients, SharablePatients sharable, FhirContext fhir) {
        this.store = store;
        this.patients = patients;
        this.sharable = sharable;
        this.fhir = fhir;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context, ResponseFormat format)
            throws IOException {
        String nhsNumber = IdentifierSearch.from(request.getParameterMap()).nhsNumber(SpineErrorCode.INVALID_PARAMETER);
        context.patient(nhsNumber);
        String ods = context.root().odsCode();
        SearchsetBundle bundle = new SearchsetBundle(context.traceId(), context.baseUrl());
        for (GpRecordStore.PatientWithResource candidate : store.patientsWithResourceByNhsNumber(ods, nhsNumber)) {
            PatientRecord record = candidate.record();
            StoredResource patient = candidate.resource();
            if (!record.nhsVerified() && !record.deceased()) {
                // traced now: a successful trace marks the record verified and writes a new version of the Patient
                Optional<PatientRecord> traced = sharable.sharable(ods, record);
                if (traced.isEmpty()) {
                    continue;
                }
                record = traced.get();
                patient = store.read(ods, "Patient", record.id()).orElse(patient);
            }
            if (patients.findable(record, patient)) {
                bundle.add(patient);
            }
        }
        bundle.write(response, format, fhir);
    }
}
