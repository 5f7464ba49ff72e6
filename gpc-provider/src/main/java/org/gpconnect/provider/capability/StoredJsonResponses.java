package org.gpconnect.provider.capability;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers with stored JSON as it is, instead of parsing it and letting HAPI encode it again: on
 * this machine that round trip was most of a Patient search's CPU (see docs/benchmark.md). JSON
 * answers of stand-ins (single resources and searchset Bundles of them) are written here; for
 * XML the stand-ins are parsed and HAPI encodes as usual.
 */
@Interceptor
public class StoredJsonResponses {
    private static final String JSON = "application/fhir+json";

    private final StoredResources resources;

    public StoredJsonResponses(StoredResources resources) {
        this.resources = resources;
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean respond(RequestDetails details, ResponseDetails response, HttpServletRequest request,
                           HttpServletResponse servletResponse) {
        IBaseResource resource = response.getResponseResource();
        boolean json = request.getHeader("Accept").startsWith(JSON);
        if (resource instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.SEARCHSET) {
            boolean allStored = bundle.getEntry().stream().allMatch(e -> StoredResources.storedJson(e.getResource()) != null);
            if (json && allStored) {
                write(servletResponse, response.getResponseCode(), searchsetJson(bundle), null);
                return false;
            }
            bundle.getEntry().forEach(entry -> entry.setResource(resources.materialise(entry.getResource())));
            return true;
        }
        String stored = StoredResources.storedJson(resource);
        if (stored == null) {
            return true;
        }
        if (json) {
            write(servletResponse, response.getResponseCode(), stored, ((Resource) resource).getMeta().getVersionId());
            return false;
        }
        response.setResponseResource(resources.materialise((Resource) resource));
        return true;
    }

    private static String searchsetJson(Bundle bundle) {
        StringBuilder out = new StringBuilder(4096)
                .append("{\"resourceType\":\"Bundle\",\"id\":\"").append(bundle.getIdElement().getIdPart())
                .append("\",\"meta\":{\"profile\":[\"").append(StoredResources.SEARCHSET_PROFILE)
                .append("\"]},\"type\":\"searchset\"");
        if (!bundle.getEntry().isEmpty()) {
            out.append(",\"entry\":[");
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                out.append(i == 0 ? "" : ",").append("{\"resource\":")
                        .append(StoredResources.storedJson(bundle.getEntry().get(i).getResource())).append('}');
            }
            out.append(']');
        }
        return out.append('}').toString();
    }

    private static void write(HttpServletResponse response, int status, String body, String versionId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(JSON + ";charset=utf-8");
        if (versionId != null) {
            response.setHeader("ETag", "W/\"" + versionId + "\"");
        }
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
