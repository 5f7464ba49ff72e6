package org.gpconnect.provider.structured;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A CareConnect-GPC-List-1 of the structured response, built per request (lists are never
 * stored): what it summarises, the references to its items, resources it contains (ended
 * allergies), its warnings, and the spec's empty reason when it has nothing.
 *
 * @param id        null for query lists (the spec says not to populate it) unless another list refers to it
 * @param items     references to the items, e.g. "AllergyIntolerance/a1", or "#a1" for a contained one
 * @param contained JSON of the resources this list contains, each with the local id its "#id" item names
 */
public record ClinicalList(String id, String codeSystem, String code, String display, String title, String patientId,
                           OffsetDateTime date, List<String> items, List<String> contained, List<ListWarning> warnings) {
    public static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-List-1";
    static final String EMPTY_REASON_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-ListEmptyReasonCode-1";
    static final String NOTHING_RECORDED = "Information not available";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds always, and the offset as +00:00 / +01:00 (OffsetDateTime.toString drops ":00" seconds). */
    private static final java.time.format.DateTimeFormatter FHIR_DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    public static ClinicalList primary(PrimaryList list, String patientId, OffsetDateTime date, List<String> items,
                                       List<String> contained, List<ListWarning> warnings) {
        return new ClinicalList(null, PrimaryList.SNOMED, list.code(), list.display(), list.title(), patientId, date,
                items, contained, warnings);
    }

    public boolean empty() {
        return items.isEmpty();
    }

    /** The List as JSON, with the contained resources' stored JSON spliced in unparsed. */
    String json() {
        ObjectNode list = JSON.createObjectNode().put("resourceType", "List");
        if (id != null) {
            list.put("id", id);
        }
        list.putObject("meta").putArray("profile").add(PROFILE);
        if (!contained.isEmpty()) {
            list.putRawValue("contained", new RawValue("[" + String.join(",", contained) + "]"));
        }
        if (!warnings.isEmpty()) {
            ArrayNode extensions = list.putArray("extension");
            for (ListWarning warning : warnings) {
                extensions.addObject().put("url", ListWarning.EXTENSION).put("valueCode", warning.code().value());
            }
        }
        list.put("status", "current").put("mode", "snapshot").put("title", title);
        list.putObject("code").putArray("coding").addObject().put("system", codeSystem).put("code", code).put("display", display);
        list.putObject("subject").put("reference", "Patient/" + patientId);
        list.put("date", FHIR_DATE_TIME.format(date));
        String note = note();
        if (note != null) {
            list.putArray("note").addObject().put("text", note);
        }
        if (!items.isEmpty()) {
            ArrayNode entries = list.putArray("entry");
            for (String item : items) {
                entries.addObject().putObject("item").put("reference", item);
            }
        } else {
            list.putObject("emptyReason").putArray("coding").addObject()
                    .put("system", EMPTY_REASON_SYSTEM).put("code", "no-content-recorded").put("display", "No Content Recorded");
        }
        return list.toString();
    }

    /** Warning texts, and "Information not available" when there is nothing to show. */
    private String note() {
        StringBuilder text = new StringBuilder();
        for (ListWarning warning : warnings) {
            text.append(text.isEmpty() ? "" : " ").append(warning.note());
        }
        if (items.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append(NOTHING_RECORDED);
        }
        return text.isEmpty() ? null : text.toString();
    }
}
