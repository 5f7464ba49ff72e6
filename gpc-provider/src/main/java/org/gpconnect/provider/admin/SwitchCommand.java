package org.gpconnect.provider.admin;

import org.gpconnect.fhir.interaction.Capability;
import org.gpconnect.provider.GpConnectCommand.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * The data controller's enablement switches: GP Connect as a whole (FOUNDATIONS) or one capability
 * at one practice. Every change is audited, as the spec requires.
 */
@Command(name = "switch", mixinStandardHelpOptions = true,
        description = "Turn GP Connect (FOUNDATIONS) or a capability (APPOINTMENTS, STRUCTURED, DOCUMENTS, HTML) on or off at a practice.")
public class SwitchCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", description = "Practice ODS code, e.g. B82617")
    String odsCode;

    @Parameters(index = "1", description = "FOUNDATIONS (the practice-level switch) or a capability")
    Capability capability;

    @Parameters(index = "2", description = "on or off")
    String state;

    @Override
    public Integer call() {
        boolean on = switch (state.toLowerCase()) {
            case "on", "true", "enable", "enabled" -> true;
            case "off", "false", "disable", "disabled" -> false;
            default -> throw new IllegalArgumentException("state must be on or off, not " + state);
        };
        return AuditedSwitch.flip(store, odsCode, capability.name(), on, "gpconnect switch",
                records -> records.setSwitch(odsCode, capability, on));
    }
}
