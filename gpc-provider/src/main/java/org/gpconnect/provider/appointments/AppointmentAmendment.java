package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.store.GpRecordStore;
import org.hl7.fhir.dstu3.model.Appointment;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Amend an appointment (appointments.md §6): only {@code description} and {@code comment} may differ from
 * the stored appointment; any other difference, a cancellation reason among them, is 422 INVALID_RESOURCE.
 * Both texts are stored whole and returned as sent, never truncated, up to this provider's limits.
 */
final class AppointmentAmendment extends AppointmentChange {
    /** Ten times the consumer limits of 100 and 500 characters: stored in full; anything longer is refused. */
    static final int MAX_DESCRIPTION = 1_000;
    static final int MAX_COMMENT = 5_000;

    AppointmentAmendment(GpRecordStore store, FhirContext fhir, Clock clock) {
        super(store, fhir, clock);
    }

    @Override
    String done() {
        return "Amended";
    }

    @Override
    Optional<ObjectNode> change(Appointment stored, Appointment requested, ObjectNode storedJson) {
        String description = requested.getDescription();
        String comment = requested.getComment();
        for (Appointment appointment : List.of(stored, requested)) {
            appointment.setDescription(null);
            appointment.setComment(null);
        }
        List<String> changed = AppointmentDifferences.between(stored, requested);
        if (!changed.isEmpty()) {
            throw invalid("An amendment may change only description and comment; this one changes " + String.join(", ", changed));
        }
        if (description == null || description.isBlank()) {
            throw invalid("Appointment.description is required (GPConnect-Appointment-1)");
        }
        tooLong("description", description, MAX_DESCRIPTION);
        tooLong("comment", comment, MAX_COMMENT);
        if (description.equals(storedJson.path("description").asText(null)) && Objects.equals(comment, storedJson.path("comment").asText(null))) {
            return Optional.empty();
        }
        storedJson.put("description", description);
        if (comment == null) {
            storedJson.remove("comment");
        } else {
            storedJson.put("comment", comment);
        }
        return Optional.of(storedJson);
    }

    private static void tooLong(String element, String text, int limit) {
        if (text != null && text.codePointCount(0, text.length()) > limit) {
            throw invalid("Appointment." + element + " is longer than the " + limit + " characters this provider can store");
        }
    }
}
