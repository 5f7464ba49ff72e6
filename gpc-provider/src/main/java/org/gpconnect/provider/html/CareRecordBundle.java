package org.gpconnect.provider.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.store.PracticeDirectory;
import org.gpconnect.store.StoredResource;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The answer to {@code $gpc.getcarerecord}: a searchset Bundle (gpconnect-searchset-bundle-1) whose first
 * entry is the Composition (gpconnect-carerecord-composition-1) carrying the one section's HTML, then
 * the subject Patient, its usual GP, the organisations they belong to, and the Device that wrote it.
 * Entries have absolute fullUrls and references use them, as the 0.7.4 suite follows references by
 * fullUrl. Written as DSTU2 JSON directly: the section's XHTML goes in as text, never parsed again.
 */
final class CareRecordBundle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String DEVICE_ID = "1";
    /** Seconds always written: OffsetDateTime.toString leaves them out at :00, which FHIR's dateTime does not allow. */
    private static final DateTimeFormatter FHIR_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final String softwareVersion;

    CareRecordBundle(String softwareVersion) {
        this.softwareVersion = softwareVersion;
    }

    /**
     * @param baseUrl   the HTML service root the request came to
     * @param directory the practice's practitioners, roles and organisations
     */
    ObjectNode build(String baseUrl, String traceId, StoredResource patient, PracticeDirectory directory,
                     RecordSection section, String html, OffsetDateTime now) {
        // every reference made becomes an entry, found by its fullUrl
        Set<String> referenced = new LinkedHashSet<>();
        UnaryOperator<String> fullUrl = reference -> {
            referenced.add(reference);
            return baseUrl + "/" + reference;
        };
        ObjectNode patientResource = MinimalResources.patient(patient, fullUrl);
        Map<String, ObjectNode> others = new LinkedHashMap<>();
        for (String reference : List.copyOf(referenced)) {
            if (reference.startsWith("Practitioner/")) {
                directory.find(reference).ifPresent(practitioner -> others.put(reference,
                        MinimalResources.practitioner(practitioner, directory.rolesOf(practitioner.id()), fullUrl)));
            }
        }
        String custodian = patientResource.has("managingOrganization") ? referenced.stream()
                .filter(reference -> reference.startsWith("Organization/")).findFirst().orElse(null) : null;
        for (String reference : referenced) {
            if (reference.startsWith("Organization/")) {
                directory.find(reference).ifPresent(organization -> others.put(reference, MinimalResources.organization(organization)));
            }
        }
        others.put("Device/" + DEVICE_ID, MinimalResources.device(DEVICE_ID, softwareVersion));

        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("id", traceId);
        bundle.putObject("meta").putArray("profile").add(MinimalResources.PROFILE_BASE + "gpconnect-searchset-bundle-1");
        bundle.put("type", "searchset");
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode composition = composition(baseUrl, patient, others.containsKey(custodian) ? custodian : null, section, html, now);
        entry(entries, baseUrl + "/Composition/" + composition.get("id").asText(), composition);
        entry(entries, baseUrl + "/" + patient.reference(), patientResource);
        others.forEach((reference, resource) -> entry(entries, baseUrl + "/" + reference, resource));
        return bundle;
    }

    private ObjectNode composition(String baseUrl, StoredResource patient, String custodian, RecordSection section, String html,
                                   OffsetDateTime now) {
        ObjectNode composition = JSON.createObjectNode().put("resourceType", "Composition").put("id", UUID.randomUUID().toString());
        composition.putObject("meta").put("versionId", "1")
                .putArray("profile").add(MinimalResources.PROFILE_BASE + "gpconnect-carerecord-composition-1");
        composition.put("date", FHIR_DATE_TIME.format(now));
        concept(composition.putObject("type"), SNOMED, "425173008", "record extract (record artifact)");
        concept(composition.putObject("class"), SNOMED, "700232004", "general medical service (qualifier value)");
        composition.put("title", "Patient Care Record").put("status", "final");
        composition.putObject("subject").put("reference", baseUrl + "/" + patient.reference());
        composition.putArray("author").addObject().put("reference", baseUrl + "/Device/" + DEVICE_ID);
        if (custodian != null) {
            composition.putObject("custodian").put("reference", baseUrl + "/" + custodian);
        }
        ObjectNode sectionNode = composition.putArray("section").addObject().put("title", section.display());
        concept(sectionNode.putObject("code"), RecordSection.SYSTEM, section.name(), section.display());
        sectionNode.putObject("text").put("status", "generated").put("div", html);
        return composition;
    }

    private static void concept(ObjectNode concept, String system, String code, String display) {
        concept.putArray("coding").addObject().put("system", system).put("code", code).put("display", display);
        concept.put("text", display);
    }

    private static void entry(ArrayNode entries, String fullUrl, ObjectNode resource) {
        entries.addObject().put("fullUrl", fullUrl).set("resource", resource);
    }
}
