package org.gpconnect.provider.viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpconnect.provider.html.RecordSection;
import org.gpconnect.provider.html.TimePeriod;
import org.gpconnect.provider.html.view.CareRecordViews;
import org.gpconnect.provider.html.view.SectionRequest;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.PatientResources;
import org.gpconnect.store.Practice;
import org.gpconnect.store.StoredResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One patient's care record as a consumer would show it: the patient banner, then each section
 * that has a view in 0.7.4, each exactly the XHTML the provider puts in Composition.section.text.
 * Only the page around the sections (and its stylesheet) is the viewer's own.
 */
final class CareRecordPage {
    static final String PATH = "/_admin/care-record";
    /** Every section with a view in 0.7.4 (INV and PAT have none), in the order a consumer lists them. */
    static final List<RecordSection> VIEWED = List.of(RecordSection.SUM, RecordSection.ENC, RecordSection.CLI,
            RecordSection.PRB, RecordSection.ALL, RecordSection.MED, RecordSection.REF, RecordSection.OBS,
            RecordSection.IMM, RecordSection.ADM);
    private static final Logger LOG = LoggerFactory.getLogger(CareRecordPage.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GpRecordStore store;
    private final CareRecordViews views;
    private final Clock clock;
    private final String stylesheet;

    CareRecordPage(GpRecordStore store, CareRecordViews views, Clock clock) {
        this.store = store;
        this.views = views;
        this.clock = clock;
        this.stylesheet = stylesheet();
    }

    /** The practice a patient id belongs to when the address names none: the first practice that has it. */
    Optional<String> practiceOf(String patientId) {
        return store.practices().stream().map(Practice::odsCode)
                .filter(ods -> store.patient(ods, patientId).isPresent()).findFirst();
    }

    /**
     * The patient's page, or empty when the practice has no such patient.
     *
     * @param base   the viewer's own path (context path included), for links
     * @param period the consumer's time period for the sections that take one, or null
     */
    Optional<String> patient(String odsCode, String patientId, TimePeriod period, String base) {
        Optional<PatientRecord> registration = store.patient(odsCode, patientId);
        Optional<StoredResource> patient = store.read(odsCode, "Patient", patientId);
        if (registration.isEmpty() || patient.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        PatientResources record = store.resourcesOf(odsCode, patientId);
        record.readAll(); // every section reads most of the record: one query rather than one a type
        PatientBanner banner = PatientBanner.of(parse(patient.get()), practiceName(odsCode));
        StringBuilder page = new StringBuilder(32_768);
        head(page, banner.name() + " - care record");
        page.append(navigation(base, odsCode, patientId, period));
        page.append(banner.toXhtml());
        List<String> reasons = notSharable(registration.get());
        if (!reasons.isEmpty()) {
            page.append("<p class=\"viewer-note\">A GP Connect consumer would not be given this record: ")
                    .append(Xhtml.escape(String.join(", ", reasons))).append(".</p>");
        }
        page.append("<main>");
        for (RecordSection section : VIEWED) {
            TimePeriod applied = section.acceptsTimePeriod() ? period : null;
            String xhtml;
            try {
                xhtml = views.render(new SectionRequest(section, registration.get(), patient.get(), record, applied, today));
            } catch (RuntimeException e) {
                // one broken view should not hide the others; no <h1>, so the browser test still notices
                LOG.warn("The {} view failed for patient {} at {}", section, patientId, odsCode, e);
                page.append("<section class=\"record-section render-failure\" id=\"").append(section.name())
                        .append("\"><h2>").append(Xhtml.escape(section.heading())).append(": the view failed</h2><pre>")
                        .append(Xhtml.escape(e.toString())).append("</pre></section>");
                continue;
            }
            page.append("<section class=\"record-section\" id=\"").append(section.name()).append("\">").append(xhtml);
            page.append("</section>");
        }
        return Optional.of(page.append("</main></body></html>").toString());
    }

    /** The practices' patients, each a link to its page. */
    String index(String base) {
        StringBuilder page = new StringBuilder(8_192);
        head(page, "Care record viewer");
        page.append("<nav class=\"viewer-nav\"><strong>Care record viewer</strong></nav><main>");
        List<Practice> practices = store.practices();
        for (Practice practice : practices) {
            String ods = practice.odsCode();
            page.append("<h1>").append(Xhtml.escape(practiceName(ods))).append("</h1><ul class=\"patients\">");
            for (String id : PracticePatients.ids(store, ods)) {
                String name = store.read(ods, "Patient", id).map(CareRecordPage::parse).map(PatientBanner::name).orElse("(no Patient resource)");
                String href = base + (practices.size() == 1 ? "" : "/" + ods) + "/" + id;
                page.append("<li><a href=\"").append(Xhtml.escape(href)).append("\">").append(Xhtml.escape(name))
                        .append("</a> (id ").append(Xhtml.escape(id)).append(")</li>");
            }
            page.append("</ul>");
        }
        return page.append("</main></body></html>").toString();
    }

    /** A page for what the viewer cannot show (unknown patient, bad date). */
    String problem(String title, String detail, String base) {
        StringBuilder page = new StringBuilder(2_048);
        head(page, title);
        page.append("<nav class=\"viewer-nav\"><a href=\"").append(Xhtml.escape(base)).append("\">All patients</a></nav><main><h1>")
                .append(Xhtml.escape(title)).append("</h1><p>").append(Xhtml.escape(detail)).append("</p></main></body></html>");
        return page.toString();
    }

    private void head(StringBuilder page, String title) {
        // XHTML syntax served as HTML: browsers read it, and an XML parser can check it
        page.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(Xhtml.escape(title)).append("</title><style>").append(stylesheet)
                .append("</style></head><body>");
    }

    private static String navigation(String base, String odsCode, String patientId, TimePeriod period) {
        StringBuilder nav = new StringBuilder(1_024).append("<nav class=\"viewer-nav\"><a href=\"")
                .append(Xhtml.escape(base)).append("\">All patients</a>");
        for (RecordSection section : VIEWED) {
            nav.append("<a href=\"#").append(section.name()).append("\">").append(Xhtml.escape(section.display())).append("</a>");
        }
        String from = period == null || period.start() == null ? "" : period.start().toString();
        String to = period == null || period.end() == null ? "" : period.end().toString();
        nav.append("<form method=\"get\">From <input type=\"date\" name=\"from\" value=\"").append(Xhtml.escape(from))
                .append("\"/> to <input type=\"date\" name=\"to\" value=\"").append(Xhtml.escape(to))
                .append("\"/> <button type=\"submit\">Apply</button></form></nav>");
        return nav.toString();
    }

    private String practiceName(String odsCode) {
        String name = store.practice(odsCode)
                .flatMap(practice -> store.read(odsCode, "Organization", practice.organizationId()))
                .map(organization -> parse(organization).path("name").asText(""))
                .orElse("");
        return name.isBlank() ? odsCode : name + " (" + odsCode + ")";
    }

    private static List<String> notSharable(PatientRecord registration) {
        List<String> reasons = new ArrayList<>();
        if (!registration.active()) {
            reasons.add("not an active registration");
        }
        if (registration.deceased()) {
            reasons.add("deceased");
        }
        if (registration.sensitive()) {
            reasons.add("sensitive (S-flagged)");
        }
        if (!registration.nhsVerified()) {
            reasons.add("NHS number not verified");
        }
        return reasons;
    }

    private static JsonNode parse(StoredResource resource) {
        try {
            return JSON.readTree(resource.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(resource + " does not parse", e);
        }
    }

    private static String stylesheet() {
        try (InputStream in = CareRecordPage.class.getResourceAsStream("care-record.css")) {
            if (in == null) {
                throw new IllegalStateException("care-record.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
