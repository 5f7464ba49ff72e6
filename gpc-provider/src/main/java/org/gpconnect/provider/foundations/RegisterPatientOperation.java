package org.gpconnect.provider.foundations;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import org.gpconnect.provider.capability.StoredResources;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Patient;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Register a patient ({@code POST /Patient/$gpc.registerpatient}): a temporary registration so
 * that another organisation can book for the patient. HAPI hands over the body unparsed
 * (manualRequest) because every way a body can be wrong has its own Spine code.
 */
public class RegisterPatientOperation {
    private final TemporaryRegistration registration;
    private final StoredResources resources;
    private final FhirContext fhir;

    RegisterPatientOperation(TemporaryRegistration registration, StoredResources resources, FhirContext fhir) {
        this.registration = registration;
        this.resources = resources;
        this.fhir = fhir;
    }

    /** 200 (not 201) with a searchset Bundle holding the registered patient, as the spec's response. */
    @Operation(name = "$gpc.registerpatient", type = Patient.class, idempotent = false, manualRequest = true)
    public Bundle register(HttpServletRequest servletRequest, RequestDetails details) {
        GpConnectRequest context = GpConnectRequest.of(servletRequest);
        String body = new String(details.loadRequestContents(), StandardCharsets.UTF_8);
        Patient submitted = RegisterPatientParameters.read(fhir, body, servletRequest.getContentType());
        RegistrationRequest request = RegistrationRequest.of(submitted);
        context.patient(request.nhsNumber());
        TemporaryRegistration.Registered registered = registration.register(context.practice(), request);
        // provenance: the audit record of this request (who, from where, when, which interaction) names what it wrote
        context.detail((registered.reactivated() ? "Re-activated as temporary" : "Registered as temporary")
                + " Patient/" + registered.patient().id() + "/_history/" + registered.patient().versionId());
        return resources.searchset(List.of(resources.parse(registered.patient(), Patient.class)));
    }
}
