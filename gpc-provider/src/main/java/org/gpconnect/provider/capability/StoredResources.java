package org.gpconnect.provider.capability;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.store.StoredResource;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Resource;

import java.util.List;
import java.util.UUID;

/**
 * Turns stored JSON into the HAPI resources a handler returns, with the version as HAPI needs it
 * for the ETag, and builds the searchset Bundles GP Connect's profile allows (no total, links or
 * entry.search).
 */
public class StoredResources {
    public static final String SEARCHSET_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1";

    private final FhirContext fhir;

    public StoredResources(FhirContext fhir) {
        this.fhir = fhir;
    }

    public <T extends Resource> T parse(StoredResource stored, Class<T> type) {
        T resource = fhir.newJsonParser().parseResource(type, stored.json());
        resource.setId(new IdType(stored.resourceType(), stored.id(), Long.toString(stored.versionId())));
        return resource;
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
