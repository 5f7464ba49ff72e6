package org.gpconnect.fhir.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;

import java.util.Map;
import java.util.Set;

/**
 * Reads the resources a token embeds, checking each is a valid minimal base resource of the
 * release's FHIR version and of the expected type: an element the resource does not define is 422
 * INVALID_RESOURCE; a wrong resourceType or a missing identifying element is the release's code
 * ({@link JwtRules}: 422 in 1.x, 400 in 0.x, as each test suite expects).
 *
 * <p>The JSON shape is checked directly instead of with a FHIR parser because this runs on every
 * request; only the elements the audit reads are checked in depth.
 */
final class RequestingResources {
    record Device(String identifier, String model, String version) {}
    record Organization(String odsCode, String name) {}
    record Practitioner(String id, String sdsUserId, String sdsRoleProfileId, String name) {}

    private static final Set<String> IDENTIFIER = Set.of("id", "extension", "use", "type", "system", "value",
            "period", "assigner");
    private static final Set<String> PRACTITIONER_ROLE = Set.of("id", "extension", "modifierExtension",
            "managingOrganization", "role", "specialty", "period", "location", "healthcareService");
    private static final Set<String> HUMAN_NAME = Set.of("id", "extension", "use", "text", "family", "given",
            "prefix", "suffix", "period");

    private RequestingResources() {}

    static Device device(JsonNode device, JwtRules rules) {
        String claim = JwtClaims.REQUESTING_DEVICE;
        checkElements(device, claim, "Device", rules.deviceElements, rules);
        for (JsonNode identifier : identifiers(device, claim)) {
            String system = string(identifier, "system", claim);
            String value = string(identifier, "value", claim);
            if (system != null && value != null) {
                return new Device(system + '|' + value, string(device, "model", claim), string(device, "version", claim));
            }
        }
        throw missing(rules, claim, "has no identifier with both a system and a value");
    }

    static Organization organization(JsonNode organization, JwtRules rules) {
        String claim = JwtClaims.REQUESTING_ORGANIZATION;
        checkElements(organization, claim, "Organization", rules.organizationElements, rules);
        String odsCode = null;
        for (JsonNode identifier : identifiers(organization, claim)) {
            String system = string(identifier, "system", claim);
            String value = string(identifier, "value", claim);
            if (odsCode == null && value != null && rules.odsSystems.contains(system)) {
                odsCode = value;
            }
        }
        if (odsCode == null) {
            throw missing(rules, claim, "has no identifier with system " + String.join(" or ", rules.odsSystems));
        }
        return new Organization(odsCode, string(organization, "name", claim));
    }

    static Practitioner practitioner(JsonNode practitioner, JwtRules rules) {
        String claim = JwtClaims.REQUESTING_PRACTITIONER;
        checkElements(practitioner, claim, "Practitioner", rules.practitionerElements, rules);
        String sdsUserId = null;
        String sdsRoleProfileId = null;
        for (JsonNode identifier : identifiers(practitioner, claim)) {
            String system = string(identifier, "system", claim);
            String value = string(identifier, "value", claim);
            if (sdsUserId == null && rules.sdsUserIdSystem.equals(system)) {
                sdsUserId = value;
            } else if (sdsRoleProfileId == null && rules.sdsRoleProfileIdSystem.equals(system)) {
                sdsRoleProfileId = value;
            }
        }
        if (sdsUserId == null) {
            throw missing(rules, claim, "has no identifier with system " + rules.sdsUserIdSystem + " and a value (UNK when unknown)");
        }
        String name;
        if (rules.singlePractitionerName) {
            JsonNode single = practitioner.get("name");
            if (single == null) {
                throw missing(rules, claim, "has no name");
            }
            if (!single.isObject()) {
                throw invalid(claim, "has a name that is not one HumanName object (DSTU2 Practitioner.name is 0..1)");
            }
            name = name(single, claim, true);
            if (!single.has("family") && !single.has("given")) {
                throw missing(rules, claim, "has a name with neither a family nor a given name");
            }
            checkPractitionerRoles(practitioner, claim);
        } else {
            name = null;
            for (JsonNode each : array(practitioner, "name", claim)) {
                if (!each.isObject()) {
                    throw invalid(claim, "has a name that is not an object");
                }
                String display = name(each, claim, false);
                if (name == null) {
                    name = display;
                }
            }
        }
        return new Practitioner(string(practitioner, "id", claim), sdsUserId, sdsRoleProfileId, name);
    }

    /**
     * 0.x's {@code requested_record}: a Patient with an NHS number or an Organization with an ODS code,
     * as {@code system|value}. The NHS number's check digit is the operation's to judge (INVALID_NHS_NUMBER),
     * not the token's.
     */
    static String requestedRecord(JsonNode record, JwtRules rules, boolean patientOnly) {
        String claim = JwtClaims.REQUESTED_RECORD;
        JsonNode type = record.get("resourceType");
        boolean patient = type != null && "Patient".equals(type.textValue());
        boolean organization = !patientOnly && type != null && "Organization".equals(type.textValue());
        if (!patient && !organization) {
            throw new SpineException(rules.wrongResourceType, "JWT " + claim + " claim is not a "
                    + (patientOnly ? "Patient" : "Patient or Organization") + " resource (resourceType " + type + ")");
        }
        checkObject(record, claim, patient ? "Patient" : "Organization",
                patient ? rules.patientElements : rules.organizationElements);
        String system = patient ? JwtClaims.DSTU2_NHS_NUMBER : JwtClaims.DSTU2_ODS_ORGANIZATION_CODE;
        for (JsonNode identifier : identifiers(record, claim)) {
            String value = string(identifier, "value", claim);
            if (system.equals(string(identifier, "system", claim)) && value != null) {
                return system + '|' + value;
            }
        }
        throw missing(rules, claim, "has no identifier with system " + system + " and a value");
    }

    /** DSTU2 practitionerRole: optional (the 0.7.4 page says consumers vary), but objects when present. */
    private static void checkPractitionerRoles(JsonNode practitioner, String claim) {
        for (JsonNode role : array(practitioner, "practitionerRole", claim)) {
            if (!role.isObject()) {
                throw invalid(claim, "has a practitionerRole that is not an object");
            }
            checkObject(role, claim, "Practitioner.practitionerRole", PRACTITIONER_ROLE);
        }
    }

    /** The resource type, and no element the base resource does not define (FHIR JSON has no nulls either). */
    private static void checkElements(JsonNode resource, String claim, String resourceType, Set<String> elements,
                                      JwtRules rules) {
        JsonNode type = resource.get("resourceType");
        if (type == null || !type.isTextual() || !resourceType.equals(type.textValue())) {
            throw new SpineException(rules.wrongResourceType,
                    "JWT " + claim + " claim is not a " + resourceType + " resource (resourceType " + type + ")");
        }
        checkObject(resource, claim, resourceType, elements);
    }

    private static void checkObject(JsonNode object, String claim, String what, Set<String> elements) {
        for (Map.Entry<String, JsonNode> element : object.properties()) {
            String name = element.getKey();
            if (!elements.contains(name) && !(name.startsWith("_") && elements.contains(name.substring(1)))) {
                throw invalid(claim, "has an element " + what + " does not define: " + name);
            }
            if (element.getValue().isNull()) {
                throw invalid(claim, "has a null " + what + "." + name);
            }
        }
    }

    private static Iterable<JsonNode> identifiers(JsonNode resource, String claim) {
        JsonNode identifiers = array(resource, "identifier", claim);
        for (JsonNode identifier : identifiers) {
            if (!identifier.isObject()) {
                throw invalid(claim, "has an identifier that is not an object");
            }
            checkObject(identifier, claim, "Identifier", IDENTIFIER);
        }
        return identifiers;
    }

    /**
     * One HumanName as an audit trail shows it: text, else prefix, given and family names; null when it
     * names no one. In DSTU2 family is an array of strings, in STU3 one string.
     */
    private static String name(JsonNode name, String claim, boolean familyArray) {
        checkObject(name, claim, "HumanName", HUMAN_NAME);
        StringBuilder parts = new StringBuilder();
        for (JsonNode prefix : strings(name, "prefix", claim)) {
            parts.append(prefix.asText()).append(' ');
        }
        for (JsonNode given : strings(name, "given", claim)) {
            parts.append(given.asText()).append(' ');
        }
        if (familyArray) {
            for (JsonNode family : strings(name, "family", claim)) {
                parts.append(family.asText()).append(' ');
            }
        } else {
            String family = string(name, "family", claim);
            if (family != null) {
                parts.append(family);
            }
        }
        String text = string(name, "text", claim);
        String display = text != null ? text : parts.toString().strip();
        return display.isEmpty() ? null : display;
    }

    private static JsonNode array(JsonNode object, String element, String claim) {
        JsonNode array = object.path(element);
        if (array.isMissingNode()) {
            return array;
        }
        if (!array.isArray()) {
            throw invalid(claim, "has " + element + " that is not an array");
        }
        return array;
    }

    private static JsonNode strings(JsonNode object, String element, String claim) {
        JsonNode array = array(object, element, claim);
        for (JsonNode item : array) {
            if (!item.isTextual() || item.asText().isEmpty()) {
                throw invalid(claim, "has " + element + " that is not an array of strings");
            }
        }
        return array;
    }

    /** An optional FHIR string: absent is null; present must be a non-empty JSON string. */
    private static String string(JsonNode object, String element, String claim) {
        JsonNode value = object.get(element);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw invalid(claim, "has " + element + " that is not a non-empty string");
        }
        return value.asText();
    }

    private static SpineException invalid(String claim, String problem) {
        return new SpineException(SpineErrorCode.INVALID_RESOURCE, "JWT " + claim + " claim " + problem);
    }

    /** An element the claim needs to identify someone is absent: the release's code. */
    private static SpineException missing(JwtRules rules, String claim, String problem) {
        return new SpineException(rules.missingElement, "JWT " + claim + " claim " + problem);
    }
}
