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

    /** Each entry's resource JSON, in Bundle order: written out piece by piece, never joined in memory. */
    private final java.util.List<String> resources = new java.util.ArrayList<>();
    private final Set<String> included = new HashSet<>();
    private final String traceId;

    public StructuredRecordBundle(String traceId) {
        this.traceId = traceId;
    }

    /** Adds a stored resource unless it is already in the Bundle; true if it was added. */
    public boolean add(StoredResource resource) {
        if (!included.add(resource.reference())) {
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
        return resources.size();
    }

    private void append(String resourceJson) {
        resources.add(resourceJson);
    }

    /** Writes the Bundle as JSON (UTF-8) to the stream, a resource at a time. */
    public void writeJson(java.io.OutputStream out) throws java.io.IOException {
        java.io.Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8),
                64 * 1024);
        writer.write("{\"resourceType\":\"Bundle\",\"id\":\"" + traceId.replace("\"", "") + "\",\"meta\":{\"profile\":[\""
                + PROFILE + "\"]},\"type\":\"collection\"");
        for (int i = 0; i < resources.size(); i++) {
            writer.write(i == 0 ? ",\"entry\":[{\"resource\":" : ",{\"resource\":");
            writer.write(resources.get(i));
            writer.write('}');
        }
        writer.write(resources.isEmpty() ? "}" : "]}");
        writer.flush();
    }

    public String json() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            writeJson(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    public String xml(FhirContext fhir) {
        return fhir.newXmlParser().encodeResourceToString(fhir.newJsonParser().parseResource(json()));
    }
}
