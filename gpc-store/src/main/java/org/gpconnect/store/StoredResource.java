package org.gpconnect.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A FHIR resource as stored: its JSON text and the version a consumer sees in its ETag. Its
 * relative reference ("Type/id") is made once, as it keys every map a structured record builds.
 */
public final class StoredResource {
    private final String resourceType;
    private final String id;
    private final long versionId;
    private final Instant lastUpdated;
    private final String json;
    private final String reference;

    public StoredResource(String resourceType, String id, long versionId, Instant lastUpdated, String json) {
        this.resourceType = resourceType;
        this.id = id;
        this.versionId = versionId;
        this.lastUpdated = lastUpdated;
        this.json = json;
        this.reference = resourceType + "/" + id;
    }

    public String resourceType() { return resourceType; }
    public String id() { return id; }
    public long versionId() { return versionId; }
    public Instant lastUpdated() { return lastUpdated; }
    public String json() { return json; }
    /** "Type/id" */
    public String reference() { return reference; }

    /** The same resource with other JSON (a copy edited for one response). */
    public StoredResource withJson(String otherJson) {
        return new StoredResource(resourceType, id, versionId, lastUpdated, otherJson);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredResource that && versionId == that.versionId && resourceType.equals(that.resourceType)
                && id.equals(that.id) && Objects.equals(lastUpdated, that.lastUpdated) && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resourceType, id, versionId);
    }

    @Override
    public String toString() {
        return "StoredResource[" + reference + " v" + versionId + "]";
    }
}
