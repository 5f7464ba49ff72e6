package org.gpconnect.provider.foundations;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.store.GpRecordStore;
import org.hl7.fhir.dstu3.model.Location;

/** Read a location (there is no Location search in 1.6.2). */
public class LocationProvider extends DirectoryProvider<Location> {
    public LocationProvider(GpRecordStore store, StoredResources resources) {
        super(Location.class, SpineErrorCode.NO_RECORD_FOUND, IdentifierSystem.ODS_SITE_CODE, store, resources);
    }
}
