package org.gpconnect.provider.foundations;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.spine.ParametersBody;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Patient;

import java.util.List;

/**
 * The body of a register patient request: a Parameters resource whose one registerPatient
 * parameter holds the Patient. The body is read strictly ({@link ParametersBody}): not
 * well-formed is a bad request, well-formed but not valid FHIR STU3 an invalid resource.
 */
final class RegisterPatientParameters {
    static final String PARAMETER = "registerPatient";

    private RegisterPatientParameters() {}

    static Patient read(FhirContext fhir, String body, String contentType) {
        Parameters parameters = ParametersBody.read(fhir, body, contentType,
                "The request has no body: it needs a Parameters resource with a " + PARAMETER + " parameter",
                new StrictErrorHandler());
        return patient(parameters);
    }

    private static Patient patient(Parameters parameters) {
        List<ParametersParameterComponent> registerPatient = parameters.getParameter().stream()
                .filter(p -> PARAMETER.equals(p.getName())).toList();
        if (registerPatient.size() > 1) {
            throw SpineException.badRequest("Parameters.parameter " + PARAMETER + " may be given once only");
        }
        for (ParametersParameterComponent parameter : parameters.getParameter()) {
            if (!PARAMETER.equals(parameter.getName())) {
                throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "Parameters.parameter " + parameter.getName()
                        + " is not a parameter of gpc.registerpatient (only " + PARAMETER + ")");
            }
        }
        if (registerPatient.isEmpty()) {
            throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "Parameters has no " + PARAMETER + " parameter");
        }
        ParametersParameterComponent parameter = registerPatient.get(0);
        if (!(parameter.getResource() instanceof Patient patient) || parameter.hasValue() || parameter.hasPart()) {
            throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "Parameters.parameter " + PARAMETER
                    + " must hold a Patient resource and nothing else");
        }
        return patient;
    }
}
