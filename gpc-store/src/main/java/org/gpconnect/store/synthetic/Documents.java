package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.store.dataset.DocumentContent;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Documents filed in the record: a DocumentReference shaped like the default data set's (docs/dataset.md,
 * "Conventions") and the content of its Binary. Letters from the hospital trust (Organization/2) are filed
 * a few days after they were written, a tenth of them with no known writing date (no {@code created});
 * referral letters are written by the GP of one of the patient's consultations, named in
 * {@code context.encounter}. None is confidential.
 */
final class Documents {
    static final String PROFILE = "CareConnect-GPC-DocumentReference-1";
    static final String VERSION_SYSTEM = "https://gpconnect.example.org/Id/document-version";
    /**
     * PDFs and images are one template per kind for the whole run: PDFBox takes about 5 ms a letter and an
     * image 15-200 ms, which for a few thousand documents would add a third or more to a 1,000-patient run.
     * A template's text is dated this day, not the document's. RTF letters (0.1 ms) are made per document.
     */
    static final String TEMPLATE_DATE = "2020-01-15T10:00:00+00:00";

    private Documents() {}

    /**
     * How many documents a record holds: Poisson-distributed, from about 1.3 on average for a young
     * patient to 3 for the oldest, plus up to 2.5 for a busy record; at most 8, and never crowding out
     * a small record.
     */
    static int count(PatientChart chart, int target) {
        double age = chart.recordEnd.getYear() - chart.birthDate.getYear();
        double mean = 1.0 + (age - 18) / 40.0 + Math.min(2.5, target / 1000.0);
        double limit = Math.exp(-mean);
        int count = 0;
        for (double p = chart.random.nextDouble(); p > limit; p *= chart.random.nextDouble()) {
            count++;
        }
        return Math.min(Math.min(8, count), target / 4);
    }

    static void add(PatientChart chart) {
        Vocabulary.DocumentKind kind = chart.pick(Vocabulary.DOCUMENTS);
        ObjectNode consultation = kind.internal() ? consultation(chart) : null;
        String created;
        String indexed;
        String author;
        if (consultation != null) {
            // written at the end of the consultation, filed straight away
            LocalDateTime written = time(consultation.path("period").path("end")).plusMinutes(1 + chart.random.nextInt(8));
            created = PatientChart.instant(written);
            indexed = PatientChart.instant(written.plusMinutes(1 + chart.random.nextInt(5)));
            author = consultation.path("participant").path(0).path("individual").path("reference").asText();
        } else {
            LocalDate day = chart.day();
            created = chart.recorded(day);
            indexed = kind.internal() ? created : chart.recorded(day.plusDays(1 + chart.random.nextInt(5)));
            author = kind.internal() ? chart.practitioner() : "Organization/2";
        }
        boolean undated = !kind.internal() && chart.chance(0.1);

        ObjectNode document = chart.item("DocumentReference", "docref", PROFILE);
        String binaryId = document.get("id").asText().replace("-docref-", "-doc-");
        ObjectNode version = document.putObject("masterIdentifier");
        version.put("system", VERSION_SYSTEM);
        version.put("value", chart.uuid());
        document.put("status", "current");
        document.set("type", PatientChart.concept(kind.type()));
        document.set("subject", chart.patient());
        if (!undated) {
            document.put("created", created);
        }
        document.put("indexed", indexed);
        document.putArray("author").add(PatientChart.reference(author));
        document.set("custodian", PatientChart.reference("Organization/1"));
        document.put("description", kind.description());
        byte[] content = content(binaryId, kind, created);
        ObjectNode attachment = document.putArray("content").addObject().putObject("attachment");
        attachment.put("contentType", kind.contentType());
        attachment.put("url", "Binary/" + binaryId);
        attachment.put("size", content.length);
        if (consultation != null || kind.setting() != null) {
            ObjectNode context = document.putObject("context");
            if (consultation != null) {
                context.set("encounter", PatientChart.reference(PatientChart.ref(consultation)));
            }
            if (kind.setting() != null) {
                context.putObject("practiceSetting").put("text", kind.setting());
            }
        }
        chart.documents.add(new SyntheticRecordGenerator.Document(binaryId, kind.contentType(), content));
    }

    private static byte[] content(String binaryId, Vocabulary.DocumentKind kind, String created) {
        if (kind.contentType().equals("application/rtf")) {
            return DocumentContent.create(binaryId, kind.contentType(), kind.description(), created, 0);
        }
        String template = "syn-template-" + Vocabulary.DOCUMENTS.indexOf(kind);
        return DocumentContent.generate(template, kind.contentType(), kind.description(), TEMPLATE_DATE, 0);
    }

    /** One of the patient's consultations (face to face or not), or null if the record has none yet. */
    private static ObjectNode consultation(PatientChart chart) {
        List<ObjectNode> encounters = chart.resources.stream()
                .filter(r -> r.get("resourceType").asText().equals("Encounter")).toList();
        return encounters.isEmpty() ? null : chart.pick(encounters);
    }

    private static LocalDateTime time(JsonNode instant) {
        return LocalDateTime.parse(instant.asText().substring(0, 19));
    }
}
