package org.gpconnect.provider.spine;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.error.SpineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a rejection made before HAPI runs, in the negotiated format. */
final class OperationOutcomeWriter {
    private final FhirContext fhir;

    OperationOutcomeWriter(FhirContext fhir) {
        this.fhir = fhir;
    }

    void write(HttpServletResponse response, ResponseFormat format, SpineException error) throws IOException {
        String body = (format == ResponseFormat.XML ? fhir.newXmlParser() : fhir.newJsonParser())
                .encodeResourceToString(error.getOperationOutcome());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(error.getStatusCode());
        response.setContentType(format.mediaType() + ";charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
