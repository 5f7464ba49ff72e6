package org.gpconnect.provider.html;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.jwt.JwtClaims;
import org.gpconnect.provider.html.view.CareRecordViews;
import org.gpconnect.provider.html.view.SectionRequest;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientResources;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * {@code POST [base]/Patient/$gpc.getcarerecord} (Access Record: HTML 0.7.4): one section of the patient's
 * care record, rendered as XHTML from the same store as the structured record, in a DSTU2 Bundle. Answered
 * beside HAPI (ADR 0008): the Bundle is written as JSON from the start, and XML only by way of HAPI's
 * DSTU2 parser.
 */
public final class CareRecordOperation implements StreamedInteraction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PRACTICE_ZONE = ZoneId.of("Europe/London");

    private final GpRecordStore store;
    private final CareRecordRequestReader reader;
    private final CareRecordPatients patients;
    private final CareRecordViews views;
    private final CareRecordBundle bundles;
    private final FhirContext dstu2;
    private final Clock clock;

    public CareRecordOperation(GpRecordStore store, CareRecordPatients patients, CareRecordViews views, FhirContext dstu2,
                               String softwareVersion, Clock clock) {
        this.store = store;
        this.reader = new CareRecordRequestReader(dstu2);
        this.patients = patients;
        this.views = views;
        this.bundles = new CareRecordBundle(softwareVersion);
        this.dstu2 = dstu2;
        this.clock = clock;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context, ResponseFormat format)
            throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        CareRecordRequest careRecord = reader.read(body, request.getContentType());
        context.patient(careRecord.nhsNumber());
        String requested = context.party().requestedRecord();
        if (!(JwtClaims.DSTU2_NHS_NUMBER + "|" + careRecord.nhsNumber()).equals(requested)) {
            throw SpineException.badRequest("The JWT requested_record (" + requested + ") is not the patient whose record is asked for");
        }
        String ods = context.root().odsCode();
        GpRecordStore.PatientWithResource patient = patients.find(ods, careRecord.nhsNumber());
        PatientResources record = store.resourcesOf(ods, patient.record().id());
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        // "the last 12 months" and default time frames count from the practice's day
        String html = views.render(new SectionRequest(careRecord.section(), patient.record(), patient.resource(), record,
                careRecord.period(), LocalDate.ofInstant(now.toInstant(), PRACTICE_ZONE)));
        ObjectNode bundle = bundles.build(context.baseUrl(), context.traceId(), patient.resource(), store.directory(ods),
                careRecord.section(), html, now);
        byte[] bytes = format.isXml()
                ? dstu2.newXmlParser().encodeResourceToString(dstu2.newJsonParser().parseResource(JSON.writeValueAsString(bundle)))
                        .getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(bundle);
        response.setStatus(200);
        response.setContentType(format.mediaType() + ";charset=utf-8");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
