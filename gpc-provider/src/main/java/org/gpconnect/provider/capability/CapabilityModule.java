package org.gpconnect.provider.capability;

import ca.uhn.fhir.rest.server.IResourceProvider;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.provider.spine.StreamedInteraction;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one capability package adds to the server: the interactions it implements, the HAPI providers
 * that implement most of them, and, by interaction ID, those it answers itself
 * ({@link StreamedInteraction}), on one service root. A new capability is one more module bean.
 */
public record CapabilityModule(ServiceRootKind root, Set<String> interactions, List<IResourceProvider> resourceProviders,
                               List<Object> plainProviders, Map<String, StreamedInteraction> streamed) {

    public CapabilityModule(ServiceRootKind root, Set<String> interactions, List<IResourceProvider> resourceProviders,
                            List<Object> plainProviders) {
        this(root, interactions, resourceProviders, plainProviders, Map.of());
    }
}
