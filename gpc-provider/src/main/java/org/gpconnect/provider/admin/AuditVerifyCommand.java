package org.gpconnect.provider.admin;

import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.provider.GpConnectCommand.StoreOptions;
import org.gpconnect.store.Database;
import org.gpconnect.store.audit.AuditVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** Recomputes the audit trail's hash chains; exit code 1 if any record was altered, removed or reordered. */
@Command(name = "audit-verify", mixinStandardHelpOptions = true,
        description = "Verify the tamper-evident audit trail (sequence numbers and hash chain).")
public class AuditVerifyCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() throws Exception {
        String[] connection = store.connection();
        try (HikariDataSource dataSource = Database.open(connection[0], connection[1], connection[2], 2)) {
            AuditVerifier.Result result = AuditVerifier.verify(dataSource);
            if (result.intact()) {
                System.out.println("Audit trail intact: " + result.records() + " records verified.");
                return 0;
            }
            System.out.println("Audit trail BROKEN (" + result.records() + " records read):");
            result.problems().forEach(problem -> System.out.println("  " + problem));
            return 1;
        }
    }
}
