package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpconnect.provider.html.RecordSection;
import org.gpconnect.provider.html.TimePeriod;
import org.gpconnect.store.FilterFields;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientResources;
import org.gpconnect.store.PracticeDirectory;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rendering: the request, the period its filtered subsections apply (the consumer's, else the
 * practice's default time frame, else none), the banners that follow from it, and the record read
 * as JSON trees, each resource parsed at most once with the one shared ObjectMapper.
 */
final class ViewContext {
    static final ObjectMapper JSON = new ObjectMapper();

    private final SectionRequest request;
    private final ViewSettings settings;
    private final GpRecordStore store;
    private final TimePeriod period;
    private final boolean defaultFrame;
    private final boolean filterable;
    private final Map<String, JsonNode> parsed = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private PracticeDirectory directory;

    ViewContext(SectionRequest request, ViewSettings settings, GpRecordStore store) {
        this.request = request;
        this.settings = settings;
        this.store = store;
        this.filterable = request.section().acceptsTimePeriod();
        Integer months = settings.defaultMonths().get(request.section());
        if (request.period() != null || !filterable) {
            this.period = filterable ? request.period() : null;
            this.defaultFrame = false;
        } else if (months != null && months > 0) {
            this.period = new TimePeriod(request.today().minusMonths(months), null);
            this.defaultFrame = true;
        } else {
            this.period = null;
            this.defaultFrame = false;
        }
    }

    SectionRequest request() { return request; }
    ViewSettings settings() { return settings; }
    LocalDate today() { return request.today(); }
    PatientResources record() { return request.record(); }

    /** The period a filtered subsection applies, or null for everything. */
    TimePeriod period() { return period; }

    boolean inPeriod(LocalDate date) {
        return period == null || period.includes(date);
    }

    /** The date banner of a subsection that applies the period; none where the section takes no dates. */
    String filteredBanner() {
        if (!filterable) {
            return null;
        }
        if (period == null) {
            return DateBanner.ALL_RELEVANT;
        }
        return defaultFrame ? DateBanner.defaultFrame(period) : DateBanner.consumer(period);
    }

    /** The date banner of a subsection that always shows everything ("All" in the view's page). */
    String allBanner() {
        if (!filterable) {
            return null;
        }
        return period == null ? DateBanner.ALL_RELEVANT : DateBanner.NOT_APPLIED;
    }

    List<StoredResource> ofType(String type) {
        return request.record().ofType(type);
    }

    FilterFields fields(StoredResource item) {
        return request.record().filterFields(item);
    }

    boolean confidential(StoredResource item) {
        return request.record().markedConfidential(item);
    }

    JsonNode json(StoredResource item) {
        return parsed.computeIfAbsent(item.reference(), reference -> parse(item.json()));
    }

    Optional<StoredResource> get(String reference) {
        return reference == null ? Optional.empty() : request.record().get(reference);
    }

    /** A Practitioner's or Organization's name, a Medication's item text: what a cell shows for a reference. */
    String nameOf(String reference) {
        if (reference == null || reference.indexOf('/') < 1) {
            return null;
        }
        return names.computeIfAbsent(reference, this::lookUpName);
    }

    private String lookUpName(String reference) {
        String type = reference.substring(0, reference.indexOf('/'));
        Optional<StoredResource> resource;
        if (type.equals("Medication")) {
            resource = store.read(request.record().odsCode(), type, reference.substring(reference.indexOf('/') + 1));
        } else {
            if (directory == null) {
                directory = store.directory(request.record().odsCode());
            }
            resource = directory.find(reference);
        }
        if (resource.isEmpty()) {
            return null;
        }
        JsonNode node = parse(resource.get().json());
        return switch (type) {
            case "Medication" -> Texts.concept(node.path("code"));
            case "Practitioner" -> Texts.personName(node.path("name").path(0));
            default -> node.path("name").asText(null);
        };
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored resource is not JSON", e);
        }
    }

    /** The section's {@code <h1>}. */
    RecordSection section() { return request.section(); }
}
