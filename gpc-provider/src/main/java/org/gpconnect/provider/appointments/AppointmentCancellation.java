package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.RecordWriter;
import org.gpconnect.store.Slots;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.StringType;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Cancel an appointment (appointments.md §7): the stored appointment with {@code status} cancelled and the
 * cancellation-reason extension added, nothing else changed (422 INVALID_RESOURCE otherwise). A missing or
 * empty reason is 422 INVALID_PARAMETER, as the test suite expects; it is checked after the comparison, so
 * a reason sent under a wrong extension URL is an unknown change (INVALID_RESOURCE), as the suite also
 * expects. The appointment's slots are freed in the same transaction, so they can be booked again.
 */
final class AppointmentCancellation extends AppointmentChange {
    static final String REASON = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1";
    /** GP Connect sets no limit on the reason and lets the provider truncate it: this one keeps 1,000 characters. */
    static final int MAX_REASON = 1_000;

    AppointmentCancellation(GpRecordStore store, FhirContext fhir, Clock clock) {
        super(store, fhir, clock);
    }

    @Override
    String done() {
        return "Cancelled";
    }

    @Override
    Optional<ObjectNode> change(Appointment stored, Appointment requested, ObjectNode storedJson) {
        if (requested.getStatus() != Appointment.AppointmentStatus.CANCELLED) {
            throw invalid("Appointment.status must be cancelled to cancel an appointment, not "
                    + (requested.hasStatus() ? requested.getStatus().toCode() : "absent"));
        }
        List<Extension> reasons = requested.getExtensionsByUrl(REASON);
        requested.getExtension().removeAll(reasons);
        requested.setStatus(stored.getStatus());
        List<String> changed = AppointmentDifferences.between(stored, requested);
        if (!changed.isEmpty()) {
            throw invalid("A cancellation may only set status to cancelled and add the cancellation reason (" + REASON
                    + "); this one changes " + String.join(", ", changed));
        }
        String reason = reason(reasons);
        storedJson.put("status", "cancelled");
        ArrayNode extensions = storedJson.has("extension") ? (ArrayNode) storedJson.get("extension") : storedJson.putArray("extension");
        extensions.addObject().put("url", REASON).put("valueString", reason);
        return Optional.of(storedJson);
    }

    @Override
    void alsoWrite(RecordWriter writer, String odsCode, String appointmentId) throws SQLException {
        Slots.release(writer, odsCode, appointmentId);
    }

    /** The one reason sent, cut to what is stored. */
    private static String reason(List<Extension> reasons) {
        if (reasons.isEmpty()) {
            throw missing("A cancellation needs the cancellation reason extension " + REASON);
        }
        if (reasons.size() > 1) {
            throw missing("The cancellation reason extension may be sent once only");
        }
        Extension reason = reasons.get(0);
        if (reason.hasValue() && !(reason.getValue() instanceof StringType)) {
            throw invalid("The cancellation reason extension needs a valueString, not a value of type " + reason.getValue().fhirType());
        }
        String text = reason.hasValue() ? ((StringType) reason.getValue()).getValue() : null;
        if (text == null || text.isBlank()) {
            throw missing("The cancellation reason is empty");
        }
        return text.codePointCount(0, text.length()) <= MAX_REASON ? text : text.substring(0, text.offsetByCodePoints(0, MAX_REASON));
    }

    private static SpineException missing(String diagnostics) {
        return new SpineException(SpineErrorCode.INVALID_PARAMETER, diagnostics);
    }
}
