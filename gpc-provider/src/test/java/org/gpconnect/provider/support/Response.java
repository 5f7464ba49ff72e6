package org.gpconnect.provider.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.model.dstu2.composite.CodingDt;
import org.gpconnect.fhir.interaction.FhirRelease;
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

    /**
     * A DSTU2 resource from the 0.x root, parsed strictly by its 0.x content type
     * ({@code application/json+fhir} or {@code application/xml+fhir}).
     */
    public <T extends org.hl7.fhir.instance.model.api.IBaseResource> T dstu2Resource(Class<T> type) {
        String contentType = header("Content-Type");
        FhirRelease dstu2 = FhirRelease.DSTU2;
        boolean xml = contentType != null && contentType.startsWith(dstu2.xmlMediaType());
        if (contentType == null || !(xml || contentType.startsWith(dstu2.jsonMediaType()))) {
            throw new AssertionError("not a 0.x FHIR media type: " + contentType + " body: " + body);
        }
        FhirContext fhir = dstu2.fhirContext();
        IParser parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
        parser.setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler());
        return parser.parseResource(type, body);
    }

    /** The one Spine coding of a 0.x (DSTU2) OperationOutcome. */
    public CodingDt spineError0x() {
        ca.uhn.fhir.model.dstu2.resource.OperationOutcome outcome =
                dstu2Resource(ca.uhn.fhir.model.dstu2.resource.OperationOutcome.class);
        if (outcome.getIssue().size() != 1) {
            throw new AssertionError("an error OperationOutcome has one issue: " + body);
        }
        List<CodingDt> codings = outcome.getIssueFirstRep().getDetails().getCoding();
        if (codings.size() != 1) {
            throw new AssertionError("an OperationOutcome needs exactly one coding: " + body);
        }
        return codings.get(0);
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
