package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gpconnect.provider.capability.SearchsetBundle;
import org.gpconnect.provider.spine.GpConnectRequest;
import org.gpconnect.provider.spine.ResponseFormat;
import org.gpconnect.provider.spine.StreamedInteraction;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PracticeDirectory;
import org.gpconnect.store.SlotRow;
import org.gpconnect.store.Slots;
import org.gpconnect.store.StoredResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Search for free slots ({@code GET /Slot}): the free slots wholly inside the range that the consumer's
 * searchFilters may see, each rendered from its row, with their Schedules; the schedules' Practitioners
 * and Locations when asked for; and the Locations' managing Organizations whenever there is a slot,
 * asked for or not (appointments_known_issues). Nothing else: no slots, an empty Bundle.
 */
public class SlotSearch implements StreamedInteraction {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keeps the cache of schedules from growing without bound should a practice keep editing them. */
    private static final int MAX_CACHED_SCHEDULES = 10_000;

    private final GpRecordStore store;
    private final Slots slots;
    private final FhirContext fhir;
    /** Schedules as served, by practice, id and version: a search does not parse the few it returns every time. */
    private final Map<String, SlotSchedule> schedules = new ConcurrentHashMap<>();

    public SlotSearch(GpRecordStore store, FhirContext fhir) {
        this.store = store;
        this.slots = new Slots(store);
        this.fhir = fhir;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, GpConnectRequest context, ResponseFormat format)
            throws IOException {
        String ods = context.root().odsCode();
        SlotSearchRequest search = SlotSearchRequest.parse(request.getParameterMap());
        SearchsetBundle bundle = new SearchsetBundle(context.traceId(), null);
        Map<String, SlotSchedule> found = new LinkedHashMap<>();
        for (SlotRow slot : slots.free(ods, search.from(), search.to())) {
            if (!search.visible(slot)) {
                continue;
            }
            SlotSchedule schedule = found.computeIfAbsent(slot.scheduleId(), id -> schedule(ods, id));
            // a slot whose schedule has gone cannot be booked through it; the Bundle must not refer to nothing
            if (schedule != null) {
                bundle.add(slot.reference(), slot.json());
            }
        }
        PracticeDirectory directory = found.isEmpty() ? null : store.directory(ods);
        for (SlotSchedule schedule : found.values()) {
            if (schedule == null) {
                continue;
            }
            bundle.add(schedule.reference(), schedule.json());
            for (String actor : schedule.actors()) {
                boolean location = actor.startsWith("Location/");
                if (location || (search.practitioners() && actor.startsWith("Practitioner/"))) {
                    directory.find(actor).ifPresent(resource -> addActor(bundle, directory, resource, location && search.locations()));
                }
            }
        }
        bundle.write(response, format, fhir);
    }

    /**
     * A schedule's actor: a Practitioner as it is; for a Location, its managing Organization always, and the
     * Location itself only when asked for.
     */
    private static void addActor(SearchsetBundle bundle, PracticeDirectory directory, StoredResource actor, boolean withLocation) {
        if (!actor.resourceType().equals("Location")) {
            bundle.add(actor);
            return;
        }
        if (withLocation) {
            bundle.add(actor);
        }
        for (String target : directory.referencesOf(actor.reference())) {
            if (target.startsWith("Organization/")) {
                directory.find(target).ifPresent(bundle::add);
            }
        }
    }

    private SlotSchedule schedule(String ods, String id) {
        StoredResource stored = store.read(ods, "Schedule", id).orElse(null);
        if (stored == null) {
            return null;
        }
        String key = ods + "/" + id + "/" + stored.versionId();
        SlotSchedule cached = schedules.get(key);
        if (cached != null) {
            return cached;
        }
        SlotSchedule schedule = SlotSchedule.of(stored);
        if (schedules.size() < MAX_CACHED_SCHEDULES) {
            schedules.put(key, schedule);
        }
        return schedule;
    }

    /**
     * A Schedule as a slot search returns it: without its {@code comment}, the practice's own note, which the
     * test suite requires absent ("No Schedules or Slots contain comment element"); and its actors.
     */
    record SlotSchedule(String reference, String json, List<String> actors) {
        static SlotSchedule of(StoredResource stored) {
            try {
                ObjectNode schedule = (ObjectNode) JSON.readTree(stored.json());
                schedule.remove("comment");
                List<String> actors = new ArrayList<>();
                for (JsonNode actor : schedule.path("actor")) {
                    actors.add(actor.path("reference").asText(""));
                }
                return new SlotSchedule(stored.reference(), schedule.toString(), List.copyOf(actors));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored " + stored.reference() + " is not JSON", e);
            }
        }
    }
}
