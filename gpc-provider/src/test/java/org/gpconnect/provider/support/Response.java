package org.gpconnect.provider.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.Resource;

import java.util.List;
import java.util.Map;

/** An HTTP answer with what a consumer checks of it: status, headers, the FHIR resource. */
public record Response(int status, Map<String, List<String>> headers, String body) {
    public static final FhirContext FHIR = FhirContext.forDstu3Cached();

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public boolean isXml() {
        String type = header("Content-Type");
        return type != null && type.startsWith("application/fhir+xml");
    }

    /** Parsed strictly by content type, as consumers do: a non-FHIR media type is a failure. */
    public <T extends Resource> T resource(Class<T> type) {
        String contentType = header("Content-Type");
        if (contentType == null || !(contentType.startsWith("application/fhir+json") || contentType.startsWith("application/fhir+xml"))) {
            throw new AssertionError("not a FHIR media type: " + contentType + " body: " + body);
        }
        IParser parser = isXml() ? FHIR.newXmlParser() : FHIR.newJsonParser();
        parser.setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler());
        return parser.parseResource(type, body);
    }

    /** The one Spine coding of an OperationOutcome. */
    public Coding spineError() {
        OperationOutcome outcome = resource(OperationOutcome.class);
        List<Coding> codings = outcome.getIssueFirstRep().getDetails().getCoding();
        if (codings.size() != 1) {
            throw new AssertionError("an OperationOutcome needs exactly one coding: " + body);
        }
        return codings.get(0);
    }

    public String spineCode() {
        return spineError().getCode();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
