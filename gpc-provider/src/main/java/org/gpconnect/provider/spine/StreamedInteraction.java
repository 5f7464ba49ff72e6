package org.gpconnect.provider.spine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * An interaction that writes its own response, beside HAPI, once the gateway has admitted the request
 * (headers, JWT, interaction, enablement) and before it audits it: for answers HAPI would hold whole in
 * memory (a document of any size) or whose Bundle rules HAPI does not know (Access Document's searchset
 * with absolute fullUrls). A {@link org.gpconnect.fhir.error.SpineException} thrown before the first
 * byte is written becomes the usual OperationOutcome.
 */
@FunctionalInterface
public interface StreamedInteraction {
    void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context, ResponseFormat format)
            throws IOException;
}
