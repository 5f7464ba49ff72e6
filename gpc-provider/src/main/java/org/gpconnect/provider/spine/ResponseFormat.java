package org.gpconnect.provider.spine;

import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;

import java.util.Locale;

/**
 * JSON or XML, chosen as the spec orders it: {@code _format}, then {@code Accept}, then the
 * request's {@code Content-Type}, else JSON. Anything else is answered 415, never 406.
 */
public enum ResponseFormat {
    JSON("application/fhir+json"),
    XML("application/fhir+xml");

    private final String mediaType;

    ResponseFormat(String mediaType) { this.mediaType = mediaType; }

    public String mediaType() { return mediaType; }

    static ResponseFormat negotiate(HttpServletRequest request) {
        String format = request.getParameter("_format");
        if (format != null) {
            return fromFormatParameter(format);
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            return fromAccept(accept);
        }
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            return fromMediaType(contentType).orElse(JSON);
        }
        return JSON;
    }

    /** A body the server cannot read is refused before any handler runs. */
    static void checkRequestBody(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && fromMediaType(contentType).isEmpty()) {
            throw new SpineException(SpineErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type: " + contentType);
        }
    }

    private static ResponseFormat fromFormatParameter(String format) {
        String value = format.trim().toLowerCase(Locale.ROOT);
        if (value.equals("json")) {
            return JSON;
        }
        if (value.equals("xml")) {
            return XML;
        }
        return fromMediaType(value).orElseThrow(() ->
                new SpineException(SpineErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported _format: " + format));
    }

    private static ResponseFormat fromAccept(String accept) {
        for (String range : accept.split(",")) {
            String type = range.trim();
            if (type.startsWith("*/*") || type.startsWith("application/*")) {
                return JSON;
            }
            java.util.Optional<ResponseFormat> format = fromMediaType(type);
            if (format.isPresent()) {
                return format.get();
            }
        }
        throw new SpineException(SpineErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported Accept: " + accept);
    }

    private static java.util.Optional<ResponseFormat> fromMediaType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        String type = (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/fhir+json", "application/json", "application/json+fhir" -> java.util.Optional.of(JSON);
            case "application/fhir+xml", "application/xml", "application/xml+fhir", "text/xml" -> java.util.Optional.of(XML);
            default -> java.util.Optional.empty();
        };
    }
}
