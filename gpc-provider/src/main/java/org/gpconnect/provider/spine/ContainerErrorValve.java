package org.gpconnect.provider.spine;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.gpconnect.fhir.error.OperationOutcomes;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.interaction.FhirRelease;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors Tomcat raises itself, before any filter runs (a malformed URL or header, a header too
 * large), answered as an OperationOutcome like every other rejection instead of Tomcat's HTML page.
 * Responses that already have a body (everything the gateway answers) are left alone.
 */
public class ContainerErrorValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        SpineErrorCode code = status >= 500 ? SpineErrorCode.INTERNAL_SERVER_ERROR
                : status == 404 ? SpineErrorCode.NO_RECORD_FOUND
                : status == 415 ? SpineErrorCode.UNSUPPORTED_MEDIA_TYPE
                : SpineErrorCode.BAD_REQUEST;
        // a path Tomcat could still read names the root, and so the release whose OperationOutcome to send
        FhirRelease release = ServiceRoot.parse(request.getRequestURI()).map(root -> root.kind().release()).orElse(FhirRelease.STU3);
        byte[] body = release.fhirContext().newJsonParser().encodeResourceToString(OperationOutcomes.error(release, code,
                "The request could not be read (HTTP " + status + ")")).getBytes(StandardCharsets.UTF_8);
        try {
            response.setContentType(release.jsonMediaType() + ";charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client has gone: nothing more to tell it
        }
    }
}
