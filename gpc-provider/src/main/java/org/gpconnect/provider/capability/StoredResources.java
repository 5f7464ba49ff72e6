package org.gpconnect.provider.capability;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.store.StoredResource;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;
import java.util.UUID;

/**
 * Stored resources as handlers return them. On the hot path they are not parsed: a handler returns
 * a stand-in that carries only id and version (what HAPI needs for ETags) and the stored JSON, and
 * {@link StoredJsonResponses} writes that JSON straight out; only an XML answer parses it. Also
 * builds the searchset Bundles GP Connect's profile allows (no total, links or entry.search).
 */
public class StoredResources {
    public static final String SEARCHSET_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1";
    static final String STORED_JSON = "gpc.storedJson";
    /** Marks a stand-in: a resource whose content is only in its stored JSON. */
    private static final String HOLLOW = "gpc.hollow";

    private final FhirContext fhir;

    public StoredResources(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** A stand-in for the stored resource: id, version and its JSON, parsed only if XML is asked for. */
    public <T extends Resource> T standIn(StoredResource stored, Class<T> type) {
        T resource;
        try {
            resource = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        resource.setId(new IdType(stored.resourceType(), stored.id(), Long.toString(stored.versionId())));
        resource.getMeta().setVersionId(Long.toString(stored.versionId()));
        resource.setUserData(STORED_JSON, stored.json());
        resource.setUserData(HOLLOW, Boolean.TRUE);
        return resource;
    }

    /** A complete resource served often and unchanged (a CapabilityStatement): its JSON encoded once. */
    public <T extends Resource> T encodedOnce(T resource) {
        resource.setUserData(STORED_JSON, fhir.newJsonParser().encodeResourceToString(resource));
        return resource;
    }

    /** The full resource, for code that needs its content. */
    public <T extends Resource> T parse(StoredResource stored, Class<T> type) {
        T resource = fhir.newJsonParser().parseResource(type, stored.json());
        resource.setId(new IdType(stored.resourceType(), stored.id(), Long.toString(stored.versionId())));
        return resource;
    }

    static String storedJson(IBaseResource resource) {
        return resource instanceof Resource r ? (String) r.getUserData(STORED_JSON) : null;
    }

    /** Replaces a stand-in by the parsed resource (for XML, or anything that must see the content). */
    Resource materialise(Resource resource) {
        String json = storedJson(resource);
        if (json == null || resource.getUserData(HOLLOW) == null) {
            return resource;
        }
        Resource parsed = (Resource) fhir.newJsonParser().parseResource(json);
        parsed.setId(resource.getIdElement());
        return parsed;
    }

    public Bundle searchset(List<? extends Resource> resources) {
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().addProfile(SEARCHSET_PROFILE);
        bundle.setType(Bundle.BundleType.SEARCHSET);
        for (Resource resource : resources) {
            bundle.addEntry().setResource(resource);
        }
        return bundle;
    }
}
