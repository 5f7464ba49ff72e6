package org.gpconnect.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * A projection of a stored resource onto the elements that select and link it in a structured
 * record: the same FHIR paths, everything else left out. Written beside the JSON when a resource
 * is saved, so a request reads a few hundred bytes per item instead of parsing the whole resource.
 */
public final class FilterFields {
    /** Elements kept as they are: statuses, dates and periods, and the references that link items. */
    private static final Set<String> KEPT = Set.of("resourceType", "status", "clinicalStatus", "intent", "notGiven",
            "authoredOn", "issued", "date", "assertedDate", "onsetDateTime", "effectiveDateTime", "effectivePeriod",
            "occurrenceDateTime", "occurrencePeriod", "period", "basedOn", "encounter", "result", "related");
    /** Extensions the filters and linkages read (significance, prescribing, problem links). */
    private static final Set<String> EXTENSIONS = Set.of(
            "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ProblemSignificance-1",
            "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedClinicalContent-1",
            "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedProblemHeader-1",
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescribingAgency-1",
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescriptionType-1");

    private FilterFields() {}

    /** Writes the filter fields of every resource that has none (schema migrations call this). */
    public static void backfill(java.sql.Connection connection) throws java.sql.SQLException {
        try (java.sql.PreparedStatement select = connection.prepareStatement("SELECT practice_ods, resource_type, id, json"
                + " FROM fhir_resource WHERE filter_fields IS NULL");
             java.sql.PreparedStatement update = connection.prepareStatement("UPDATE fhir_resource SET filter_fields = ?"
                     + " WHERE practice_ods = ? AND resource_type = ? AND id = ?");
             java.sql.ResultSet rows = query(select)) {
            int pending = 0;
            while (rows.next()) {
                JsonNode resource;
                try {
                    resource = ResourceIndex.JSON.readTree(rows.getString(4));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new java.sql.SQLException("stored " + rows.getString(2) + "/" + rows.getString(3) + " is not JSON", e);
                }
                update.setString(1, of(resource).toString());
                update.setString(2, rows.getString(1));
                update.setString(3, rows.getString(2));
                update.setString(4, rows.getString(3));
                update.addBatch();
                if (++pending == 500) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }

    /** Streams rather than loads the rows (PostgreSQL fetches a whole result set unless told otherwise). */
    private static java.sql.ResultSet query(java.sql.PreparedStatement select) throws java.sql.SQLException {
        select.setFetchSize(500);
        return select.executeQuery();
    }

    /** The filter fields of a resource as read back from its JSON. */
    public static ObjectNode of(JsonNode resource) {
        java.util.Set<ResourceIndex.Reference> references = new java.util.LinkedHashSet<>();
        ResourceIndex.collectReferences(resource, references, true);
        ResourceIndex.Reference subject = references.stream().filter(r -> r.type().equals("Patient")).findFirst().orElse(null);
        return of(resource, references, "Patient".equals(resource.path("resourceType").asText())
                ? resource.path("id").asText() : subject == null ? null : subject.id());
    }

    /**
     * @param references what the resource references ({@link ResourceIndex})
     * @param patientId  the patient it belongs to: that reference is left out of {@code refs}
     */
    static ObjectNode of(JsonNode resource, java.util.Set<ResourceIndex.Reference> references, String patientId) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        resource.fields().forEachRemaining(field -> {
            if (KEPT.contains(field.getKey())) {
                fields.set(field.getKey(), field.getValue());
            }
        });
        ArrayNode codings = fields.arrayNode();
        for (JsonNode coding : resource.path("code").path("coding")) {
            if (coding.path("code").isTextual()) {
                ObjectNode kept = codings.addObject();
                if (coding.path("system").isTextual()) {
                    kept.set("system", coding.get("system"));
                }
                kept.set("code", coding.get("code"));
            }
        }
        if (!codings.isEmpty()) {
            fields.putObject("code").set("coding", codings);
        }
        ArrayNode extensions = fields.arrayNode();
        for (JsonNode extension : resource.path("extension")) {
            if (EXTENSIONS.contains(extension.path("url").asText())) {
                extensions.add(extension);
            }
        }
        if (!extensions.isEmpty()) {
            fields.set("extension", extensions);
        }
        ArrayNode entries = fields.arrayNode();
        for (JsonNode entry : resource.path("entry")) {
            JsonNode reference = entry.path("item").path("reference");
            if (reference.isTextual()) {
                entries.addObject().putObject("item").set("reference", reference);
            }
        }
        if (!entries.isEmpty()) {
            fields.set("entry", entries);
        }
        // every reference as "Type/id", so a Bundle's reference closure needs no query per item
        ArrayNode refs = fields.arrayNode();
        for (ResourceIndex.Reference reference : references) {
            if (!(reference.type().equals("Patient") && reference.id().equals(patientId))) {
                refs.add(reference.type() + "/" + reference.id());
            }
        }
        if (!refs.isEmpty()) {
            fields.set("refs", refs);
        }
        return fields;
    }
}
