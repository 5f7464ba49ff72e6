package org.gpconnect.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code gpc-bench.jar}: load ({@code run}) and restart time ({@code startup}) of a
 * GP Connect provider already built on this machine. Both talk only to loopback unless told
 * otherwise, because the point is to measure our provider, not to load someone else's.
 */
@Command(name = "gpc-bench", mixinStandardHelpOptions = true, version = "gpc-bench 0.1.0",
        description = "Closed-loop load and restart-time measurements for a running GP Connect provider.",
        subcommands = {RunCommand.class, StartupCommand.class, TransferCommand.class, BookCancelCommand.class, CommandLine.HelpCommand.class})
public final class BenchMain {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new BenchMain())
                .registerConverter(java.time.Duration.class, new DurationConverter());
    }
}
