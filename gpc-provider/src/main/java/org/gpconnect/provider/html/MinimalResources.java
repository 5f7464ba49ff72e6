package org.gpconnect.provider.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.store.StoredResource;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The minimal structured content a care record carries beside its HTML (Patient, Practitioner,
 * Organization), written as the 0.7.2 DSTU2 profiles have them from the same stored STU3 resources the
 * structured record shares: so both views name the patient, GP and practice alike. DSTU2 differs from
 * STU3 where it matters here: HumanName.family is a list, Practitioner.name is single and carries its
 * roles (practitionerRole), Patient.careProvider is the usual GP, and the identifier systems are the
 * older fhir.nhs.net ones.
 */
final class MinimalResources {
    static final String PROFILE_BASE = "http://fhir.nhs.net/StructureDefinition/";
    private static final String SDS_JOB_ROLE = "http://fhir.nhs.net/ValueSet/sds-job-role-name-1";
    private static final String STU3 = "https://fhir.nhs.uk/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MinimalResources() {}

    /**
     * @param reference turns a relative reference ("Practitioner/1") into the entry's fullUrl, as a
     *                  consumer follows references within the Bundle by fullUrl
     */
    static ObjectNode patient(StoredResource stored, UnaryOperator<String> reference) {
        JsonNode source = read(stored);
        ObjectNode patient = resource("Patient", stored, "gpconnect-patient-1");
        identifiers(source, patient);
        ArrayNode names = patient.putArray("name");
        // gpconnect-patient-1 allows one given name: the forenames, space separated
        source.path("name").forEach(name -> names.add(joinGiven(name(name))));
        copy(source, patient, "telecom");
        copy(source, patient, "gender");
        copy(source, patient, "birthDate");
        copy(source, patient, "deceasedDateTime");
        copy(source, patient, "deceasedBoolean");
        copy(source, patient, "address");
        // gpconnect-patient-1 allows one careProvider: the usual GP
        for (JsonNode gp : source.path("generalPractitioner")) {
            String target = gp.path("reference").asText();
            if (target.startsWith("Practitioner/")) {
                patient.putArray("careProvider").addObject().put("reference", reference.apply(target));
                break;
            }
        }
        String organization = source.path("managingOrganization").path("reference").asText(null);
        if (organization != null) {
            patient.putObject("managingOrganization").put("reference", reference.apply(organization));
        }
        return patient;
    }

    /** A Practitioner with its SDS identifiers and, from its PractitionerRoles, its job roles at organisations. */
    static ObjectNode practitioner(StoredResource stored, List<StoredResource> roles, UnaryOperator<String> reference) {
        JsonNode source = read(stored);
        ObjectNode practitioner = resource("Practitioner", stored, "gpconnect-practitioner-1");
        identifiers(source, practitioner);
        JsonNode name = source.path("name").path(0);
        if (!name.isMissingNode()) {
            practitioner.set("name", name(name));
        }
        copy(source, practitioner, "gender");
        ArrayNode practitionerRoles = JSON.createArrayNode();
        for (StoredResource storedRole : roles) {
            JsonNode role = read(storedRole);
            ObjectNode practitionerRole = practitionerRoles.addObject();
            String organization = role.path("organization").path("reference").asText(null);
            if (organization != null) {
                practitionerRole.putObject("managingOrganization").put("reference", reference.apply(organization));
            }
            JsonNode coding = role.path("code").path(0).path("coding").path(0);
            if (!coding.isMissingNode()) {
                practitionerRole.putObject("role").putArray("coding").addObject().put("system", SDS_JOB_ROLE)
                        .put("code", coding.path("code").asText()).put("display", coding.path("display").asText());
            }
        }
        if (!practitionerRoles.isEmpty()) {
            practitioner.set("practitionerRole", practitionerRoles);
        }
        return practitioner;
    }

    static ObjectNode organization(StoredResource stored) {
        JsonNode source = read(stored);
        ObjectNode organization = resource("Organization", stored, "gpconnect-organization-1");
        identifiers(source, organization);
        copy(source, organization, "name");
        copy(source, organization, "telecom");
        copy(source, organization, "address");
        return organization;
    }

    /** The system that wrote the Composition (gpconnect-device-1, whose type is fixed). */
    static ObjectNode device(String id, String version) {
        ObjectNode device = JSON.createObjectNode().put("resourceType", "Device").put("id", id);
        device.putObject("meta").put("versionId", "1").putArray("profile").add(PROFILE_BASE + "gpconnect-device-1");
        device.putArray("identifier").addObject().put("value", "gpconnect-provider");
        device.putObject("type").putArray("coding").addObject().put("system", "http://snomed.info/sct").put("code", "462240000")
                .put("display", "Patient health record information system (physical object)");
        device.put("manufacturer", "gpconnect").put("model", "gpconnect provider").put("version", version);
        return device;
    }

    private static ObjectNode resource(String type, StoredResource stored, String profile) {
        ObjectNode resource = JSON.createObjectNode().put("resourceType", type).put("id", stored.id());
        resource.putObject("meta").put("versionId", String.valueOf(stored.versionId()))
                .putArray("profile").add(PROFILE_BASE + profile);
        return resource;
    }

    /** DSTU2 HumanName: family is a list. */
    private static ObjectNode name(JsonNode stu3) {
        ObjectNode name = JSON.createObjectNode();
        copy(stu3, name, "use");
        copy(stu3, name, "text");
        if (stu3.hasNonNull("family")) {
            name.putArray("family").add(stu3.get("family").asText());
        }
        copy(stu3, name, "given");
        copy(stu3, name, "prefix");
        copy(stu3, name, "suffix");
        return name;
    }

    private static ObjectNode joinGiven(ObjectNode name) {
        JsonNode given = name.path("given");
        if (given.size() > 1) {
            List<String> forenames = new java.util.ArrayList<>();
            given.forEach(forename -> forenames.add(forename.asText()));
            name.putArray("given").add(String.join(" ", forenames));
        }
        return name;
    }

    private static void identifiers(JsonNode source, ObjectNode target) {
        ArrayNode identifiers = target.putArray("identifier");
        for (JsonNode identifier : source.path("identifier")) {
            identifiers.addObject().put("system", dstu2System(identifier.path("system").asText()))
                    .put("value", identifier.path("value").asText());
        }
    }

    /** https://fhir.nhs.uk/Id/nhs-number of 1.x is http://fhir.nhs.net/Id/nhs-number in 0.x. */
    private static String dstu2System(String stu3System) {
        return stu3System.startsWith(STU3 + "Id/") ? "http://fhir.nhs.net/Id/" + stu3System.substring((STU3 + "Id/").length()) : stu3System;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field).deepCopy());
        }
    }

    private static JsonNode read(StoredResource stored) {
        try {
            return JSON.readTree(stored.json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("stored " + stored.reference() + " is not JSON", e);
        }
    }
}
