package org.gpconnect.provider.structured;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.store.GpRecordStore;
import org.hl7.fhir.dstu3.model.Patient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Get structured record ({@code POST /Patient/$gpc.getstructuredrecord}). The Bundle is written
 * from stored JSON by {@link StructuredRecordBundle} straight to the response, beside HAPI's
 * encoder (DESIGN.md: HAPI's per-request overhead on a large Bundle dwarfs encoding it).
 * Parameters this server does not recognise are ignored with the one warning OperationOutcome the
 * spec asks for (accessrecord_structured_development_version_compatibility).
 */
public class StructuredRecordOperation {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final GpRecordStore store;
    private final FhirContext fhir;
    private final Clock clock;

    public StructuredRecordOperation(GpRecordStore store, FhirContext fhir, Clock clock) {
        this.store = store;
        this.fhir = fhir;
        this.clock = clock;
    }

    @Operation(name = "$gpc.getstructuredrecord", type = Patient.class, idempotent = false, manualRequest = true,
            manualResponse = true)
    public void getStructuredRecord(HttpServletRequest request, HttpServletResponse response, RequestDetails details)
            throws IOException {
        GpConnectRequest context = GpConnectRequest.of(request);
        StructuredRecordRequest ask = StructuredRecordRequest.parse(
                StructuredRecordParameters.read(fhir, new String(details.loadRequestContents(), StandardCharsets.UTF_8),
                        request.getContentType()),
                LocalDate.now(clock.withZone(UK)));
        context.patient(ask.nhsNumber());
        String ods = context.root().odsCode();
        StructuredRecordAssembly assembly = new StructuredRecordAssembly(store, ods, RecordPatient.find(store, ods, ask.nhsNumber()),
                OffsetDateTime.now(clock.withZone(UK)));

        ask.allergies().ifPresent(allergies -> AllergiesArea.addTo(assembly, allergies.includeResolvedAllergies()));
        ask.medication().ifPresent(area -> MedicationsArea.addTo(assembly, area));
        ask.consultations().ifPresent(area -> ConsultationsArea.addTo(assembly, area));
        ask.problems().ifPresent(area -> ProblemsArea.addTo(assembly, area));
        ask.immunisations().ifPresent(area -> SimpleAreas.immunisations(assembly, area));
        ask.uncategorisedData().ifPresent(area -> SimpleAreas.uncategorisedData(assembly, area));
        ask.investigations().ifPresent(area -> SimpleAreas.investigations(assembly, area));
        ask.referrals().ifPresent(area -> SimpleAreas.referrals(assembly, area));
        ask.diaryEntries().ifPresent(area -> SimpleAreas.diaryEntries(assembly, area));

        StructuredRecordBundle bundle = assembly.write(context.traceId());
        ask.warnings().ifPresent(warning -> bundle.add(fhir, warning));
        write(request, response, bundle);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, StructuredRecordBundle bundle) throws IOException {
        boolean xml = request.getHeader("Accept").startsWith("application/fhir+xml");
        byte[] body = (xml ? bundle.xml(fhir) : bundle.json()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType((xml ? "application/fhir+xml" : "application/fhir+json") + ";charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
