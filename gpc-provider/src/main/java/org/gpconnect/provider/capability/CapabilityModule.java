package org.gpconnect.provider.capability;

import ca.uhn.fhir.rest.server.IResourceProvider;
import org.gpconnect.fhir.interaction.ServiceRootKind;

import java.util.List;
import java.util.Set;

/**
 * What one capability package adds to the server: the interactions it implements and the HAPI
 * providers that implement them, on one service root. A new capability is one more module bean.
 */
public record CapabilityModule(ServiceRootKind root, Set<String> interactions,
                               List<IResourceProvider> resourceProviders, List<Object> plainProviders) {
}
