package org.gpconnect.provider.structured;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.pds.PdsDirectory;
import org.gpconnect.store.pds.PdsRecord;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.gpconnect.provider.structured.ParameterName.*;

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
    private final PdsDirectory pds;
    private final FhirContext fhir;
    private final Clock clock;

    public StructuredRecordOperation(GpRecordStore store, PdsDirectory pds, FhirContext fhir, Clock clock) {
        this.store = store;
        this.pds = pds;
        this.fhir = fhir;
        this.clock = clock;
    }

    @Operation(name = "$gpc.getstructuredrecord", type = Patient.class, idempotent = false, manualRequest = true,
            manualResponse = true)
    public void getStructuredRecord(HttpServletRequest request, HttpServletResponse response, RequestDetails details)
            throws IOException {
        GpConnectRequest context = GpConnectRequest.of(request);
        StructuredRecordRequest ask = StructuredRecordRequest.parse(parameters(request, details), LocalDate.now(clock.withZone(UK)));
        context.patient(ask.nhsNumber());
        String ods = context.root().odsCode();
        StructuredRecordAssembly assembly = new StructuredRecordAssembly(store, ods, RecordPatient.find(store, ods, ask.nhsNumber()),
                OffsetDateTime.now(clock.withZone(UK)));
        respond(request, response, context, ask, assembly, store.disabledClinicalAreas(ods));
    }

    /**
     * Migrate structured record ({@code POST /Patient/$gpc.migratestructuredrecord}): the whole
     * record for GP2GP-style transfer, to the practice PDS now names as the patient's, whatever the
     * enablement and clinical-area switches; confidential items only with includeSensitiveInformation
     * (which needs conf/R), labelled NOPAT (structured.md §12).
     */
    @Operation(name = "$gpc.migratestructuredrecord", type = Patient.class, idempotent = false, manualRequest = true,
            manualResponse = true)
    public void migrateStructuredRecord(HttpServletRequest request, HttpServletResponse response, RequestDetails details)
            throws IOException {
        GpConnectRequest context = GpConnectRequest.of(request);
        StructuredRecordRequest ask = StructuredRecordRequest.parseMigration(parameters(request, details),
                LocalDate.now(clock.withZone(UK)), context.party());
        context.patient(ask.nhsNumber());
        String ods = context.root().odsCode();
        GpRecordStore.PatientWithResource patient = RecordPatient.find(store, ods, ask.nhsNumber());
        String registeredAt = pds.retrieve(ask.nhsNumber()).map(PdsRecord::gpOdsCode).orElse(null);
        if (registeredAt == null || !registeredAt.equals(context.party().organisationOdsCode())) {
            throw new SpineException(SpineErrorCode.NO_RELATIONSHIP, "The requesting organisation "
                    + context.party().organisationOdsCode() + " is not the patient's registered practice on PDS");
        }
        StructuredRecordAssembly assembly = new StructuredRecordAssembly(store, ods, patient, OffsetDateTime.now(clock.withZone(UK)));
        if (ask.fullRecord().map(StructuredRecordRequest.FullRecord::includeSensitiveInformation).orElse(false)) {
            assembly.includeConfidential();
        }
        respond(request, response, context, ask, assembly, Set.of());
    }

    private Parameters parameters(HttpServletRequest request, RequestDetails details) {
        return StructuredRecordParameters.read(fhir, new String(details.loadRequestContents(), StandardCharsets.UTF_8),
                request.getContentType());
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context,
                         StructuredRecordRequest ask, StructuredRecordAssembly assembly, Set<String> disabled) throws IOException {
        if (ask.reachesAcrossTheRecord()) {
            assembly.resources().readAll();
        }
        BundleWarnings warnings = new BundleWarnings();
        ask.unrecognisedParameters().forEach(name -> warnings.add(name, "is an unrecognised parameter"));
        assembly.documentsAt(context.rootUrl(ServiceRootKind.DOCUMENTS), ask.migration());
        if (disabled.contains(DocumentReferences.SWITCH)) {
            assembly.switchDocumentsOff();
        }
        area(ask.allergies(), INCLUDE_ALLERGIES, disabled, warnings, a -> AllergiesArea.addTo(assembly, a.includeResolvedAllergies()));
        area(ask.medication(), INCLUDE_MEDICATION, disabled, warnings, a -> MedicationsArea.addTo(assembly, a));
        area(ask.consultations(), INCLUDE_CONSULTATIONS, disabled, warnings, a -> ConsultationsArea.addTo(assembly, a));
        area(ask.problems(), INCLUDE_PROBLEMS, disabled, warnings, a -> ProblemsArea.addTo(assembly, a));
        area(ask.immunisations(), INCLUDE_IMMUNISATIONS, disabled, warnings, a -> SimpleAreas.immunisations(assembly, a));
        area(ask.uncategorisedData(), INCLUDE_UNCATEGORISED_DATA, disabled, warnings, a -> SimpleAreas.uncategorisedData(assembly, a));
        area(ask.investigations(), INCLUDE_INVESTIGATIONS, disabled, warnings, a -> SimpleAreas.investigations(assembly, a));
        area(ask.referrals(), INCLUDE_REFERRALS, disabled, warnings, a -> SimpleAreas.referrals(assembly, a));
        area(ask.diaryEntries(), INCLUDE_DIARY_ENTRIES, disabled, warnings, a -> SimpleAreas.diaryEntries(assembly, a));
        if (ask.migration()) {
            SimpleAreas.documents(assembly);
        }

        StructuredRecordBundle bundle = assembly.write(context.traceId());
        if (assembly.documentsLeftOut()) {
            // a switched-off area that linked items would have brought (clinical_area_config: documents)
            warnings.add(DocumentReferences.SWITCH, "has been disabled");
        }
        warnings.outcome().ifPresent(warning -> bundle.add(fhir, warning));
        write(request, response, bundle);
    }

    /** An area asked for is added unless the practice switched it off (structured.md §11). */
    private static <T> void area(Optional<T> asked, String parameter, Set<String> disabled, BundleWarnings warnings, Consumer<T> add) {
        asked.ifPresent(options -> {
            if (disabled.contains(parameter)) {
                warnings.add(parameter, "has been disabled");
            } else {
                add.accept(options);
            }
        });
    }

    private void write(HttpServletRequest request, HttpServletResponse response, StructuredRecordBundle bundle) throws IOException {
        boolean xml = request.getHeader("Accept").startsWith("application/fhir+xml");
        response.setStatus(200);
        response.setContentType((xml ? "application/fhir+xml" : "application/fhir+json") + ";charset=utf-8");
        if (xml) {
            byte[] body = bundle.xml(fhir).getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } else {
            bundle.writeJson(response.getOutputStream());
        }
    }
}
