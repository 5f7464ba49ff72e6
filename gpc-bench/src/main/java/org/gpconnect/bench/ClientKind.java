package org.gpconnect.bench;

import java.util.Arrays;

/** {@code --client}: how the load loop speaks HTTP. */
enum ClientKind {
    /** {@link RawLoadClient}: one keep-alive socket per thread, pre-encoded request bytes. */
    RAW("raw"),
    /** {@link JdkLoadClient}: java.net.http.HttpClient, shared by all threads. */
    JDK("jdk");

    final String cliName;

    ClientKind(String cliName) {
        this.cliName = cliName;
    }

    static ClientKind fromCli(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown client '" + name + "' (raw, jdk)"));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
