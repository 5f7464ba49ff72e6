package org.gpconnect.provider.spine;

import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.error.OperationOutcomes;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.interaction.FhirRelease;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a rejection made outside HAPI, in the negotiated format of the root's release: an STU3
 * OperationOutcome on the 1.x roots, a DSTU2 one (0.x profile and code system) on the HTML root.
 */
final class OperationOutcomeWriter {

    void write(HttpServletResponse response, ResponseFormat format, SpineException error) throws IOException {
        FhirRelease release = format.release();
        IBaseOperationOutcome outcome = release == FhirRelease.STU3 ? error.getOperationOutcome()
                : OperationOutcomes.error(release, error.code(), error.diagnostics());
        String body = (format.isXml() ? release.fhirContext().newXmlParser() : release.fhirContext().newJsonParser())
                .encodeResourceToString(outcome);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(error.getStatusCode());
        response.setContentType(format.mediaType() + ";charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
