package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.store.StoredResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * 200 with the Appointment as now stored and its version as the ETag; JSON is the stored JSON, XML
 * HAPI's encoding of it. {@code Prefer: return=minimal} gets no body (the test suite checks it is empty).
 */
final class AppointmentChangeResponse {
    private AppointmentChangeResponse() {}

    static void write(HttpServletResponse response, ResponseFormat format, FhirContext fhir, StoredResource appointment,
                      String prefer) throws IOException {
        response.setStatus(200);
        response.setHeader("ETag", "W/\"" + appointment.versionId() + "\"");
        if (prefer != null && prefer.replace(" ", "").contains("return=minimal")) {
            response.setContentLength(0);
            return;
        }
        String body = format == ResponseFormat.JSON ? appointment.json()
                : fhir.newXmlParser().encodeResourceToString(fhir.newJsonParser().parseResource(appointment.json()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(format.mediaType() + ";charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
