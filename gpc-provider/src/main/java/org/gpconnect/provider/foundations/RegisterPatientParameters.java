package org.gpconnect.provider.foundations;

import ca.uhn.fhir.context.FhirContext;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.capability.ParametersBody;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Patient;

import java.util.List;

/**
 * The body of a register patient request: a Parameters resource whose one registerPatient
 * parameter holds the Patient. A body that is not well-formed JSON or XML is a bad request; one
 * that is well-formed but not valid FHIR STU3 (an unknown element, an unknown resource type) is
 * an invalid resource, which is why the parse is strict and well-formedness is checked first.
 */
final class RegisterPatientParameters {
    static final String PARAMETER = "registerPatient";

    private RegisterPatientParameters() {}

    static Patient read(FhirContext fhir, String body, String contentType) {
        // a malformed body is a bad request here; the test suite expects it (structured says otherwise)
        return patient(ParametersBody.read(fhir, body, contentType, SpineErrorCode.BAD_REQUEST));
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
