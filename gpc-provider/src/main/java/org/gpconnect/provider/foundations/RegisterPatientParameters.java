package org.gpconnect.provider.foundations;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.instance.model.api.IBaseResource;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;

/**
 * The body of a register patient request: a Parameters resource whose one registerPatient
 * parameter holds the Patient. A body that is not well-formed JSON or XML is a bad request; one
 * that is well-formed but not valid FHIR STU3 (an unknown element, an unknown resource type) is
 * an invalid resource, which is why the parse is strict and well-formedness is checked first.
 */
final class RegisterPatientParameters {
    static final String PARAMETER = "registerPatient";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final XMLInputFactory XML = xmlFactory();

    private RegisterPatientParameters() {}

    static Patient read(FhirContext fhir, String body, String contentType) {
        if (body == null || body.isBlank()) {
            throw SpineException.badRequest("The request has no body: it needs a Parameters resource with a "
                    + PARAMETER + " parameter");
        }
        boolean xml = isXml(body, contentType);
        checkWellFormed(body, xml);
        IParser parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
        parser.setParserErrorHandler(new StrictErrorHandler());
        IBaseResource resource;
        try {
            resource = parser.parseResource(body);
        } catch (DataFormatException e) {
            throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "The body is not a valid FHIR STU3 resource: " + e.getMessage());
        }
        if (!(resource instanceof Parameters parameters)) {
            throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "The body must be a Parameters resource, not "
                    + fhir.getResourceType(resource));
        }
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

    /** The Content-Type says which; without one, the body's first character does. */
    private static boolean isXml(String body, String contentType) {
        if (contentType != null && !contentType.isBlank()) {
            return contentType.toLowerCase(Locale.ROOT).contains("xml");
        }
        return body.stripLeading().startsWith("<");
    }

    private static void checkWellFormed(String body, boolean xml) {
        try {
            if (xml) {
                XMLStreamReader reader = XML.createXMLStreamReader(new StringReader(body));
                while (reader.hasNext()) {
                    reader.next();
                }
                reader.close();
            } else {
                JSON.readTree(body);
            }
        } catch (XMLStreamException e) {
            throw SpineException.badRequest("The body is not well-formed XML: " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw SpineException.badRequest("The body is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    /** No DTDs or external entities: a request body must never make the server fetch or expand anything. */
    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
