package org.gpconnect.provider.structured;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.store.StoredResource;
import org.hl7.fhir.dstu3.model.OperationOutcome;

import java.util.HashSet;
import java.util.Set;

/**
 * The structured record Bundle (GPConnect-StructuredRecord-Bundle-1), written as JSON by
 * concatenating stored resources rather than parsing and encoding them again: type collection,
 * id = the request's Ssp-TraceID, no fullUrl, each resource instance once whatever the number of
 * areas that reach it. XML is produced from that JSON when asked for.
 */
public final class StructuredRecordBundle {
    public static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-StructuredRecord-Bundle-1";

    private final StringBuilder entries = new StringBuilder(16 * 1024);
    private final Set<String> included = new HashSet<>();
    private final String traceId;
    private int count;

    public StructuredRecordBundle(String traceId) {
        this.traceId = traceId;
    }

    /** Adds a stored resource unless it is already in the Bundle; true if it was added. */
    public boolean add(StoredResource resource) {
        if (!included.add(resource.resourceType() + "/" + resource.id())) {
            return false;
        }
        append(resource.json());
        return true;
    }

    public void add(ClinicalList list) {
        append(list.json());
    }

    /** A warning OperationOutcome (unsupported parameter, disabled area) travels inside the Bundle. */
    public void add(FhirContext fhir, OperationOutcome warning) {
        append(fhir.newJsonParser().encodeResourceToString(warning));
    }

    public int size() {
        return count;
    }

    private void append(String resourceJson) {
        entries.append(count++ == 0 ? "" : ",").append("{\"resource\":").append(resourceJson).append('}');
    }

    public String json() {
        return "{\"resourceType\":\"Bundle\",\"id\":\"" + traceId.replace("\"", "") + "\",\"meta\":{\"profile\":[\"" + PROFILE
                + "\"]},\"type\":\"collection\"" + (count == 0 ? "" : ",\"entry\":[" + entries + "]") + "}";
    }

    public String xml(FhirContext fhir) {
        return fhir.newXmlParser().encodeResourceToString(fhir.newJsonParser().parseResource(json()));
    }
}
