package org.gpconnect.provider.appointments;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Base;
import org.hl7.fhir.dstu3.model.Property;

import java.util.ArrayList;
import java.util.List;

/**
 * Which elements of the stored Appointment a consumer's copy changes, compared as FHIR content (so JSON
 * and XML, key order and whitespace do not matter) element by element, to name them in the diagnostics.
 * The caller first makes the elements its interaction may change the same on both. Neither {@code id}
 * (checked against the URL) nor {@code meta} (the server's) is content the consumer can change.
 */
final class AppointmentDifferences {
    private AppointmentDifferences() {}

    static List<String> between(Appointment stored, Appointment requested) {
        Appointment before = stored.copy();
        Appointment after = requested.copy();
        for (Appointment appointment : List.of(before, after)) {
            appointment.setIdElement(null);
            appointment.setMeta(null);
        }
        // consumers built before serviceCategory and serviceType were returned send them back absent
        // (the test suite's "backwards compatibility" scenarios): absent keeps them
        if (!after.hasServiceCategory()) {
            after.setServiceCategory(before.getServiceCategory());
        }
        if (!after.hasServiceType()) {
            after.setServiceType(before.getServiceType());
        }
        List<Property> left = before.children();
        List<Property> right = after.children();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            if (!Base.compareDeep(present(left.get(i).getValues()), present(right.get(i).getValues()), true)) {
                changed.add(left.get(i).getName().replace("[x]", ""));
            }
        }
        return changed;
    }

    private static List<Base> present(List<Base> values) {
        return values.stream().filter(v -> v != null && !v.isEmpty()).toList();
    }
}
