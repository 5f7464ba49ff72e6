package org.gpconnect.fhir.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the three resources a token embeds, checking each is a valid minimal base STU3 resource
 * of the expected type; a failure is 422 INVALID_RESOURCE (the test suite's expectation for a
 * wrong resourceType and for an element the resource does not define).
 *
 * <p>The JSON shape is checked directly instead of with a FHIR parser because this runs on every
 * request; only the elements the audit reads are checked in depth.
 */
final class RequestingResources {
    record Device(String identifier, String model, String version) {}
    record Organization(String odsCode, String name) {}
    record Practitioner(String id, String sdsUserId, String sdsRoleProfileId, String name) {}

    private static final Set<String> DOMAIN_RESOURCE = Set.of("resourceType", "id", "meta", "implicitRules",
            "language", "text", "contained", "extension", "modifierExtension");
    private static final Set<String> DEVICE = with(DOMAIN_RESOURCE, "identifier", "udi", "status", "type",
            "lotNumber", "manufacturer", "manufactureDate", "expirationDate", "model", "version", "patient", "owner",
            "contact", "location", "url", "note", "safety");
    private static final Set<String> ORGANIZATION = with(DOMAIN_RESOURCE, "identifier", "active", "type", "name",
            "alias", "telecom", "address", "partOf", "contact", "endpoint");
    private static final Set<String> PRACTITIONER = with(DOMAIN_RESOURCE, "identifier", "active", "name", "telecom",
            "address", "gender", "birthDate", "photo", "qualification", "communication");
    private static final Set<String> IDENTIFIER = Set.of("id", "extension", "use", "type", "system", "value",
            "period", "assigner");
    private static final Set<String> HUMAN_NAME = Set.of("id", "extension", "use", "text", "family", "given",
            "prefix", "suffix", "period");

    private RequestingResources() {}

    static Device device(JsonNode device) {
        String claim = JwtClaims.REQUESTING_DEVICE;
        checkElements(device, claim, "Device", DEVICE);
        for (JsonNode identifier : identifiers(device, claim)) {
            String system = string(identifier, "system", claim);
            String value = string(identifier, "value", claim);
            if (system != null && value != null) {
                return new Device(system + '|' + value, string(device, "model", claim), string(device, "version", claim));
            }
        }
        throw invalid(claim, "has no identifier with both a system and a value");
    }

    static Organization organization(JsonNode organization) {
        String claim = JwtClaims.REQUESTING_ORGANIZATION;
        checkElements(organization, claim, "Organization", ORGANIZATION);
        String odsCode = null;
        for (JsonNode identifier : identifiers(organization, claim)) {
            String system = string(identifier, "system", claim);
            String value = string(identifier, "value", claim);
            if (odsCode == null && value != null && (JwtClaims.ODS_ORGANIZATION_CODE.equals(system)
                    || JwtClaims.LEGACY_ODS_ORGANIZATION_CODE.equals(system))) {
                odsCode = value;
            }
        }
        if (odsCode == null) {
            throw invalid(claim, "has no identifier with system " + JwtClaims.ODS_ORGANIZATION_CODE);
        }
        return new Organization(odsCode, string(organization, "name", claim));
    }

    static Practitioner practitioner(JsonNode practitioner) {
        String claim = JwtClaims.REQUESTING_PRACTITIONER;
        checkElements(practitioner, claim, "Practitioner", PRACTITIONER);
        String sdsUserId = null;
        String sdsRoleProfileId = null;
        for (JsonNode identifier : identifiers(practitioner, claim)) {
            String system = string(identifier, "system", claim);
            String value = string(identifier, "value", claim);
            if (sdsUserId == null && JwtClaims.SDS_USER_ID.equals(system)) {
                sdsUserId = value;
            } else if (sdsRoleProfileId == null && JwtClaims.SDS_ROLE_PROFILE_ID.equals(system)) {
                sdsRoleProfileId = value;
            }
        }
        if (sdsUserId == null) {
            throw invalid(claim, "has no identifier with system " + JwtClaims.SDS_USER_ID + " and a value (UNK when unknown)");
        }
        return new Practitioner(string(practitioner, "id", claim), sdsUserId, sdsRoleProfileId, name(practitioner, claim));
    }

    /** The resource type, and no element base STU3 does not define (FHIR JSON has no nulls either). */
    private static void checkElements(JsonNode resource, String claim, String resourceType, Set<String> elements) {
        JsonNode type = resource.get("resourceType");
        if (type == null || !type.isTextual() || !resourceType.equals(type.textValue())) {
            throw invalid(claim, "is not a " + resourceType + " resource (resourceType " + type + ")");
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

    /** The first HumanName as an audit trail shows it: text, else prefix, given and family names. */
    private static String name(JsonNode practitioner, String claim) {
        String display = null;
        for (JsonNode name : array(practitioner, "name", claim)) {
            if (!name.isObject()) {
                throw invalid(claim, "has a name that is not an object");
            }
            checkObject(name, claim, "HumanName", HUMAN_NAME);
            StringBuilder parts = new StringBuilder();
            for (JsonNode prefix : strings(name, "prefix", claim)) {
                parts.append(prefix.asText()).append(' ');
            }
            for (JsonNode given : strings(name, "given", claim)) {
                parts.append(given.asText()).append(' ');
            }
            String family = string(name, "family", claim);
            String text = string(name, "text", claim);
            if (family != null) {
                parts.append(family);
            }
            if (display == null) {
                display = text != null ? text : parts.toString().strip();
            }
        }
        return display == null || display.isEmpty() ? null : display;
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

    private static Set<String> with(Set<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
    }
}
