package org.gpconnect.provider.spine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.instance.model.api.IBaseResource;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.Locale;

/**
 * The raw body of an operation (a Parameters resource) or of a create or update (the resource itself). A body that is not well-formed JSON or
 * XML is a bad request (400 BAD_REQUEST); one that is well-formed but not valid FHIR STU3 (an
 * unknown element, an unknown resource type) or not a Parameters is an invalid resource (422
 * INVALID_RESOURCE), which is why well-formedness is checked before the parse. The caller's
 * error handler says how strict the parse is.
 */
public final class ParametersBody {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final XMLInputFactory XML = xmlFactory();

    private ParametersBody() {}

    /**
     * @param noBody diagnostics for an empty body, saying what the operation needs
     * @param errors how the parser treats what is well-formed but not valid FHIR; whatever it
     *               throws becomes 422 INVALID_RESOURCE
     */
    public static Parameters read(FhirContext fhir, String body, String contentType, String noBody, IParserErrorHandler errors) {
        return resource(fhir, body, contentType, noBody, errors, Parameters.class);
    }

    /** The same rules for a body that must be one resource of the given type (an Appointment to book). */
    public static <T extends IBaseResource> T resource(FhirContext fhir, String body, String contentType, String noBody,
                                                       IParserErrorHandler errors, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw SpineException.badRequest(noBody);
        }
        boolean xml = isXml(body, contentType);
        checkWellFormed(body, xml);
        IParser parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
        parser.setParserErrorHandler(errors);
        IBaseResource resource;
        try {
            resource = parser.parseResource(body);
        } catch (DataFormatException e) {
            throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "The body is not a valid FHIR STU3 resource: " + e.getMessage());
        }
        if (!type.isInstance(resource)) {
            throw new SpineException(SpineErrorCode.INVALID_RESOURCE, "The body must be a resource of type " + fhir.getResourceType(type)
                    + ", not " + fhir.getResourceType(resource));
        }
        return type.cast(resource);
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
