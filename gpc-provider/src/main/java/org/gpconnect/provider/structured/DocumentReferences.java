package org.gpconnect.provider.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Predicate;

/**
 * Documents in a structured record (structured.md §9.6, §11): their DocumentReferences (metadata,
 * never the Binary) come with the items that link to them, and with a migration all of them, their
 * attachments served as {@link org.gpconnect.provider.documents.DocumentAttachments} says. A practice
 * can switch documents off: they are then left out, the references to them say so, and the Bundle's
 * warning names {@link #SWITCH}.
 */
public final class DocumentReferences {
    public static final String TYPE = "DocumentReference";
    /**
     * The Documents clinical-area switch, by the name the spec gives its warning: "Where documents
     * have been switched off 'DocumentReferences' MUST be returned in place of parameter-name"
     * (accessrecord_structured_development_clinical_area_config). There is no include parameter for
     * documents, so the switch is keyed by this name beside includeMedication and the others.
     */
    public static final String SWITCH = "DocumentReferences";
    /** What a reference to a switched-off document says instead ("[Clinical area] items have been disabled"). */
    static final String DISABLED = "Document items have been disabled";

    private DocumentReferences() {}

    /**
     * Replaces, anywhere in the resource, each reference to a DocumentReference that {@code switchedOff}
     * says is left out by the spec's "Document items have been disabled" display (a List entry's item,
     * a problem's relatedClinicalContent, a referral's supportingInfo). Edits the tree it is given.
     *
     * @return whether anything was replaced
     */
    static boolean replaceReferences(JsonNode node, Predicate<String> switchedOff) {
        boolean replaced = false;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode reference = object.get("reference");
            if (reference != null && reference.isTextual() && reference.asText().startsWith(TYPE + "/")
                    && switchedOff.test(reference.asText())) {
                object.remove("reference");
                object.put("display", DISABLED);
                return true;
            }
            for (JsonNode child : object) {
                replaced |= replaceReferences(child, switchedOff);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                replaced |= replaceReferences(child, switchedOff);
            }
        }
        return replaced;
    }
}
