package org.gpconnect.provider.spine;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from exception to Spine code and status, for anything raised inside HAPI: our own
 * rejections pass as they are, HAPI's own errors never reach a consumer in HAPI's words.
 */
@Interceptor
public class SpineErrorInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(SpineErrorInterceptor.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException toSpineError(RequestDetails details, Throwable thrown, HttpServletRequest request) {
        SpineException error = map(details, thrown);
        GpConnectRequest.of(request).failed(error.code(), error.diagnostics());
        return error;
    }

    /**
     * GPConnect-Searchset-Bundle-1 forbids Bundle.link, which HAPI adds to every search response;
     * the rule is the profile's, so it is applied here once rather than in each search.
     */
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void shapeSearchset(ca.uhn.fhir.rest.api.server.ResponseDetails response) {
        if (response.getResponseResource() instanceof org.hl7.fhir.dstu3.model.Bundle bundle
                && bundle.getType() == org.hl7.fhir.dstu3.model.Bundle.BundleType.SEARCHSET) {
            bundle.getLink().clear();
        }
    }

    static SpineException map(RequestDetails details, Throwable thrown) {
        if (thrown instanceof SpineException spine) {
            return spine;
        }
        if (thrown instanceof ResourceNotFoundException) {
            String type = details == null ? null : details.getResourceName();
            SpineErrorCode code = notFoundCode(type);
            return new SpineException(code, (type == null ? "Resource" : type) + " not found");
        }
        if (thrown instanceof UnprocessableEntityException) {
            return new SpineException(SpineErrorCode.INVALID_RESOURCE, thrown.getMessage());
        }
        if (thrown instanceof DataFormatException || thrown instanceof InvalidRequestException
                || thrown instanceof MethodNotAllowedException) {
            return SpineException.badRequest(thrown.getMessage());
        }
        if (thrown instanceof NotImplementedOperationException) {
            return new SpineException(SpineErrorCode.NOT_IMPLEMENTED, thrown.getMessage());
        }
        LOG.error("Unexpected failure in a handler", thrown);
        return new SpineException(SpineErrorCode.INTERNAL_SERVER_ERROR, "Unexpected internal server error");
    }

    static SpineErrorCode notFoundCode(String resourceType) {
        if (resourceType == null) {
            return SpineErrorCode.NO_RECORD_FOUND;
        }
        return switch (resourceType) {
            case "Patient" -> SpineErrorCode.PATIENT_NOT_FOUND;
            case "Practitioner" -> SpineErrorCode.PRACTITIONER_NOT_FOUND;
            case "Organization" -> SpineErrorCode.ORGANISATION_NOT_FOUND;
            default -> SpineErrorCode.NO_RECORD_FOUND;
        };
    }
}
