package org.gpconnect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appointment Management's write path under load: each client books a free slot ({@code POST
 * /Appointment}) and cancels that appointment ({@code PUT} with {@code If-Match}, which frees the slot
 * again), round after round, on slots of its own found by one slot search first, so clients never
 * contend for a slot. Book and cancel latencies are reported apart (docs/benchmark.md).
 */
@Command(name = "book-cancel", mixinStandardHelpOptions = true,
        description = "Book-then-cancel cycles with concurrent clients (Appointment Management) and their latencies.")
final class BookCancelCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Option(names = "--base", required = true, description = "Service root, e.g. http://127.0.0.1:8080/B82617/STU3/1/gpconnect")
    String base;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent closed-loop clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--warmup", defaultValue = "10s", description = "Unrecorded warm-up (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--duration", defaultValue = "30s", description = "Recorded period (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--patient", defaultValue = "2", description = "Patient logical id booked for (default: ${DEFAULT-VALUE})")
    String patient;

    @Option(names = "--booking-ods", defaultValue = "B82617", description = "Booking organisation's ODS code (default: ${DEFAULT-VALUE})")
    String bookingOds;

    @Option(names = "--asid-to", defaultValue = "918999198738", description = "Ssp-To: the provider's ASID (default: ${DEFAULT-VALUE})")
    String asidTo;

    @Option(names = "--allow-remote", description = "Allow a --base that is not loopback")
    boolean allowRemote;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record FreeSlot(String id, String start, String end, String location) {}

    @Override
    public Integer call() throws Exception {
        LoopbackGuard.check(base, allowRemote);
        String root = GpcRequests.trimSlash(base);
        List<FreeSlot> slots = freeSlots(root);
        if (slots.size() < clients) {
            System.err.println("only " + slots.size() + " bookable future slots for " + bookingOds + "; need one per client");
            return 2;
        }
        GpcRequests book = new GpcRequests(root, asidTo, InteractionCatalogue.BOOK_APPOINTMENT, Duration.ofSeconds(10));
        GpcRequests cancel = new GpcRequests(root, asidTo, InteractionCatalogue.CANCEL_APPOINTMENT, Duration.ofSeconds(10));
        Histogram booking = new Histogram(3);
        Histogram cancelling = new Histogram(3);
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        long recordFrom = System.nanoTime() + warmup.toNanos();
        long stopAt = recordFrom + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<FreeSlot> own = new ArrayList<>();
            for (int i = c; i < slots.size(); i += clients) {
                own.add(slots.get(i));
            }
            running.add(pool.submit(() -> {
                for (int round = 0; System.nanoTime() < stopAt; round++) {
                    FreeSlot slot = own.get(round % own.size());
                    cycle(root, book, cancel, slot, recordFrom, booking, cancelling, errors);
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        report("book", booking);
        report("cancel", cancelling);
        errors.forEach((kind, count) -> System.out.println("error " + kind + ": " + count));
        return errors.isEmpty() ? 0 : 1;
    }

    private void cycle(String root, GpcRequests book, GpcRequests cancel, FreeSlot slot, long recordFrom,
                       Histogram booking, Histogram cancelling, Map<String, AtomicLong> errors) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> booked = http.send(book.post(URI.create(root + "/Appointment"), bookingBody(slot),
                UUID.randomUUID().toString(), book.bearer(Instant.now())), HttpResponse.BodyHandlers.ofString());
        long bookedAt = System.nanoTime();
        if (booked.statusCode() != 201) {
            errors.computeIfAbsent("book " + booked.statusCode(), k -> new AtomicLong()).incrementAndGet();
            return;
        }
        ObjectNode appointment = (ObjectNode) JSON.readTree(booked.body());
        appointment.put("status", "cancelled");
        appointment.withArray("extension").addObject()
                .put("url", "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1")
                .put("valueString", "Benchmark: booked and cancelled");
        String id = appointment.get("id").asText();
        HttpRequest put = cancel.put(URI.create(root + "/Appointment/" + id), JSON.writeValueAsBytes(appointment),
                UUID.randomUUID().toString(), cancel.bearer(Instant.now()), booked.headers().firstValue("ETag").orElse(""));
        HttpResponse<String> cancelled = http.send(put, HttpResponse.BodyHandlers.ofString());
        long cancelledAt = System.nanoTime();
        if (cancelled.statusCode() != 200) {
            errors.computeIfAbsent("cancel " + cancelled.statusCode(), k -> new AtomicLong()).incrementAndGet();
            return;
        }
        if (started >= recordFrom) {
            synchronized (booking) {
                booking.recordValue((bookedAt - started) / 1000);
                cancelling.recordValue((cancelledAt - bookedAt) / 1000);
            }
        }
    }

    private byte[] bookingBody(FreeSlot slot) throws Exception {
        ObjectNode appointment = JSON.createObjectNode().put("resourceType", "Appointment");
        appointment.putObject("meta").putArray("profile").add("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1");
        ObjectNode organisation = appointment.putArray("contained").addObject().put("resourceType", "Organization").put("id", "1");
        organisation.putObject("meta").putArray("profile").add("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1");
        organisation.putArray("identifier").addObject().put("system", "https://fhir.nhs.uk/Id/ods-organization-code").put("value", bookingOds);
        organisation.put("name", "Benchmark booking organisation");
        organisation.putArray("telecom").addObject().put("system", "phone").put("value", "0300 303 5678");
        appointment.putArray("extension").addObject()
                .put("url", "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1")
                .putObject("valueReference").put("reference", "#1");
        appointment.put("status", "booked").put("description", "Benchmark booking").put("start", slot.start()).put("end", slot.end());
        appointment.putArray("slot").addObject().put("reference", "Slot/" + slot.id());
        appointment.put("created", OffsetDateTime.now(UK).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        var participants = appointment.putArray("participant");
        participants.addObject().put("status", "accepted").putObject("actor").put("reference", "Patient/" + patient);
        participants.addObject().put("status", "accepted").putObject("actor").put("reference", slot.location());
        return JSON.writeValueAsBytes(appointment);
    }

    /** The free slots of the next two weeks that this organisation may book, starting in the future. */
    private List<FreeSlot> freeSlots(String root) throws Exception {
        LocalDate today = LocalDate.now(UK);
        GpcRequests search = new GpcRequests(root, asidTo, InteractionCatalogue.SEARCH_SLOTS, Duration.ofSeconds(10));
        URI uri = URI.create(root + "/Slot?status=free&start=ge" + today + "&end=le" + today.plusDays(14)
                + "&_include=Slot:schedule&searchFilter=https://fhir.nhs.uk/Id/ods-organization-code%7C" + bookingOds);
        HttpResponse<String> response = http.send(search.get(uri), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("slot search answered " + response.statusCode() + ": " + response.body());
        }
        Map<String, String> locations = new java.util.HashMap<>();
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(response.body()).path("entry")) {
            JsonNode resource = entry.path("resource");
            if (resource.path("resourceType").asText().equals("Schedule")) {
                for (JsonNode actor : resource.path("actor")) {
                    if (actor.path("reference").asText().startsWith("Location/")) {
                        locations.put("Schedule/" + resource.path("id").asText(), actor.path("reference").asText());
                    }
                }
            } else if (resource.path("resourceType").asText().equals("Slot")) {
                found.add(resource);
            }
        }
        Instant soon = Instant.now().plusSeconds(60);
        List<FreeSlot> slots = new ArrayList<>();
        for (JsonNode slot : found) {
            if (OffsetDateTime.parse(slot.path("start").asText()).toInstant().isAfter(soon)) {
                slots.add(new FreeSlot(slot.path("id").asText(), slot.path("start").asText(), slot.path("end").asText(),
                        locations.get(slot.path("schedule").path("reference").asText())));
            }
        }
        return slots;
    }

    private void report(String what, Histogram micros) {
        System.out.printf("%-7s %7d requests  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%.1f/s)%n", what,
                micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0, micros.getTotalCount() / (double) duration.toSeconds());
    }
}
