package org.gpconnect.provider.spine;

import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.fhir.error.SpineException;

import java.util.regex.Pattern;

/** The four Ssp-* headers every request carries, checked present and well formed. */
final class SpineHeaders {
    static final String TRACE_ID = "Ssp-TraceID";
    static final String FROM = "Ssp-From";
    static final String TO = "Ssp-To";
    static final String INTERACTION_ID = "Ssp-InteractionID";

    /** ASIDs are numeric; 12 digits in practice, but the spec fixes no length. */
    private static final Pattern ASID = Pattern.compile("[0-9]{1,20}");

    private SpineHeaders() {}

    static void read(HttpServletRequest request, GpConnectRequest context) {
        String traceId = single(request, TRACE_ID);
        String from = single(request, FROM);
        String to = single(request, TO);
        String interactionId = single(request, INTERACTION_ID);
        context.headers(traceId, from, to, interactionId);
        require(traceId, TRACE_ID);
        require(from, FROM);
        require(to, TO);
        require(interactionId, INTERACTION_ID);
        if (!ASID.matcher(from).matches()) {
            throw SpineException.badRequest("Ssp-From is not an ASID: " + from);
        }
        if (!ASID.matcher(to).matches()) {
            throw SpineException.badRequest("Ssp-To is not an ASID: " + to);
        }
    }

    private static String single(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null ? null : value.trim();
    }

    private static void require(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw SpineException.badRequest("Missing or empty header " + name);
        }
    }
}
