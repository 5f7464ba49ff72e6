package org.gpconnect.provider.documents;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.fhir.identifier.NhsNumber;
import org.gpconnect.provider.foundations.IdentifierSearch;
import org.gpconnect.provider.foundations.SharablePatients;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;

import java.io.IOException;

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
        IdentifierSearch search = IdentifierSearch.from(request.getParameterMap());
        if (!IdentifierSystem.NHS_NUMBER.equals(search.system())) {
            throw new SpineException(SpineErrorCode.INVALID_PARAMETER, "Patients are found by NHS number ("
                    + IdentifierSystem.NHS_NUMBER + "), not " + search.system());
        }
        if (!NhsNumber.isValid(search.value())) {
            throw new SpineException(SpineErrorCode.INVALID_NHS_NUMBER, "Not a valid NHS number: " + search.value());
        }
        context.patient(search.value());
        String ods = context.root().odsCode();
        DocumentsBundle bundle = new DocumentsBundle(context.traceId(), context.baseUrl());
        for (GpRecordStore.PatientWithResource candidate : store.patientsWithResourceByNhsNumber(ods, search.value())) {
            PatientRecord record = candidate.record();
            if (!record.nhsVerified() && !record.deceased()) {
                // traced now: a successful trace writes a new version of the Patient
                if (sharable.sharable(ods, record).isEmpty()) {
                    continue;
                }
                candidate = store.patientsWithResourceByNhsNumber(ods, search.value()).stream()
                        .filter(c -> c.record().id().equals(record.id())).findFirst().orElse(candidate);
            }
            if (patients.findable(candidate.record(), candidate.resource())) {
                bundle.add(candidate.resource());
            }
        }
        bundle.write(response, format, fhir);
    }
}
