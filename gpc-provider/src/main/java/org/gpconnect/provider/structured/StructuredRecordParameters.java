package org.gpconnect.provider.structured;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.gpconnect.provider.spine.ParametersBody;
import org.hl7.fhir.dstu3.model.Parameters;

/**
 * Reads the body of get or migrate structured record. Strict about structure like every
 * operation body (not well-formed: 400 BAD_REQUEST; unknown elements, not a Parameters: 422
 * INVALID_RESOURCE), but a value that is not valid for its type ("X2014" as a date, "yes" as a
 * boolean) is kept as text: the spec answers those 422 INVALID_PARAMETER with diagnostics naming
 * the parameter, which {@link StructuredRecordRequest#parse} does once it knows which parameter
 * holds the value.
 */
public final class StructuredRecordParameters {
    private StructuredRecordParameters() {}

    public static Parameters read(FhirContext fhir, String body, String contentType) {
        return ParametersBody.read(fhir, body, contentType,
                "The request has no body: it needs a Parameters resource with a patientNHSNumber parameter",
                new ValuesLeftToTheRequest());
    }

    private static final class ValuesLeftToTheRequest extends StrictErrorHandler {
        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            // kept as text for StructuredRecordRequest to reject as INVALID_PARAMETER
        }
    }
}
