package org.gpconnect.provider.foundations;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.store.GpRecordStore;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Resource;

import java.util.List;

/**
 * Read, and search by one identifier system, for the practice's directory resources
 * (Practitioner, Organization, Location): stored resources served as they are.
 */
abstract class DirectoryProvider<T extends Resource> implements IResourceProvider {
    private final Class<T> type;
    private final SpineErrorCode notFound;
    private final String identifierSystem;
    protected final GpRecordStore store;
    protected final StoredResources resources;

    DirectoryProvider(Class<T> type, SpineErrorCode notFound, String identifierSystem,
                      GpRecordStore store, StoredResources resources) {
        this.type = type;
        this.notFound = notFound;
        this.identifierSystem = identifierSystem;
        this.store = store;
        this.resources = resources;
    }

    @Override
    public Class<T> getResourceType() {
        return type;
    }

    @Read
    public T read(@IdParam IdType id, HttpServletRequest request) {
        String ods = GpConnectRequest.of(request).root().odsCode();
        return store.read(ods, type.getSimpleName(), id.getIdPart())
                .map(stored -> resources.standIn(stored, type))
                .orElseThrow(() -> new SpineException(notFound, "No " + type.getSimpleName() + " " + id.getIdPart()));
    }

    /** Not finding anything is not an error: an empty searchset. */
    protected Bundle searchByIdentifier(HttpServletRequest request) {
        IdentifierSearch search = IdentifierSearch.from(request.getParameterMap());
        if (!identifierSystem.equals(search.system())) {
            // the test suite answers another system as an invalid parameter, for practitioners and organisations alike
            throw new SpineException(SpineErrorCode.INVALID_PARAMETER, type.getSimpleName() + " is found by " + identifierSystem
                    + ", not " + search.system());
        }
        String ods = GpConnectRequest.of(request).root().odsCode();
        List<T> found = store.findByIdentifier(ods, type.getSimpleName(), search.system(), search.value()).stream()
                .map(stored -> resources.standIn(stored, type))
                .toList();
        return resources.searchset(found);
    }
}
