package org.gpconnect.fhir.interaction;

import java.util.regex.Pattern;

/**
 * One GP Connect interaction: the ID a consumer sends in {@code Ssp-InteractionID}, the service
 * root and HTTP verb and path it must arrive on, and the JWT {@code requested_scope} it needs.
 *
 * @param pathTemplate path below the service root; {@code {id}} stands for one logical id segment
 * @param scope        the scope the JWT must request, or null where the spec names none
 * @param migration    true where {@code reason_for_request} must be {@code migration}
 */
public record Interaction(String id, Capability capability, String verb, String pathTemplate,
                          String scope, boolean migration, Pattern pathPattern) {

    public Interaction(String id, Capability capability, String verb, String pathTemplate, String scope, boolean migration) {
        this(id, capability, verb, pathTemplate, scope, migration, compile(pathTemplate));
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("\\{id}", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^/]+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    public ServiceRootKind root() { return capability.root(); }

    /** Whether a request with this verb and path (below the service root) is this interaction. */
    public boolean matches(ServiceRootKind root, String verb, String relativePath) {
        return root == root() && this.verb.equals(verb) && pathPattern.matcher(relativePath).matches();
    }
}
