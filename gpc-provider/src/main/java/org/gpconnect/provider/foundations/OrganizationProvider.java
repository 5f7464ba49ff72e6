package org.gpconnect.provider.foundations;

import ca.uhn.fhir.rest.annotation.Search;
import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.store.GpRecordStore;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Organization;

/** Find an organisation by ODS code, and Read an organisation. */
public class OrganizationProvider extends DirectoryProvider<Organization> {
    public OrganizationProvider(GpRecordStore store, StoredResources resources) {
        super(Organization.class, SpineErrorCode.ORGANISATION_NOT_FOUND, IdentifierSystem.ODS_ORGANIZATION_CODE, store, resources);
    }

    @Search(allowUnknownParams = true)
    public Bundle search(HttpServletRequest request) {
        return searchByIdentifier(request);
    }
}
