package org.gpconnect.fhir.interaction;

/**
 * GP Connect's capabilities. Each has its own enablement switch at a practice except
 * Foundations, which is governed by the practice-level switch alone.
 */
public enum Capability {
    FOUNDATIONS(ServiceRootKind.GPCONNECT),
    APPOINTMENTS(ServiceRootKind.GPCONNECT),
    STRUCTURED(ServiceRootKind.STRUCTURED),
    DOCUMENTS(ServiceRootKind.DOCUMENTS),
    HTML(ServiceRootKind.HTML);

    private final ServiceRootKind root;

    Capability(ServiceRootKind root) { this.root = root; }

    public ServiceRootKind root() { return root; }
}
