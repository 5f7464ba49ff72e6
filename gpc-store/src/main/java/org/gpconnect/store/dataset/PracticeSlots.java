package org.gpconnect.store.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.store.RecordWriter;
import org.gpconnect.store.SlotRow;
import org.gpconnect.store.Slots;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A practice's slots from its data-set file (docs/appointments.md): the fixed, dated slots of the test
 * pack, and rolling slots made for each of the {@link #DAYS} days from today by weekday session
 * templates, so that a data set loaded months ago still offers slots today. A session's slots are all
 * made; only the times the template lists as {@code gpConnect} are GP Connect bookable. Rolling slots get
 * ids from their day, template and time ({@code r20261124-gp-0900}), so making them again adds only the
 * missing ones; free ones whose day has gone are removed, busy ones stay with their appointments.
 */
public final class PracticeSlots {
    /** Rolling slots cover today and the 13 days after: the two weeks a slot search may span. */
    public static final int DAYS = 14;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private PracticeSlots() {}

    static void loadFixed(RecordWriter writer, String odsCode, JsonNode file) throws SQLException {
        for (JsonNode slot : file.path("fixed")) {
            Slots.insert(writer, odsCode, new SlotRow(slot.get("id").asText(), slot.get("schedule").asText(),
                    OffsetDateTime.parse(slot.get("start").asText()).toInstant(), OffsetDateTime.parse(slot.get("end").asText()).toInstant(),
                    slot.path("status").asText("free"), 1, slot.path("serviceType").asText(null), slot.get("deliveryChannel").asText(),
                    slot.path("bookable").asBoolean(true), strings(slot.get("bookingOds")), strings(slot.get("bookingOrgTypes"))), false);
        }
    }

    /** Makes the rolling slots of [today, today + DAYS) that are missing and drops free ones from before today; the number added. */
    static int refreshRolling(RecordWriter writer, String odsCode, JsonNode file, LocalDate today) throws SQLException {
        Instant startOfToday = today.atStartOfDay(UK).toInstant();
        writer.update("DELETE FROM slot WHERE practice_ods = ? AND rolling = TRUE AND status = 'free' AND end_at < ?",
                odsCode, startOfToday.atOffset(java.time.ZoneOffset.UTC));
        int added = 0;
        for (LocalDate day = today; day.isBefore(today.plusDays(DAYS)); day = day.plusDays(1)) {
            for (JsonNode template : file.path("rolling")) {
                if (!weekdays(template).contains(day.getDayOfWeek())) {
                    continue;
                }
                List<String> gpConnect = strings(template.get("gpConnect"));
                int minutes = template.get("minutes").asInt();
                LocalTime first = LocalTime.parse(template.get("time").asText());
                // a session from time to until in slots of minutes; without until, one slot
                LocalTime until = template.has("until") ? LocalTime.parse(template.get("until").asText()) : first.plusMinutes(minutes);
                for (LocalTime time = first; !time.plusMinutes(minutes).isAfter(until); time = time.plusMinutes(minutes)) {
                    added += rollingSlot(writer, odsCode, template, day, time, gpConnect) ? 1 : 0;
                }
            }
        }
        return added;
    }

    /** One slot of a session, GP Connect bookable if its time is listed (all are when none is). */
    private static boolean rollingSlot(RecordWriter writer, String odsCode, JsonNode template, LocalDate day, LocalTime time,
                                       List<String> gpConnect) throws SQLException {
        Instant start = day.atTime(time).atZone(UK).toInstant();
        String hhmm = time.toString().replace(":", "");
        boolean bookable = template.path("bookable").asBoolean(true) && (gpConnect == null || gpConnect.contains(time.toString()));
        SlotRow slot = new SlotRow("r" + DAY.format(day) + "-" + template.get("key").asText() + "-" + hhmm, template.get("schedule").asText(),
                start, start.plusSeconds(60L * template.get("minutes").asInt()), "free", 1,
                template.path("serviceType").asText(null), template.get("deliveryChannel").asText(), bookable,
                strings(template.get("bookingOds")), strings(template.get("bookingOrgTypes")));
        return Slots.insert(writer, odsCode, slot, true);
    }

    private static List<DayOfWeek> weekdays(JsonNode template) {
        List<DayOfWeek> days = new ArrayList<>();
        template.path("weekdays").forEach(d -> days.add(DayOfWeek.of(d.asInt())));
        return days;
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || array.isNull()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
