package org.gpconnect.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The few elements of a stored resource that select and link it in a structured record
 * (statuses, dates, intent, references between items, codes, problem links), as flat key/value
 * pairs. Written beside the JSON when a resource is saved, one "key TAB value" line each, so a
 * request reads a short text per item and splits it instead of parsing the whole resource (or a
 * JSON tree of it: that cost a third of a 3,000-item record's time). Keys are the FHIR element
 * names, dotted for a period's start and end; a repeating element has a line per value.
 */
public final class FilterFields {
    /** Single-valued elements kept as their text. */
    private static final List<String> SCALARS = List.of("resourceType", "status", "clinicalStatus", "intent", "notGiven",
            "authoredOn", "issued", "date", "assertedDate", "onsetDateTime", "effectiveDateTime", "occurrenceDateTime");
    /** Periods kept as {@code name.start} and {@code name.end}. */
    private static final List<String> PERIODS = List.of("effectivePeriod", "occurrencePeriod", "period");
    /** The extensions read, by the key they are kept under. */
    private static final Map<String, String> EXTENSIONS = Map.of(
            "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-ProblemSignificance-1", "significance",
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescribingAgency-1", "prescribingAgency",
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-PrescriptionType-1", "prescriptionType");
    private static final String RELATED_CONTENT = "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedClinicalContent-1";
    private static final String RELATED_PROBLEM = "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-RelatedProblemHeader-1";
    private static final FilterFields NONE = new FilterFields(new String[0]);

    /** key, value, key, value, ... in the order written. */
    private final String[] pairs;

    private FilterFields(String[] pairs) {
        this.pairs = pairs;
    }

    /** The first value of the key, or null. */
    public String get(String key) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(key)) {
                return pairs[i + 1];
            }
        }
        return null;
    }

    public boolean is(String key, String value) {
        return value.equals(get(key));
    }

    /** Every value of the key, in order. */
    public List<String> all(String key) {
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(key)) {
                values.add(pairs[i + 1]);
            }
        }
        return values;
    }

    /** The stored form. */
    public String text() {
        StringBuilder text = new StringBuilder(pairs.length * 16);
        for (int i = 0; i < pairs.length; i += 2) {
            text.append(pairs[i]).append('\t').append(pairs[i + 1]).append('\n');
        }
        return text.toString();
    }

    public static FilterFields parse(String text) {
        if (text.isEmpty()) {
            return NONE;
        }
        List<String> pairs = new ArrayList<>(32);
        int start = 0;
        while (start < text.length()) {
            int tab = text.indexOf('\t', start);
            int end = text.indexOf('\n', tab);
            if (tab < 0 || end < 0) {
                throw new IllegalArgumentException("malformed filter fields: " + text);
            }
            pairs.add(text.substring(start, tab));
            pairs.add(text.substring(tab + 1, end));
            start = end + 1;
        }
        return new FilterFields(pairs.toArray(String[]::new));
    }

    /** The filter fields of a resource as read back from its JSON. */
    public static FilterFields of(JsonNode resource) {
        Set<ResourceIndex.Reference> references = new java.util.LinkedHashSet<>();
        ResourceIndex.collectReferences(resource, references, true);
        ResourceIndex.Reference subject = references.stream().filter(r -> r.type().equals("Patient")).findFirst().orElse(null);
        return of(resource, references, "Patient".equals(resource.path("resourceType").asText())
                ? resource.path("id").asText() : subject == null ? null : subject.id());
    }

    /**
     * @param references what the resource references ({@link ResourceIndex})
     * @param patientId  the patient it belongs to: that reference is left out of {@code refs}
     */
    static FilterFields of(JsonNode resource, Set<ResourceIndex.Reference> references, String patientId) {
        List<String> pairs = new ArrayList<>(32);
        for (String name : SCALARS) {
            JsonNode value = resource.get(name);
            if (value != null && value.isValueNode()) {
                add(pairs, name, value.asText());
            }
        }
        for (String name : PERIODS) {
            JsonNode period = resource.path(name);
            text(period.get("start")).ifPresent(v -> add(pairs, name + ".start", v));
            text(period.get("end")).ifPresent(v -> add(pairs, name + ".end", v));
        }
        for (JsonNode basedOn : resource.path("basedOn")) {
            text(basedOn.get("reference")).ifPresent(v -> add(pairs, "basedOn", v));
        }
        text(resource.path("encounter").get("reference")).ifPresent(v -> add(pairs, "encounter", v));
        for (JsonNode result : resource.path("result")) {
            text(result.get("reference")).ifPresent(v -> add(pairs, "result", v));
        }
        for (JsonNode related : resource.path("related")) {
            text(related.path("target").get("reference")).ifPresent(v -> add(pairs, "related", v));
        }
        for (JsonNode entry : resource.path("entry")) {
            text(entry.path("item").get("reference")).ifPresent(v -> add(pairs, "entry", v));
        }
        for (JsonNode coding : resource.path("code").path("coding")) {
            text(coding.get("code")).ifPresent(code -> add(pairs, "code", coding.path("system").asText("") + "|" + code));
        }
        for (JsonNode extension : resource.path("extension")) {
            String url = extension.path("url").asText();
            String key = EXTENSIONS.get(url);
            if (key != null) {
                JsonNode value = extension.has("valueCode") ? extension.get("valueCode")
                        : extension.path("valueCodeableConcept").path("coding").path(0).get("code");
                text(value).ifPresent(v -> add(pairs, key, v));
            } else if (RELATED_CONTENT.equals(url)) {
                text(extension.path("valueReference").get("reference")).ifPresent(v -> add(pairs, "link", v));
            } else if (RELATED_PROBLEM.equals(url)) {
                for (JsonNode part : extension.path("extension")) {
                    if ("target".equals(part.path("url").asText())) {
                        text(part.path("valueReference").get("reference")).ifPresent(v -> add(pairs, "link", v));
                    }
                }
            }
        }
        // every reference as "Type/id", so a Bundle's reference closure needs no query per item
        for (ResourceIndex.Reference reference : references) {
            if (!(reference.type().equals("Patient") && reference.id().equals(patientId))) {
                add(pairs, "refs", reference.type() + "/" + reference.id());
            }
        }
        return new FilterFields(pairs.toArray(String[]::new));
    }

    private static java.util.Optional<String> text(JsonNode node) {
        return node != null && node.isValueNode() ? java.util.Optional.of(node.asText()) : java.util.Optional.empty();
    }

    /** Tabs and line ends cannot occur in the codes, dates and references kept; they are dropped if they do. */
    private static void add(List<String> pairs, String key, String value) {
        pairs.add(key);
        pairs.add(value.replace('\t', ' ').replace('\n', ' '));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FilterFields fields && java.util.Arrays.equals(pairs, fields.pairs);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(pairs);
    }

    @Override
    public String toString() {
        return text();
    }

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
                update.setString(1, of(resource).text());
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
}
