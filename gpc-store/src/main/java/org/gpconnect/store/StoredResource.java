package org.gpconnect.store;

import java.time.Instant;

/** A FHIR resource as stored: its JSON text and the version a consumer sees in its ETag. */
public record StoredResource(String resourceType, String id, long versionId, Instant lastUpdated, String json) {}
