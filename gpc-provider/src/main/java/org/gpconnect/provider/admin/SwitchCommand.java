package org.gpconnect.provider.admin;

import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.fhir.interaction.Capability;
import org.gpconnect.provider.GpConnectCommand.StoreOptions;
import org.gpconnect.store.Database;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.audit.AuditEvent;
import org.gpconnect.store.audit.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.time.Instant;
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
        String[] connection = store.connection();
        try (HikariDataSource dataSource = Database.open(connection[0], connection[1], connection[2], 2);
             AuditTrail trail = new AuditTrail(dataSource, "admin")) {
            GpRecordStore records = new GpRecordStore(dataSource);
            if (records.practice(odsCode).isEmpty()) {
                System.err.println("No practice " + odsCode + " in this store.");
                return 2;
            }
            records.setSwitch(odsCode, capability, on);
            String who = System.getProperty("user.name");
            trail.record(new AuditEvent(Instant.now(), AuditEvent.SWITCH_CHANGE, null, null, null, null, odsCode, null,
                    who, "gpconnect switch", null, "OK", 0, 0, capability + (on ? " enabled" : " disabled")));
            System.out.println(odsCode + " " + capability + " " + (on ? "enabled" : "disabled") + " (audited).");
            return 0;
        }
    }
}
