package org.gpconnect.provider.admin;

import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.provider.GpConnectCommand.StoreOptions;
import org.gpconnect.store.Database;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.audit.AuditEvent;
import org.gpconnect.store.audit.AuditTrail;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A switch a practice's data controller flips (GP Connect, a capability, a clinical area): the
 * change is written and audited in the same way for each, as the spec asks.
 */
final class AuditedSwitch {
    private AuditedSwitch() {}

    /** Applies the change at the practice and audits it; exit code 2 when the store has no such practice. */
    static int flip(StoreOptions options, String odsCode, String what, boolean on, String command, Consumer<GpRecordStore> change) {
        String[] connection = options.connection();
        try (HikariDataSource dataSource = Database.open(connection[0], connection[1], connection[2], 2);
             AuditTrail trail = new AuditTrail(dataSource, "admin")) {
            GpRecordStore records = new GpRecordStore(dataSource);
            if (records.practice(odsCode).isEmpty()) {
                System.err.println("No practice " + odsCode + " in this store.");
                return 2;
            }
            change.accept(records);
            trail.record(new AuditEvent(Instant.now(), AuditEvent.SWITCH_CHANGE, null, null, null, null, odsCode, null,
                    System.getProperty("user.name"), command, null, "OK", 0, 0, what + (on ? " enabled" : " disabled")));
            System.out.println(odsCode + " " + what + " " + (on ? "enabled" : "disabled") + " (audited).");
            return 0;
        }
    }
}
