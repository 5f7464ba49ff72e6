package org.gpconnect.provider.html;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.dstu2.resource.Conformance;
import ca.uhn.fhir.model.dstu2.valueset.ConformanceStatementKindEnum;
import ca.uhn.fhir.model.dstu2.valueset.ConformanceResourceStatusEnum;
import ca.uhn.fhir.model.dstu2.valueset.RestfulConformanceModeEnum;
import ca.uhn.fhir.model.dstu2.valueset.UnknownContentCodeEnum;
import ca.uhn.fhir.model.primitive.DateTimeDt;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.interaction.FhirRelease;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.spine.StreamedInteraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Set;

/**
 * The 0.x root's {@code GET [base]/metadata}: a DSTU2 Conformance (foundations_use_case_get_the_fhir_conformance_profile.md
 * at 0.7.4), built and encoded in JSON and XML once at start-up and written as bytes, since the 0.x root has
 * no HAPI server to answer it. Like the 1.x statements (ADR 0005) it lists {@code gpc.getcarerecord} only
 * when this build serves it; as that is known only once every module exists, {@link #encode} runs when
 * start-up has built them all, before the port opens.
 */
public final class HtmlConformance implements StreamedInteraction {
    public static final String CARE_RECORD_OPERATION = "http://fhir.nhs.net/OperationDefinition/gpconnect-carerecord-operation-1";

    private volatile byte[] json;
    private volatile byte[] xml;

    /** Builds and encodes the statement; also warms the DSTU2 model before the first consumer needs it. */
    void encode(Set<String> implemented, String softwareVersion) {
        Conformance conformance = build(implemented, softwareVersion);
        FhirContext fhir = FhirRelease.DSTU2.fhirContext();
        this.xml = fhir.newXmlParser().encodeResourceToString(conformance).getBytes(StandardCharsets.UTF_8);
        this.json = fhir.newJsonParser().encodeResourceToString(conformance).getBytes(StandardCharsets.UTF_8);
    }

    static Conformance build(Set<String> implemented, String softwareVersion) {
        FhirRelease release = FhirRelease.DSTU2;
        Conformance conformance = new Conformance();
        conformance.setVersion(release.specVersion());
        conformance.setName("GP Connect");
        conformance.setStatus(ConformanceResourceStatusEnum.ACTIVE);
        conformance.setPublisher("gpconnect open-source project");
        conformance.addContact().setName("gpconnect maintainers");
        conformance.setDate(new DateTimeDt(new Date()));
        conformance.setDescription("This server implements the GP Connect API version " + release.specVersion()
                + " (Access Record: HTML)");
        conformance.setCopyright("Copyright NHS Digital 2016");
        conformance.setKind(ConformanceStatementKindEnum.INSTANCE);
        conformance.getSoftware().setName("gpconnect").setVersion(softwareVersion);
        conformance.setFhirVersion(release.fhirVersion());
        conformance.setAcceptUnknown(UnknownContentCodeEnum.UNKNOWN_ELEMENTS_AND_EXTENSIONS);
        conformance.addFormat(release.jsonMediaType());
        conformance.addFormat(release.xmlMediaType());
        Conformance.Rest rest = conformance.addRest();
        rest.setMode(RestfulConformanceModeEnum.SERVER);
        if (implemented.contains(InteractionCatalogue.GET_CARE_RECORD)) {
            rest.addOperation().setName("gpc.getcarerecord").getDefinition().setReference(CARE_RECORD_OPERATION);
        }
        return conformance;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context,
                        ResponseFormat format) throws IOException {
        byte[] body = format.isXml() ? xml : json;
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(format.mediaType() + ";charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
