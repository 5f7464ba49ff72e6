package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One synthetic patient's record while it is being written: the patient's own random stream (so a
 * patient's content depends only on the seed and its number), the span of years the record covers,
 * and the resources made so far with their deterministic ids and business identifiers.
 */
final class PatientChart {
    static final String RECORD_ITEM_SYSTEM = "https://gpconnect.example.org/Id/record-item";
    static final String PROFILE_BASE = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    /** The GP Connect test practitioners of the default data set who record clinical content. */
    static final List<String> PRACTITIONERS = List.of("1", "2", "3", "5", "6", "7");

    final String patientId;
    final SplittableRandom random;
    final LocalDate birthDate;
    final LocalDate recordStart;
    final LocalDate recordEnd;
    final List<ObjectNode> resources = new ArrayList<>();
    /** The content of the documents among the resources, stored as Binaries beside them. */
    final List<SyntheticRecordGenerator.Document> documents = new ArrayList<>();
    private final Map<String, Integer> counters = new HashMap<>();
    /** The consultation being recorded, if any: items made meanwhile happen on its day and name it. */
    private LocalDate consultationDay;
    private String consultation;
    private java.time.LocalDateTime consultationStart;

    PatientChart(String patientId, SplittableRandom random, LocalDate birthDate, LocalDate recordStart, LocalDate recordEnd) {
        this.patientId = patientId;
        this.random = random;
        this.birthDate = birthDate;
        this.recordStart = recordStart;
        this.recordEnd = recordEnd;
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A new clinical resource with its id, profile and record-item identifier, added to the record. */
    ObjectNode item(String resourceType, String idType, String profile) {
        int n = counters.merge(idType, 1, Integer::sum);
        ObjectNode resource = object();
        resource.put("resourceType", resourceType);
        resource.put("id", patientId + "-" + idType + "-" + n);
        resource.putObject("meta").putArray("profile").add(PROFILE_BASE + profile);
        // STU3 Medication has no identifier element; GP Connect's consultation Lists must not carry one
        if (!"Medication".equals(resourceType) && !"List".equals(resourceType)) {
            ObjectNode identifier = resource.putArray("identifier").addObject();
            identifier.put("system", RECORD_ITEM_SYSTEM);
            identifier.put("value", uuid());
        }
        resources.add(resource);
        return resource;
    }

    /** A version 4 shaped UUID from the patient's stream: globally unique in practice, yet reproducible. */
    String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static String ref(ObjectNode resource) {
        return resource.get("resourceType").asText() + "/" + resource.get("id").asText();
    }

    static ObjectNode reference(String reference) {
        ObjectNode node = object();
        node.put("reference", reference);
        return node;
    }

    ObjectNode patient() {
        return reference("Patient/" + patientId);
    }

    String practitioner() {
        return "Practitioner/" + pick(PRACTITIONERS);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Opens a consultation at a surgery time; returns that start time. */
    java.time.LocalDateTime openConsultation(String encounter, LocalDate day) {
        this.consultation = encounter;
        this.consultationDay = day;
        this.consultationStart = day.atTime(8 + random.nextInt(10), random.nextInt(60));
        return consultationStart;
    }

    void closeConsultation() {
        this.consultation = null;
        this.consultationDay = null;
        this.consultationStart = null;
    }

    /** Names the open consultation (if any) in the given reference element. */
    void linkConsultation(ObjectNode resource, String field) {
        if (consultation != null) {
            resource.set(field, reference(consultation));
        }
    }

    /** A day within the record, from registration (or adulthood) to the record's end; in a consultation, its day. */
    LocalDate day() {
        if (consultationDay != null) {
            return consultationDay;
        }
        long span = recordEnd.toEpochDay() - recordStart.toEpochDay();
        return LocalDate.ofEpochDay(recordStart.toEpochDay() + (span <= 0 ? 0 : random.nextLong(span + 1)));
    }

    LocalDate dayAfter(LocalDate from) {
        long span = recordEnd.toEpochDay() - from.toEpochDay();
        return span <= 0 ? from : from.plusDays(random.nextLong(span + 1));
    }

    double between(double low, double high, int decimals) {
        double value = low + random.nextDouble() * (high - low);
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static ObjectNode concept(Vocabulary.Concept concept) {
        return concept(Vocabulary.SNOMED, concept.code(), concept.display());
    }

    static ObjectNode concept(String system, String code, String display) {
        ObjectNode node = object();
        ObjectNode coding = node.putArray("coding").addObject();
        coding.put("system", system);
        coding.put("code", code);
        coding.put("display", display);
        return node;
    }

    static ObjectNode quantity(double value, String unit) {
        ObjectNode node = object();
        if (value == Math.rint(value)) {
            node.put("value", (long) value);
        } else {
            node.put("value", value);
        }
        node.put("unit", unit);
        node.put("system", "http://unitsofmeasure.org");
        node.put("code", unit);
        return node;
    }

    static ObjectNode extension(ArrayNode extensions, String url) {
        ObjectNode extension = extensions.addObject();
        extension.put("url", url);
        return extension;
    }

    static String instant(java.time.LocalDateTime time) {
        return time.toLocalDate() + "T" + String.format("%02d:%02d:00+00:00", time.getHour(), time.getMinute());
    }

    /** The instant a record entry was made: the clinical date at a surgery time. */
    String recorded(LocalDate day) {
        if (consultationStart != null && day.equals(consultationDay)) {
            return instant(consultationStart.plusMinutes(1 + random.nextInt(10))); // entered during the consultation
        }
        return day + "T" + String.format("%02d:%02d:00+00:00", 8 + random.nextInt(10), random.nextInt(60));
    }
}
