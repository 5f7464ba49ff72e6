package org.gpconnect.provider.spine;

import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.interaction.FhirRelease;

import java.util.Locale;
import java.util.Optional;

/**
 * JSON or XML of one release, chosen as the spec orders it: {@code _format}, then {@code Accept},
 * then the request's {@code Content-Type}, else JSON. Which media type names count as JSON or XML,
 * and which the answer carries, is the service root's {@link FhirRelease} data. Anything else is
 * answered 415, never 406.
 */
public enum ResponseFormat {
    JSON(FhirRelease.STU3, false),
    XML(FhirRelease.STU3, true),
    /** Access Record: HTML 0.7.4 ({@code application/json+fhir}). */
    DSTU2_JSON(FhirRelease.DSTU2, false),
    /** Access Record: HTML 0.7.4 ({@code application/xml+fhir}). */
    DSTU2_XML(FhirRelease.DSTU2, true);

    private final FhirRelease release;
    private final boolean xml;

    ResponseFormat(FhirRelease release, boolean xml) {
        this.release = release;
        this.xml = xml;
    }

    public FhirRelease release() { return release; }

    public boolean isXml() { return xml; }

    /** The media type the answer carries, without charset. */
    public String mediaType() { return xml ? release.xmlMediaType() : release.jsonMediaType(); }

    public static ResponseFormat json(FhirRelease release) {
        return release == FhirRelease.STU3 ? JSON : DSTU2_JSON;
    }

    public static ResponseFormat xml(FhirRelease release) {
        return release == FhirRelease.STU3 ? XML : DSTU2_XML;
    }

    static ResponseFormat negotiate(HttpServletRequest request, FhirRelease release) {
        String format = request.getParameter("_format");
        if (format != null) {
            return fromFormatParameter(format, release);
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            return fromAccept(accept, release);
        }
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            return fromMediaType(contentType, release).orElse(json(release));
        }
        return json(release);
    }

    /** A body the server cannot read is refused before any handler runs. */
    static void checkRequestBody(HttpServletRequest request, FhirRelease release) {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && fromMediaType(contentType, release).isEmpty()) {
            throw new SpineException(SpineErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type: " + contentType);
        }
    }

    private static ResponseFormat fromFormatParameter(String format, FhirRelease release) {
        String value = format.trim().toLowerCase(Locale.ROOT);
        if (value.equals("json")) {
            return json(release);
        }
        if (value.equals("xml")) {
            return xml(release);
        }
        return fromMediaType(value, release).orElseThrow(() ->
                new SpineException(SpineErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported _format: " + format));
    }

    private static ResponseFormat fromAccept(String accept, FhirRelease release) {
        for (String range : accept.split(",")) {
            String type = range.trim();
            if (type.startsWith("*/*") || type.startsWith("application/*")) {
                return json(release);
            }
            Optional<ResponseFormat> format = fromMediaType(type, release);
            if (format.isPresent()) {
                return format.get();
            }
        }
        throw new SpineException(SpineErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported Accept: " + accept);
    }

    private static Optional<ResponseFormat> fromMediaType(String mediaType, FhirRelease release) {
        int semicolon = mediaType.indexOf(';');
        String type = (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        if (release.jsonAliases().contains(type)) {
            return Optional.of(json(release));
        }
        if (release.xmlAliases().contains(type)) {
            return Optional.of(xml(release));
        }
        return Optional.empty();
    }
}
