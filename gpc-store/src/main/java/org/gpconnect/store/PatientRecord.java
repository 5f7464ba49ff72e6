package org.gpconnect.store;

/**
 * What the practice knows about a patient's registration, which decides whether the record may
 * be shared: the spec's "active patient" is registered, not deceased, with a traced NHS number.
 */
public record PatientRecord(String id, String nhsNumber, boolean active, boolean deceased, boolean sensitive,
                            boolean nhsVerified, String registrationType,
                            boolean dissent, boolean inTransit, boolean merged) {

    public boolean sharable() {
        return active && !deceased && !sensitive && nhsVerified;
    }

    public PatientRecord verified() {
        return new PatientRecord(id, nhsNumber, active, deceased, sensitive, true, registrationType, dissent, inTransit, merged);
    }
}
