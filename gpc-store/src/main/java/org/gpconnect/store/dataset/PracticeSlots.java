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
 * pack, and rolling slots made for each of the {@link #DAYS} days from today by weekday templates, so
 * that a data set loaded months ago still offers slots today. Rolling slots get ids from their day and
 * template ({@code r20261124-gp}), so making them again adds only the missing days; free ones whose day
 * has gone are removed, busy ones stay with their appointments.
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
                Instant start = day.atTime(LocalTime.parse(template.get("time").asText())).atZone(UK).toInstant();
                SlotRow slot = new SlotRow("r" + DAY.format(day) + "-" + template.get("key").asText(), template.get("schedule").asText(),
                        start, start.plusSeconds(60L * template.get("minutes").asInt()), "free", 1,
                        template.path("serviceType").asText(null), template.get("deliveryChannel").asText(),
                        template.path("bookable").asBoolean(true), strings(template.get("bookingOds")),
                        strings(template.get("bookingOrgTypes")));
                if (Slots.insert(writer, odsCode, slot, true)) {
                    added++;
                }
            }
        }
        return added;
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
