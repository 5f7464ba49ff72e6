package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ParametersBody;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.RecordWriter;
import org.gpconnect.store.StoredResource;
import org.gpconnect.store.VersionConflictException;
import org.hl7.fhir.dstu3.model.Appointment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What Amend and Cancel an appointment share (appointments.md §6, §7): the consumer PUTs back the whole
 * Appointment it read, with only the changes its interaction allows. The body is read strictly, the
 * stored appointment must exist, still be at the version If-Match names (when sent), belong to a patient
 * GP Connect may serve, be booked and not in the past; the interaction then says what may differ and
 * what is written. The write is one transaction at the version read, so a concurrent change makes this
 * request fail with 409 rather than be lost.
 */
abstract class AppointmentChange implements StreamedInteraction {
    static final String PATH = "/Appointment/";
    /** Far above any Appointment a consumer could send: a bound on what one request makes the server hold. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GpRecordStore store;
    private final FhirContext fhir;
    private final Clock clock;

    AppointmentChange(GpRecordStore store, FhirContext fhir, Clock clock) {
        this.store = store;
        this.fhir = fhir;
        this.clock = clock;
    }

    /**
     * Checks the consumer's Appointment against the stored one and returns the stored JSON with the
     * change made, or empty when the request changes nothing (no new version is written then). Both
     * Appointments are this request's own parse, free to alter while comparing.
     */
    abstract Optional<ObjectNode> change(Appointment stored, Appointment requested, ObjectNode storedJson);

    /** Writes what else the change means, in its transaction. */
    void alsoWrite(RecordWriter writer, String odsCode, String appointmentId) throws SQLException {
    }

    /** What the audit record says was done ("Amended", "Cancelled"). */
    abstract String done();

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context, ResponseFormat format)
            throws IOException {
        String ods = context.root().odsCode();
        String id = context.root().relativePath().substring(PATH.length());
        Appointment requested = ParametersBody.resource(fhir, body(request), request.getContentType(),
                "The request has no body: it needs the Appointment, as read, with its changes", new BlankValuesAreAbsent(),
                Appointment.class);
        String bodyId = requested.getIdElement().getIdPart();
        if (!id.equals(bodyId)) {
            throw SpineException.badRequest("The Appointment's id (" + bodyId + ") must be the id in the URL (" + id + ")");
        }
        StoredResource stored = store.read(ods, "Appointment", id).orElseThrow(() ->
                new SpineException(SpineErrorCode.NO_RECORD_FOUND, "No appointment with id " + id));
        Appointment current = fhir.newJsonParser().parseResource(Appointment.class, stored.json());
        IfMatch.check(request.getHeader("If-Match"), stored.versionId(), id);
        patientMayBeServed(ods, current, context);
        mayChange(current, id);
        Optional<ObjectNode> changed = change(current, requested, storedJson(stored));
        StoredResource result = changed.isEmpty() ? stored : save(ods, id, changed.get(), stored.versionId());
        // provenance: the audit record of this request (who, from where, when, which interaction) names what it wrote
        context.detail(changed.isEmpty() ? "Unchanged " + stored.reference() + "/_history/" + stored.versionId()
                : done() + " " + result.reference() + "/_history/" + result.versionId());
        AppointmentChangeResponse.write(response, format, fhir, result, request.getHeader("Prefer"));
    }

    /** S-flagged (sensitive) patients are not supported by Appointment Management (appointments.md §9). */
    private void patientMayBeServed(String ods, Appointment appointment, GpConnectRequest context) {
        for (Appointment.AppointmentParticipantComponent participant : appointment.getParticipant()) {
            String reference = participant.getActor().getReference();
            if (reference == null || !reference.startsWith("Patient/")) {
                continue;
            }
            Optional<PatientRecord> patient = store.patient(ods, reference.substring("Patient/".length()));
            patient.ifPresent(p -> context.patient(p.nhsNumber()));
            if (patient.isPresent() && patient.get().sensitive()) {
                throw new SpineException(SpineErrorCode.PATIENT_NOT_FOUND, "The appointment's patient cannot be served by GP Connect");
            }
        }
    }

    /** Only booked appointments from today on may change (today counts as the future: appointments_design). */
    private void mayChange(Appointment appointment, String id) {
        if (appointment.getStatus() == Appointment.AppointmentStatus.CANCELLED) {
            throw invalid("Appointment/" + id + " is cancelled: a cancelled appointment cannot be amended or cancelled again");
        }
        if (!appointment.hasStart()) {
            return;
        }
        LocalDate day = appointment.getStart().toInstant().atZone(UK).toLocalDate();
        if (day.isBefore(LocalDate.now(clock.withZone(UK)))) {
            throw invalid("Appointment/" + id + " was on " + day + ": an appointment in the past cannot be amended or cancelled");
        }
    }

    private StoredResource save(String ods, String id, ObjectNode changed, long version) {
        try {
            return store.inTransaction(writer -> {
                StoredResource saved = writer.save(ods, changed, version);
                alsoWrite(writer, ods, id);
                return saved;
            });
        } catch (VersionConflictException e) {
            throw IfMatch.conflict("Appointment/" + id + " was changed by another request while this one was checked: read it again");
        }
    }

    private static ObjectNode storedJson(StoredResource stored) {
        try {
            return (ObjectNode) JSON.readTree(stored.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(stored + " is not JSON", e);
        }
    }

    private static String body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw invalid("The body is over " + MAX_BODY_BYTES + " bytes: no Appointment is that large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static SpineException invalid(String diagnostics) {
        return new SpineException(SpineErrorCode.INVALID_RESOURCE, diagnostics);
    }

    /**
     * Strict, except that an empty value ({@code "valueString": ""}) is read as no value, so that an empty
     * cancellation reason is answered as a missing one (INVALID_PARAMETER, as the test suite expects)
     * rather than as an unreadable body.
     */
    private static final class BlankValuesAreAbsent extends StrictErrorHandler {
        @Override
        public void invalidValue(ca.uhn.fhir.parser.IParserErrorHandler.IParseLocation location, String value, String error) {
            if (value != null && !value.isBlank()) {
                super.invalidValue(location, value, error);
            }
        }
    }
}
