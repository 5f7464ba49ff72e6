package org.gpconnect.fhir.interaction;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.gpconnect.fhir.interaction.Capability.*;

/**
 * Every GP Connect interaction of 1.6.2 (and 0.7.4 for Access Record: HTML), from
 * integration_interaction_ids.md and each use-case page. The one table that ties an interaction ID
 * to its verb, path, capability and scope.
 */
public final class InteractionCatalogue {
    private static final String P = "urn:nhs:names:services:gpconnect:";
    private static final String PATIENT_READ = "patient/*.read";
    private static final String PATIENT_WRITE = "patient/*.write";
    private static final String ORG_READ = "organization/*.read";

    public static final String METADATA = P + "fhir:rest:read:metadata-1";
    public static final String READ_PATIENT = P + "fhir:rest:read:patient-1";
    public static final String SEARCH_PATIENT = P + "fhir:rest:search:patient-1";
    public static final String READ_PRACTITIONER = P + "fhir:rest:read:practitioner-1";
    public static final String SEARCH_PRACTITIONER = P + "fhir:rest:search:practitioner-1";
    public static final String READ_ORGANIZATION = P + "fhir:rest:read:organization-1";
    public static final String SEARCH_ORGANIZATION = P + "fhir:rest:search:organization-1";
    public static final String READ_LOCATION = P + "fhir:rest:read:location-1";
    public static final String REGISTER_PATIENT = P + "fhir:operation:gpc.registerpatient-1";
    public static final String SEARCH_SLOTS = P + "fhir:rest:search:slot-1";
    public static final String READ_APPOINTMENT = P + "fhir:rest:read:appointment-1";
    public static final String BOOK_APPOINTMENT = P + "fhir:rest:create:appointment-1";
    public static final String AMEND_APPOINTMENT = P + "fhir:rest:update:appointment-1";
    public static final String CANCEL_APPOINTMENT = P + "fhir:rest:cancel:appointment-1";
    public static final String PATIENT_APPOINTMENTS = P + "fhir:rest:search:patient_appointments-1";
    public static final String GET_STRUCTURED_RECORD = P + "fhir:operation:gpc.getstructuredrecord-1";
    public static final String MIGRATE_STRUCTURED_RECORD = P + "fhir:operation:gpc.migratestructuredrecord-1";
    public static final String STRUCTURED_METADATA = P + "structured:fhir:rest:read:metadata-1";
    public static final String DOCUMENTS_METADATA = P + "documents:fhir:rest:read:metadata-1";
    public static final String DOCUMENTS_SEARCH_PATIENT = P + "documents:fhir:rest:search:patient-1";
    public static final String SEARCH_DOCUMENTS = P + "documents:fhir:rest:search:documentreference-1";
    public static final String RETRIEVE_DOCUMENT = P + "documents:fhir:rest:read:binary-1";
    public static final String MIGRATE_DOCUMENT = P + "documents:fhir:rest:migrate:binary-1";
    public static final String HTML_METADATA = P + "fhir:rest:read:metadata";
    public static final String GET_CARE_RECORD = P + "fhir:operation:gpc.getcarerecord";

    private static final Map<String, Interaction> BY_ID = new LinkedHashMap<>();

    static {
        add(METADATA, FOUNDATIONS, "GET", "/metadata", ORG_READ, false);
        add(READ_PATIENT, FOUNDATIONS, "GET", "/Patient/{id}", PATIENT_READ, false);
        add(SEARCH_PATIENT, FOUNDATIONS, "GET", "/Patient", PATIENT_READ, false);
        add(READ_PRACTITIONER, FOUNDATIONS, "GET", "/Practitioner/{id}", ORG_READ, false);
        add(SEARCH_PRACTITIONER, FOUNDATIONS, "GET", "/Practitioner", ORG_READ, false);
        add(READ_ORGANIZATION, FOUNDATIONS, "GET", "/Organization/{id}", ORG_READ, false);
        add(SEARCH_ORGANIZATION, FOUNDATIONS, "GET", "/Organization", ORG_READ, false);
        add(READ_LOCATION, FOUNDATIONS, "GET", "/Location/{id}", ORG_READ, false);
        add(REGISTER_PATIENT, FOUNDATIONS, "POST", "/Patient/$gpc.registerpatient", PATIENT_WRITE, false);
        add(SEARCH_SLOTS, APPOINTMENTS, "GET", "/Slot", ORG_READ, false);
        add(READ_APPOINTMENT, APPOINTMENTS, "GET", "/Appointment/{id}", PATIENT_READ, false);
        add(BOOK_APPOINTMENT, APPOINTMENTS, "POST", "/Appointment", PATIENT_WRITE, false);
        add(AMEND_APPOINTMENT, APPOINTMENTS, "PUT", "/Appointment/{id}", PATIENT_WRITE, false);
        add(CANCEL_APPOINTMENT, APPOINTMENTS, "PUT", "/Appointment/{id}", PATIENT_WRITE, false);
        add(PATIENT_APPOINTMENTS, APPOINTMENTS, "GET", "/Patient/{id}/Appointment", PATIENT_READ, false);
        add(STRUCTURED_METADATA, STRUCTURED, "GET", "/metadata", ORG_READ, false);
        add(GET_STRUCTURED_RECORD, STRUCTURED, "POST", "/Patient/$gpc.getstructuredrecord", PATIENT_READ, false);
        add(MIGRATE_STRUCTURED_RECORD, STRUCTURED, "POST", "/Patient/$gpc.migratestructuredrecord", PATIENT_READ, true);
        add(DOCUMENTS_METADATA, DOCUMENTS, "GET", "/metadata", null, false);
        add(DOCUMENTS_SEARCH_PATIENT, DOCUMENTS, "GET", "/Patient", PATIENT_READ, false);
        add(SEARCH_DOCUMENTS, DOCUMENTS, "GET", "/Patient/{id}/DocumentReference", PATIENT_READ, false);
        add(RETRIEVE_DOCUMENT, DOCUMENTS, "GET", "/Binary/{id}", PATIENT_READ, false);
        add(MIGRATE_DOCUMENT, DOCUMENTS, "GET", "/Binary/{id}", PATIENT_READ, true);
        add(HTML_METADATA, HTML, "GET", "/metadata", ORG_READ, false);
        add(GET_CARE_RECORD, HTML, "POST", "/Patient/$gpc.getcarerecord", PATIENT_READ, false);
    }

    private static void add(String id, Capability capability, String verb, String path, String scope, boolean migration) {
        BY_ID.put(id, new Interaction(id, capability, verb, path, scope, migration));
    }

    private InteractionCatalogue() {}

    public static Optional<Interaction> byId(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    /**
     * The Foundations capability statement is always served, and record migration is for GP2GP-style
     * transfer, which the spec exempts from the practice's enablement switches.
     */
    public static boolean ignoresEnablement(Interaction interaction) {
        return interaction.id().equals(METADATA) || interaction.migration();
    }

    public static Collection<Interaction> all() {
        return List.copyOf(BY_ID.values());
    }
}
