package org.gpconnect.store.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.fhir.interaction.Capability;
import org.gpconnect.store.BinaryStore;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.Practice;
import org.gpconnect.store.RecordWriter;
import org.gpconnect.store.pds.PdsDirectory;
import org.gpconnect.store.pds.PdsRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * Loads a data set written as FHIR JSON files (see docs/dataset.md) into the store, once: on the
 * first start of an empty database. Everything is written in one transaction.
 */
public class DataSetLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DataSetLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NHS_NUMBER = org.gpconnect.fhir.identifier.IdentifierSystem.NHS_NUMBER;
    static final String VERIFICATION = org.gpconnect.fhir.patient.GpcPatient.NHS_NUMBER_VERIFICATION_EXTENSION;
    static final String REGISTRATION = org.gpconnect.fhir.patient.GpcPatient.REGISTRATION_DETAILS_EXTENSION;

    /** Bytes above which a DocumentReference's size in the data set asks for a large generated document (5 MB). */
    static final long LARGE_DOCUMENT = 5L * 1024 * 1024;

    private final GpRecordStore store;

    public DataSetLoader(GpRecordStore store) {
        this.store = store;
    }

    /** Loads the named classpath data set unless it already is; true when it loaded now. */
    public boolean loadOnce(String name) {
        return store.inTransaction(writer -> {
            if (writer.update("UPDATE dataset_load SET name = name WHERE name = ?", name) > 0) {
                return false;
            }
            long started = System.nanoTime();
            String base = "dataset/" + name + "/";
            int resources = 0;
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            Map<String, LocalDate> recentDeaths = new java.util.HashMap<>();
            for (JsonNode practiceNode : read(base + "practices.json")) {
                Practice practice = practice(practiceNode);
                writer.savePractice(practice);
                Map<String, JsonNode> flags = Map.of();
                if (practiceNode.hasNonNull("patientFlags")) {
                    JsonNode flagFile = read(base + practice.odsCode() + "/" + practiceNode.get("patientFlags").asText());
                    flags = JSON.convertValue(flagFile, JSON.getTypeFactory().constructMapType(Map.class, String.class, JsonNode.class));
                }
                for (JsonNode file : practiceNode.path("files")) {
                    for (JsonNode entry : read(base + practice.odsCode() + "/" + file.asText()).path("entry")) {
                        ObjectNode resource = (ObjectNode) entry.get("resource");
                        if ("DocumentReference".equals(resource.path("resourceType").asText())) {
                            storeDocumentContent(writer, practice.odsCode(), resource);
                        }
                        boolean patient = "Patient".equals(resource.path("resourceType").asText());
                        if (patient) {
                            diedRecently(resource, flags.get(resource.get("id").asText()), today, recentDeaths);
                        }
                        writer.save(practice.odsCode(), resource, null);
                        if (patient) {
                            writer.savePatientRecord(practice.odsCode(),
                                    patientRecord(resource, flags.getOrDefault(resource.get("id").asText(), JSON.createObjectNode())));
                        }
                        resources++;
                    }
                }
            }
            for (JsonNode practiceNode : read(base + "practices.json")) {
                markConfidentialItems(writer, practiceNode, base);
                if (practiceNode.hasNonNull("slots")) {
                    PracticeSlots.loadFixed(writer, practiceNode.get("odsCode").asText(),
                            read(base + practiceNode.get("odsCode").asText() + "/" + practiceNode.get("slots").asText()));
                }
            }
            JsonNode pds = readOptional(base + "pds.json");
            if (pds != null) {
                for (JsonNode record : pds) {
                    LocalDate died = recentDeaths.get(record.path("nhsNumber").asText());
                    if (died != null) {
                        ((ObjectNode) record).put("deathDate", died.toString());
                    }
                    PdsDirectory.put(writer, pdsRecord(record));
                }
            }
            writer.update("INSERT INTO dataset_load (name, loaded_at) VALUES (?, ?)", name, Timestamp.from(Instant.now()));
            LOG.info("Loaded data set '{}': {} resources in {} ms", name, resources, (System.nanoTime() - started) / 1_000_000);
            return true;
        });
    }

    /**
     * A patient whose flags say {@code diedDaysBeforeLoad} died that many days before the data set was
     * loaded (Patient.deceasedDateTime, and PDS's death date likewise), so that a recently deceased test
     * patient stays inside the access period after death whatever day the data set is loaded.
     */
    private static void diedRecently(ObjectNode patient, JsonNode flags, LocalDate today, Map<String, LocalDate> recentDeaths) {
        if (flags == null || !flags.hasNonNull("diedDaysBeforeLoad")) {
            return;
        }
        LocalDate died = today.minusDays(flags.get("diedDaysBeforeLoad").asLong());
        patient.put("deceasedDateTime", died + "T14:20:00+00:00");
        for (JsonNode identifier : patient.path("identifier")) {
            recentDeaths.put(identifier.path("value").asText(), died);
        }
    }

    /**
     * Makes the data set's rolling slots for the two weeks from {@code today} (PracticeSlots): run at
     * every start, so the slots the test pack expects are there whatever day it is. Returns the number added.
     */
    public int refreshRollingSlots(String name, LocalDate today) {
        String base = "dataset/" + name + "/";
        return store.inTransaction(writer -> {
            int added = 0;
            for (JsonNode practiceNode : read(base + "practices.json")) {
                if (practiceNode.hasNonNull("slots") && store.practice(practiceNode.get("odsCode").asText()).isPresent()) {
                    added += PracticeSlots.refreshRolling(writer, practiceNode.get("odsCode").asText(),
                            read(base + practiceNode.get("odsCode").asText() + "/" + practiceNode.get("slots").asText()), today);
                }
            }
            return added;
        });
    }

    /**
     * Generates the content of each attachment of a DocumentReference ({@link DocumentContent}), stores
     * it as the Binary its url names, and sets the attachment's size to what was generated. A size over
     * {@link #LARGE_DOCUMENT} in the data set file asks for a (PDF) document at least that large. An
     * attachment without a url is a placeholder for a document the practice does not hold: it keeps its
     * size 0 and gets no content.
     */
    private void storeDocumentContent(RecordWriter writer, String ods, ObjectNode documentReference) throws SQLException {
        for (JsonNode content : documentReference.path("content")) {
            ObjectNode attachment = (ObjectNode) content.get("attachment");
            String url = attachment.path("url").asText("");
            if (!url.startsWith("Binary/")) {
                continue;
            }
            String binaryId = url.substring("Binary/".length());
            String contentType = attachment.path("contentType").asText();
            long requested = attachment.path("size").asLong(0);
            // a document whose writing date is unknown is dated the day the practice filed it
            String dated = documentReference.path("created").asText(documentReference.path("indexed").asText());
            byte[] bytes = DocumentContent.generate(binaryId, contentType, documentReference.path("description").asText(),
                    dated, requested > LARGE_DOCUMENT ? requested : 0);
            new BinaryStore(store).write(writer, ods, binaryId, contentType, new ByteArrayInputStream(bytes));
            attachment.put("size", bytes.length);
        }
    }

    /** The patient-flags file lists, per patient, the items the practice keeps confidential (Type/id). */
    private static void markConfidentialItems(RecordWriter writer, JsonNode practiceNode, String base) throws SQLException {
        if (!practiceNode.hasNonNull("patientFlags")) {
            return;
        }
        String ods = practiceNode.get("odsCode").asText();
        JsonNode flags = read(base + ods + "/" + practiceNode.get("patientFlags").asText());
        for (JsonNode patient : flags) {
            for (JsonNode item : patient.path("confidentialItems")) {
                String[] reference = item.asText().split("/");
                writer.update("INSERT INTO confidential_item (practice_ods, resource_type, id) VALUES (?, ?, ?)",
                        ods, reference[0], reference[1]);
            }
        }
    }

    static Practice practice(JsonNode node) {
        Map<Capability, Boolean> switches = new EnumMap<>(Capability.class);
        node.path("capabilities").fields().forEachRemaining(e -> switches.put(Capability.valueOf(e.getKey()), e.getValue().asBoolean()));
        return new Practice(node.get("odsCode").asText(), node.get("asid").asText(), node.get("organizationId").asText(),
                node.path("gpConnectEnabled").asBoolean(false), switches);
    }

    /** The registration facts the provider filters on, as the Patient resource and the local flags state them. */
    public static PatientRecord patientRecord(JsonNode patient, JsonNode flags) {
        String nhsNumber = null;
        boolean verified = false;
        for (JsonNode identifier : patient.path("identifier")) {
            if (NHS_NUMBER.equals(identifier.path("system").asText())) {
                nhsNumber = identifier.path("value").asText();
                for (JsonNode extension : identifier.path("extension")) {
                    if (VERIFICATION.equals(extension.path("url").asText())) {
                        verified = "01".equals(extension.path("valueCodeableConcept").path("coding").path(0).path("code").asText());
                    }
                }
            }
        }
        if (nhsNumber == null) {
            throw new IllegalArgumentException("Patient/" + patient.path("id").asText() + " has no NHS number");
        }
        String registrationType = null;
        for (JsonNode extension : patient.path("extension")) {
            if (REGISTRATION.equals(extension.path("url").asText())) {
                for (JsonNode part : extension.path("extension")) {
                    if ("registrationType".equals(part.path("url").asText())) {
                        registrationType = part.path("valueCodeableConcept").path("coding").path(0).path("code").asText(null);
                    }
                }
            }
        }
        boolean deceased = patient.hasNonNull("deceasedDateTime") || patient.path("deceasedBoolean").asBoolean(false);
        return new PatientRecord(patient.get("id").asText(), nhsNumber, patient.path("active").asBoolean(true), deceased,
                flags.path("sensitive").asBoolean(false), verified, registrationType,
                flags.path("dissent").asBoolean(false), flags.path("inTransit").asBoolean(false), flags.path("merged").asBoolean(false));
    }

    static PdsRecord pdsRecord(JsonNode r) {
        StringBuilder address = new StringBuilder();
        for (JsonNode line : r.path("address")) {
            address.append(address.isEmpty() ? "" : ", ").append(line.asText());
        }
        return new PdsRecord(r.get("nhsNumber").asText(), r.path("family").asText(null), r.path("given").asText(null),
                r.path("gender").asText(null), date(r, "birthDate"), date(r, "deathDate"),
                r.path("sensitive").asBoolean(false), r.path("superseded").asBoolean(false), r.path("invalid").asBoolean(false),
                address.toString(), r.path("postalCode").asText(null), r.path("gpOdsCode").asText(null));
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.get(field).asText()) : null;
    }

    private static JsonNode read(String path) {
        JsonNode node = readOptional(path);
        if (node == null) {
            throw new IllegalStateException("data set file missing from the classpath: " + path);
        }
        return node;
    }

    private static JsonNode readOptional(String path) {
        try (InputStream in = DataSetLoader.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data set file " + path, e);
        }
    }
}
