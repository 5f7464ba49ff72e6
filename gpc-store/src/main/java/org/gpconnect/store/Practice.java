package org.gpconnect.store;

import org.gpconnect.fhir.interaction.Capability;

import java.util.Map;

/**
 * A GP practice this server hosts: its ODS code (the first segment of every service root), the
 * ASID it answers as, the Organization that represents it, and the data controller's switches.
 */
public record Practice(String odsCode, String asid, String organizationId,
                       boolean gpConnectEnabled, Map<Capability, Boolean> capabilities) {

    /** Foundations has no switch of its own; everything needs the practice-level switch. */
    public boolean enabled(Capability capability) {
        if (!gpConnectEnabled) {
            return false;
        }
        return capability == Capability.FOUNDATIONS || capabilities.getOrDefault(capability, false);
    }
}
