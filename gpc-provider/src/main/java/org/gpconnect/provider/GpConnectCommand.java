package org.gpconnect.provider;

import org.gpconnect.provider.admin.AddDocumentCommand;
import org.gpconnect.provider.admin.AuditVerifyCommand;
import org.gpconnect.provider.admin.ClinicalAreaCommand;
import org.gpconnect.provider.admin.CurlExampleCommand;
import org.gpconnect.provider.admin.GenerateCommand;
import org.gpconnect.provider.admin.SwitchCommand;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** The ./gpconnect command line. */
@Command(name = "gpconnect", mixinStandardHelpOptions = true, version = "gpconnect 0.1.0",
        description = "An open-source GP Connect provider (FHIR STU3, spec 1.6.2).",
        subcommands = {GpConnectCommand.Serve.class, AuditVerifyCommand.class, SwitchCommand.class, ClinicalAreaCommand.class, GenerateCommand.class, AddDocumentCommand.class,
                CurlExampleCommand.class,
                GpConnectCommand.Bench.class, CommandLine.HelpCommand.class})
public class GpConnectCommand {

    /** Set once the server runs: main then returns and the server's threads keep the JVM alive. */
    private static volatile boolean serving;

    public static void main(String[] args) {
        int exitCode = new CommandLine(new GpConnectCommand()).execute(args);
        if (!serving) {
            System.exit(exitCode);
        }
    }

    /** Options every subcommand that opens the store shares; each maps onto a GPC_* setting. */
    public static class StoreOptions {
        @Option(names = "--data-dir", description = "Data folder for the embedded H2 database (GPC_DATA_DIR, default ./data)")
        public Path dataDir;

        @Option(names = "--db-url", description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/gpconnect (GPC_DB_URL; default H2 in the data folder)")
        public String dbUrl;

        /** The JDBC URL, user and password as the server would resolve them. */
        public String[] connection() {
            String url = dbUrl != null ? dbUrl : System.getenv("GPC_DB_URL");
            if (url == null || url.isBlank()) {
                Path dir = dataDir != null ? dataDir : Path.of(env("GPC_DATA_DIR", "./data"));
                url = org.gpconnect.store.Database.h2FileUrl(dir);
            }
            return new String[]{url, env("GPC_DB_USER", "sa"), env("GPC_DB_PASSWORD", "")};
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        public Map<String, Object> properties() {
            Map<String, Object> properties = new HashMap<>();
            if (dataDir != null) {
                properties.put("gpc.data-dir", dataDir.toString());
            }
            if (dbUrl != null) {
                properties.put("gpc.db-url", dbUrl);
            }
            return properties;
        }
    }

    /** Listed here so that --help shows it; the launcher runs the gpc-bench jar for it. */
    @Command(name = "bench", description = "Load and restart-time benchmark (gpc-bench): ./gpconnect bench --help.")
    static class Bench implements Callable<Integer> {
        @Override
        public Integer call() {
            System.err.println("Run the benchmark through the launcher: ./gpconnect bench run|startup ...");
            return 2;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the provider.")
    static class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--port", description = "HTTP port (GPC_PORT, default 8080)")
        Integer port;

        @Override
        public Integer call() {
            Map<String, Object> properties = store.properties();
            if (port != null) {
                properties.put("server.port", port);
            }
            SpringApplication application = new SpringApplication(GpConnectServer.class);
            // command-line options beat environment variables and application.properties
            properties.forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
            application.run();
            serving = true;
            return 0;
        }
    }
}
