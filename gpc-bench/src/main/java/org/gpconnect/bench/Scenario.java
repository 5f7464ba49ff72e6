package org.gpconnect.bench;

import org.gpconnect.fhir.interaction.InteractionCatalogue;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/** What the clients ask for: one GP Connect interaction and the URLs it cycles through. */
enum Scenario {
    PATIENT_SEARCH("patient-search", InteractionCatalogue.SEARCH_PATIENT),
    METADATA("metadata", InteractionCatalogue.METADATA),
    PATIENT_READ("patient-read", InteractionCatalogue.READ_PATIENT),
    /** The full structured record (every clinical area) of each NHS number; --base is the structured root. */
    STRUCTURED_RECORD("structured-record", InteractionCatalogue.GET_STRUCTURED_RECORD),
    /** Search for a patient's documents, with the five includes consumers must send; --base is the documents root. */
    DOCUMENT_SEARCH("document-search", InteractionCatalogue.SEARCH_DOCUMENTS),
    /**
     * Search for free slots over the longest range allowed (today and the 14 days after), with every include,
     * as the practice itself (the searchFilter ODS code is the one in --base) and a GP practice; --base is the
     * Foundations root.
     */
    SLOT_SEARCH("slot-search", InteractionCatalogue.SEARCH_SLOTS),
    /**
     * One care record section (Access Record: HTML 0.7.4) of one patient, the section given by --section;
     * --base is the DSTU2 root.
     */
    CARE_RECORD("care-record", InteractionCatalogue.GET_CARE_RECORD);

    private static final String DOCUMENT_INCLUDES = "_include=DocumentReference:subject:Patient"
            + "&_include=DocumentReference:custodian:Organization&_include=DocumentReference:author:Organization"
            + "&_include=DocumentReference:author:Practitioner&_revinclude:recurse=PractitionerRole:practitioner";
    private static final String SLOT_INCLUDES = "status=free&_include=Slot:schedule&_include:recurse=Schedule:actor:Practitioner"
            + "&_include:recurse=Schedule:actor:Location&_include:recurse=Location:managingOrganization";

    /** Every clinical area of $gpc.getstructuredrecord, with its widest options. */
    private static final String ALL_AREAS = String.join(",",
            "{\"name\":\"includeAllergies\",\"part\":[{\"name\":\"includeResolvedAllergies\",\"valueBoolean\":true}]}",
            "{\"name\":\"includeMedication\"}", "{\"name\":\"includeConsultations\"}", "{\"name\":\"includeProblems\"}",
            "{\"name\":\"includeImmunisations\"}", "{\"name\":\"includeUncategorisedData\"}", "{\"name\":\"includeInvestigations\"}",
            "{\"name\":\"includeReferrals\"}", "{\"name\":\"includeDiaryEntries\"}");

    static final String NHS_NUMBER_SYSTEM = org.gpconnect.fhir.identifier.IdentifierSystem.NHS_NUMBER;

    final String cliName;
    final String interactionId;

    Scenario(String cliName, String interactionId) {
        this.cliName = cliName;
        this.interactionId = interactionId;
    }

    /**
     * The URLs to cycle through. Built once, up front, so the loop measures the provider and not
     * string formatting.
     *
     * @param keys NHS numbers for patient-search, logical ids for patient-read and document-search, the
     *             searchFilter ODS codes for slot-search, ignored for metadata
     */
    List<URI> targets(String base, List<String> keys) {
        return switch (this) {
            case METADATA -> List.of(URI.create(base + "/metadata"));
            // '|' must be sent encoded: it is not a legal URI character and java.net.URI rejects it
            case PATIENT_SEARCH -> keys.stream()
                    .map(nhs -> URI.create(base + "/Patient?identifier=" + NHS_NUMBER_SYSTEM + "%7C" + nhs))
                    .toList();
            case PATIENT_READ -> keys.stream().map(id -> URI.create(base + "/Patient/" + id)).toList();
            case STRUCTURED_RECORD -> keys.stream().map(nhs -> URI.create(base + "/Patient/$gpc.getstructuredrecord")).toList();
            case CARE_RECORD -> keys.stream().map(nhs -> URI.create(base + "/Patient/$gpc.getcarerecord")).toList();
            case DOCUMENT_SEARCH -> keys.stream().map(id -> URI.create(base + "/Patient/" + id + "/DocumentReference?" + DOCUMENT_INCLUDES)).toList();
            case SLOT_SEARCH -> {
                java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
                yield keys.stream().map(ods -> URI.create(base + "/Slot?start=ge" + today + "&end=le" + today.plusDays(14)
                        + "&" + SLOT_INCLUDES + "&searchFilter=" + org.gpconnect.fhir.identifier.IdentifierSystem.ODS_ORGANIZATION_CODE
                        + "%7C" + ods + "&searchFilter=https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1%7Cgp-practice")).toList();
            }
        };
    }

    /**
     * The request body for each target (same order as {@link #targets}), or null for GETs.
     *
     * @param section the care record section code, for care-record
     */
    List<byte[]> bodies(List<String> keys, String section) {
        return switch (this) {
            case STRUCTURED_RECORD -> keys.stream().map(nhs -> ("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"patientNHSNumber\","
                    + "\"valueIdentifier\":{\"system\":\"" + NHS_NUMBER_SYSTEM + "\",\"value\":\"" + nhs + "\"}}," + ALL_AREAS + "]}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
            case CARE_RECORD -> keys.stream().map(nhs -> ("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"patientNHSNumber\","
                    + "\"valueIdentifier\":{\"system\":\"" + org.gpconnect.fhir.jwt.JwtClaims.DSTU2_NHS_NUMBER + "\",\"value\":\"" + nhs + "\"}},"
                    + "{\"name\":\"recordSection\",\"valueCodeableConcept\":{\"coding\":[{\"system\":"
                    + "\"http://fhir.nhs.net/ValueSet/gpconnect-record-section-1\",\"code\":\"" + section + "\"}]}}]}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
            default -> null;
        };
    }

    static Scenario fromCli(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name
                        + "' (patient-search, metadata, patient-read, structured-record, document-search, slot-search, care-record)"));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
