package org.gpconnect.provider.foundations;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.Practice;
import org.gpconnect.store.RecordWriter;
import org.gpconnect.store.StoreException;
import org.gpconnect.store.StoredResource;
import org.gpconnect.store.VersionConflictException;
import org.gpconnect.store.dataset.DataSetLoader;
import org.gpconnect.store.pds.PdsDirectory;
import org.gpconnect.store.pds.PdsRecord;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The register patient flow (foundations_use_case_register_a_patient) once the request is valid:
 * trace the patient on PDS, look for them in the practice's patient index by NHS number, and
 * either re-activate an inactive record or create a new one, always as a temporary registration.
 * PDS comes first, so a sensitive or deceased patient is refused for that even where the practice
 * holds them. Everything one registration writes is written in one transaction.
 */
class TemporaryRegistration {
    static final String MAIN_LOCATION = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MainLocation-1";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** What a registration wrote, and whether it re-activated an existing record. */
    record Registered(StoredResource patient, boolean reactivated) {}

    private final GpRecordStore store;
    private final PdsDirectory pds;
    private final StoredResources resources;
    private final FhirContext fhir;
    private final Clock clock;

    TemporaryRegistration(GpRecordStore store, PdsDirectory pds, StoredResources resources, FhirContext fhir, Clock clock) {
        this.store = store;
        this.pds = pds;
        this.resources = resources;
        this.fhir = fhir;
        this.clock = clock;
    }

    Registered register(Practice practice, RegistrationRequest request) {
        PdsRecord onPds = trace(request);
        String ods = practice.odsCode();
        Optional<PatientRecord> inactive = recordToReactivate(ods, request.nhsNumber(), onPds);
        Optional<StoredResource> previous = inactive.flatMap(record -> store.read(ods, "Patient", record.id()));
        String id = inactive.map(PatientRecord::id).orElseGet(TemporaryRegistration::newId);
        Patient patient = TemporaryPatient.build(id, request, onPds,
                previous.map(stored -> resources.parse(stored, Patient.class)).orElse(null),
                practice.organizationId(), mainSurgery(practice).orElse(null), ZonedDateTime.now(clock.withZone(UK)));
        ObjectNode json = json(patient);
        return store.inTransaction(writer -> {
            if (lockAndCountActive(writer, ods, request.nhsNumber()) > 0) {
                throw concurrentDuplicate(request);
            }
            StoredResource stored;
            try {
                stored = writer.save(ods, json, previous.map(StoredResource::versionId).orElse(null));
            } catch (VersionConflictException e) {
                throw concurrentDuplicate(request);
            }
            writer.savePatientRecord(ods, DataSetLoader.patientRecord(json, flags(inactive)));
            return new Registered(stored, inactive.isPresent());
        });
    }

    /** PDS Retrieval and the spec's verification rule; PDS being unreachable is the spec's 500. */
    private PdsRecord trace(RegistrationRequest request) {
        String nhs = request.nhsNumber();
        PdsRecord record;
        try {
            record = pds.retrieve(nhs).orElse(null);
        } catch (StoreException e) {
            throw new SpineException(SpineErrorCode.INTERNAL_SERVER_ERROR, "PDS could not be reached to trace " + nhs);
        }
        return switch (request.trace().against(record)) {
            case VERIFIED -> record;
            case SUPERSEDED_OR_INVALID -> throw new SpineException(SpineErrorCode.INVALID_NHS_NUMBER,
                    "Patient.identifier NHS number " + nhs + " is superseded or invalid on PDS");
            case NOT_ON_PDS -> throw demographics("Patient.identifier NHS number " + nhs + " is not on PDS");
            case DEMOGRAPHICS_DIFFER -> throw demographics("Patient.name and Patient.birthDate do not match PDS for NHS number " + nhs);
            case DECEASED -> throw demographics("PDS records the patient with NHS number " + nhs + " as deceased");
            // the consumer must not learn from the diagnostics that a patient is sensitive
            case SENSITIVE -> throw demographics("Patient with NHS number " + nhs + " could not be traced on PDS");
        };
    }

    /**
     * The duplicate check: a deceased, sensitive or unverifiable local record halts; an active one
     * (any registration type) is a duplicate; an inactive one is the record to re-activate.
     */
    private Optional<PatientRecord> recordToReactivate(String ods, String nhsNumber, PdsRecord onPds) {
        List<PatientRecord> matches = store.patientsByNhsNumber(ods, nhsNumber);
        for (PatientRecord match : matches) {
            if (match.deceased()) {
                throw demographics("The practice records the patient with NHS number " + nhsNumber + " as deceased");
            }
            if (match.sensitive()) {
                throw demographics("Patient with NHS number " + nhsNumber + " could not be traced on PDS");
            }
            if (!match.nhsVerified() && !locallyVerifiable(ods, match, onPds)) {
                throw demographics("The practice's record of NHS number " + nhsNumber + " does not match PDS");
            }
        }
        if (matches.stream().anyMatch(PatientRecord::active)) {
            throw new SpineException(SpineErrorCode.DUPLICATE_REJECTED, "Patient with NHS number " + nhsNumber
                    + " is already registered at this practice");
        }
        return matches.stream().findFirst();
    }

    /** A local record whose NHS number was never traced is checked by the same rule as the request. */
    private boolean locallyVerifiable(String ods, PatientRecord match, PdsRecord onPds) {
        return store.read(ods, "Patient", match.id()).map(stored -> {
            Patient local = resources.parse(stored, Patient.class);
            HumanName name = local.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
                    .findFirst().orElse(local.getNameFirstRep());
            LocalDate birth = local.hasBirthDate() ? LocalDate.parse(local.getBirthDateElement().getValueAsString().substring(0, 10)) : null;
            String given = name.getGiven().stream().findFirst().map(StringType::getValue).orElse(null);
            return new PdsTrace(name.getFamily(), given, birth).against(onPds) == PdsTrace.Result.VERIFIED;
        }).orElse(false);
    }

    /**
     * Two registrations of one NHS number are made one after the other: each locks the patient's
     * PDS entry (which the trace showed exists) and then counts active records on its own
     * connection, so the second sees what the first committed.
     */
    private static int lockAndCountActive(RecordWriter writer, String ods, String nhsNumber) throws SQLException {
        try (PreparedStatement lock = writer.connection().prepareStatement(
                "SELECT nhs_number FROM pds_record WHERE nhs_number = ? FOR UPDATE")) {
            lock.setString(1, nhsNumber);
            lock.executeQuery().close();
        }
        try (PreparedStatement count = writer.connection().prepareStatement(
                "SELECT COUNT(*) FROM patient_record WHERE practice_ods = ? AND nhs_number = ? AND active")) {
            count.setString(1, ods);
            count.setString(2, nhsNumber);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static SpineException concurrentDuplicate(RegistrationRequest request) {
        return new SpineException(SpineErrorCode.DUPLICATE_REJECTED, "Patient with NHS number " + request.nhsNumber()
                + " was registered by another request at the same time");
    }

    private Optional<String> mainSurgery(Practice practice) {
        return store.read(practice.odsCode(), "Organization", practice.organizationId())
                .map(stored -> resources.parse(stored, Organization.class))
                .flatMap(organization -> organization.getExtensionsByUrl(MAIN_LOCATION).stream().findFirst())
                .map(Extension::getValue)
                .filter(Reference.class::isInstance)
                .map(value -> ((Reference) value).getReferenceElement())
                .filter(reference -> "Location".equals(reference.getResourceType()))
                .map(reference -> reference.getIdPart());
    }

    /** A re-activated record keeps the practice's local facts about the patient. */
    private static ObjectNode flags(Optional<PatientRecord> previous) {
        ObjectNode flags = JSON.createObjectNode();
        previous.ifPresent(record -> flags.put("dissent", record.dissent()).put("inTransit", record.inTransit())
                .put("merged", record.merged()));
        return flags;
    }

    private ObjectNode json(Patient patient) {
        try {
            return (ObjectNode) JSON.readTree(fhir.newJsonParser().encodeResourceToString(patient));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("HAPI wrote a Patient that is not JSON", e);
        }
    }

    /** Short, URL-safe and unguessable; 16 characters of 36 leave collisions out of the question. */
    private static String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARACTERS[RANDOM.nextInt(ID_CHARACTERS.length)];
        }
        return new String(id);
    }

    private static SpineException demographics(String diagnostics) {
        return new SpineException(SpineErrorCode.INVALID_PATIENT_DEMOGRAPHICS, diagnostics);
    }
}
