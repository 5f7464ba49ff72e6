package org.gpconnect.provider.foundations;

import ca.uhn.fhir.rest.annotation.Search;
import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.store.GpRecordStore;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Practitioner;

/** Find a practitioner by SDS user id, and Read a practitioner. */
public class PractitionerProvider extends DirectoryProvider<Practitioner> {
    public PractitionerProvider(GpRecordStore store, StoredResources resources) {
        super(Practitioner.class, SpineErrorCode.PRACTITIONER_NOT_FOUND, IdentifierSystem.SDS_USER_ID, store, resources);
    }

    @Search(allowUnknownParams = true)
    public Bundle search(HttpServletRequest request) {
        return searchByIdentifier(request);
    }
}
