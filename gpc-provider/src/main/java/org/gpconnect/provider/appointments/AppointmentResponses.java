package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.store.StoredResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Writes stored Appointments as the appointment interactions answer them: the stored JSON as it is, or
 * encoded as XML by HAPI when asked; an Appointment with its ETag (its meta.versionId), a created one with
 * its Location and Last-Modified too, and the patient's appointments as a GPConnect-Searchset-Bundle-1.
 */
final class AppointmentResponses {
    private final FhirContext fhir;

    AppointmentResponses(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** 200 with the Appointment and its ETag (Read an appointment). */
    void appointment(HttpServletResponse response, ResponseFormat format, StoredResource appointment) throws IOException {
        response.setHeader("ETag", etag(appointment));
        write(response, format, 200, appointment.json());
    }

    /**
     * 201 with Location [base]/Appointment/[id]/_history/[vid], ETag and Last-Modified (development_fhir_api_guidance);
     * the body unless the consumer preferred return=minimal.
     */
    void created(HttpServletResponse response, ResponseFormat format, StoredResource appointment, String baseUrl, String prefer)
            throws IOException {
        response.setHeader("Location", baseUrl + "/Appointment/" + appointment.id() + "/_history/" + appointment.versionId());
        response.setHeader("ETag", etag(appointment));
        response.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(appointment.lastUpdated().atOffset(ZoneOffset.UTC)));
        if (prefer != null && prefer.replace(" ", "").contains("return=minimal")) {
            response.setStatus(201);
            response.setContentLength(0);
            return;
        }
        write(response, format, 201, appointment.json());
    }

    /** 200 with a searchset Bundle of the Appointments, in the order given. */
    void searchset(HttpServletResponse response, ResponseFormat format, List<StoredResource> appointments) throws IOException {
        StringBuilder json = new StringBuilder(256 + appointments.size() * 2048)
                .append("{\"resourceType\":\"Bundle\",\"id\":\"").append(UUID.randomUUID())
                .append("\",\"meta\":{\"profile\":[\"").append(StoredResources.SEARCHSET_PROFILE)
                .append("\"]},\"type\":\"searchset\"");
        String separator = ",\"entry\":[";
        for (StoredResource appointment : appointments) {
            json.append(separator).append("{\"resource\":").append(appointment.json()).append('}');
            separator = ",";
        }
        json.append(appointments.isEmpty() ? "}" : "]}");
        write(response, format, 200, json.toString());
    }

    private static String etag(StoredResource appointment) {
        return "W/\"" + appointment.versionId() + "\"";
    }

    private void write(HttpServletResponse response, ResponseFormat format, int status, String json) throws IOException {
        String body = format == ResponseFormat.JSON ? json
                : fhir.newXmlParser().encodeResourceToString(fhir.newJsonParser().parseResource(json));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(format.mediaType() + ";charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
