package org.gpconnect.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits "--command" into argv like a shell would for simple cases (spaces, '…' and "…" quotes).
 * No shell is involved on purpose: with {@code sh -c} the measured process would be the shell, and
 * stopping it could leave the server running and holding the port for the next run.
 */
final class CommandSplitter {
    private CommandSplitter() {
    }

    static List<String> split(String command) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quote in: " + command);
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }
}
