package org.gpconnect.provider.spine;

import org.gpconnect.fhir.interaction.ServiceRootKind;

import java.util.Optional;

/**
 * Where a request arrived: the practice's ODS code and which of its service roots, with the path
 * below the root. Routing is by this path alone, never by the Ssp-* headers.
 */
public record ServiceRoot(String odsCode, ServiceRootKind kind, String relativePath) {

    /** The service root's path, e.g. /B82617/STU3/1/gpconnect/structured. */
    public String rootPath() { return kind.path(odsCode); }

    /**
     * Splits a request path (no context path) into root and remainder. The longest routing
     * segment wins, so /gpconnect/structured/... is Structured, not a Foundations path.
     */
    public static Optional<ServiceRoot> parse(String path) {
        if (path == null || path.length() < 2 || path.charAt(0) != '/') {
            return Optional.empty();
        }
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            return Optional.empty();
        }
        String ods = path.substring(1, slash);
        String rest = path.substring(slash + 1);
        ServiceRootKind best = null;
        for (ServiceRootKind kind : ServiceRootKind.values()) {
            String suffix = kind.suffix();
            if ((rest.equals(suffix) || rest.startsWith(suffix + "/"))
                    && (best == null || suffix.length() > best.suffix().length())) {
                best = kind;
            }
        }
        if (best == null || ods.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceRoot(ods, best, rest.substring(best.suffix().length())));
    }
}
