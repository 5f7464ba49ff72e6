package org.gpconnect.provider.spine;

import ca.uhn.fhir.context.FhirContext;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors Tomcat raises itself, before any filter runs (a malformed URL or header, a header too
 * large), answered as an OperationOutcome like every other rejection instead of Tomcat's HTML page.
 * Responses that already have a body (everything the gateway answers) are left alone.
 */
public class ContainerErrorValve extends ErrorReportValve {
    private static final FhirContext FHIR = FhirContext.forDstu3Cached();

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
        SpineException error = new SpineException(code, "The request could not be read (HTTP " + status + ")");
        byte[] body = FHIR.newJsonParser().encodeResourceToString(error.getOperationOutcome()).getBytes(StandardCharsets.UTF_8);
        try {
            response.setContentType("application/fhir+json;charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client has gone: nothing more to tell it
        }
    }
}
