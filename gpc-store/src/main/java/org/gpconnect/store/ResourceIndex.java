package org.gpconnect.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns a stored resource is found by, read from its JSON once when it is written:
 * identifiers, the resources it references, and the patient it belongs to.
 */
public record ResourceIndex(String resourceType, String id, List<Identifier> identifiers,
                            Set<Reference> references, String patientId) {

    public record Identifier(String system, String value) {}

    public record Reference(String type, String id) {}

    static final ObjectMapper JSON = new ObjectMapper();

    public static ResourceIndex of(ObjectNode resource) {
        String type = text(resource, "resourceType");
        String id = text(resource, "id");
        if (type == null || id == null) {
            throw new IllegalArgumentException("a stored resource needs resourceType and id");
        }
        List<Identifier> identifiers = new ArrayList<>();
        for (JsonNode identifier : resource.path("identifier")) {
            String system = text(identifier, "system");
            String value = text(identifier, "value");
            if (system != null && value != null) {
                identifiers.add(new Identifier(system, value));
            }
        }
        Set<Reference> references = new LinkedHashSet<>();
        collectReferences(resource, references, true);
        String patientId = "Patient".equals(type) ? id : references.stream()
                .filter(r -> r.type().equals("Patient")).map(Reference::id).findFirst().orElse(null);
        return new ResourceIndex(type, id, identifiers, references, patientId);
    }

    static void collectReferences(JsonNode node, Set<Reference> into, boolean top) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                // contained resources carry their own references; they belong to the container too
                if (field.getKey().equals("reference") && field.getValue().isTextual()) {
                    String[] parts = field.getValue().asText().split("/");
                    if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                        into.add(new Reference(parts[0], parts[1]));
                    }
                } else {
                    collectReferences(field.getValue(), into, false);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collectReferences(item, into, false);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
