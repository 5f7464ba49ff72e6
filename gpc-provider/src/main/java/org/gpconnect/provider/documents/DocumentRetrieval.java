package org.gpconnect.provider.documents;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.jwt.RequestingParty;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.BinaryStore;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.pds.PdsDirectory;
import org.gpconnect.store.pds.PdsRecord;

import java.io.IOException;

/**
 * Retrieve a document and Migrate a document: the same {@code GET /Binary/[id]}, told apart by the
 * interaction ID. Retrieval is direct care: the patient's documents must be shareable
 * ({@link DocumentPatients}), confidential documents are not found, and nothing over 5 MB is returned
 * (access_documents_development_retrieve_patient_documents). Migration is for the practice PDS names as
 * the patient's: any size, and confidential documents (or a sensitive patient's) only with
 * {@code conf/R} (access_documents_development_migrate_patient_documents). Its NOT_AUTHORISED is not a
 * Spine error code, so those refusals use the CodeSystem's NO_RELATIONSHIP and ACCESS DENIED (ADR 0008).
 */
public class DocumentRetrieval implements StreamedInteraction {
    private final GpRecordStore store;
    private final BinaryStore binaries;
    private final DocumentPatients patients;
    private final PdsDirectory pds;

    public DocumentRetrieval(GpRecordStore store, BinaryStore binaries, DocumentPatients patients, PdsDirectory pds) {
        this.store = store;
        this.binaries = binaries;
        this.patients = patients;
        this.pds = pds;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context, ResponseFormat format)
            throws IOException {
        String ods = context.root().odsCode();
        String binaryId = context.root().relativePath().substring("/Binary/".length());
        GpRecordStore.DocumentOfBinary document = store.documentOfBinary(ods, binaryId).orElseThrow(() -> notFound(binaryId));
        PatientRecord patient = store.patient(ods, document.patientId()).orElseThrow(() -> notFound(binaryId));
        context.patient(patient.nhsNumber());
        boolean confidential = store.confidentialItems(ods, patient.id()).contains(document.documentReference().reference());
        boolean migration = context.interaction().migration();
        if (migration) {
            mayMigrate(context.party(), patient, confidential);
        } else {
            patients.require(ods, patient.id());
            if (confidential) {
                throw notFound(binaryId);
            }
        }
        BinaryStore.BinaryInfo info = binaries.info(ods, binaryId).orElseThrow(() -> notFound(binaryId));
        if (!migration && info.size() > DocumentAttachments.RETRIEVE_LIMIT) {
            throw new SpineException(SpineErrorCode.NO_RECORD_FOUND, "Document " + binaryId + " is " + info.size()
                    + " bytes, over the 5 MB Retrieve a document returns; it can only be migrated");
        }
        BinaryResponse.write(response, format, binaries, ods, binaryId, info);
    }

    private void mayMigrate(RequestingParty party, PatientRecord patient, boolean confidential) {
        if (patient.dissent()) {
            throw new SpineException(SpineErrorCode.NO_PATIENT_CONSENT, "The patient has dissented from sharing their record");
        }
        String registeredAt = pds.retrieve(patient.nhsNumber()).map(PdsRecord::gpOdsCode).orElse(null);
        if (registeredAt == null || !registeredAt.equals(party.organisationOdsCode())) {
            throw new SpineException(SpineErrorCode.NO_RELATIONSHIP, "The requesting organisation "
                    + party.organisationOdsCode() + " is not the patient's registered practice on PDS");
        }
        if ((confidential || patient.sensitive()) && !party.restrictedConfidentiality()) {
            throw new SpineException(SpineErrorCode.ACCESS_DENIED,
                    "This document is confidential: migrating it needs the conf/R requested_scope");
        }
    }

    private static SpineException notFound(String binaryId) {
        return new SpineException(SpineErrorCode.NO_RECORD_FOUND, "No document " + binaryId);
    }
}
