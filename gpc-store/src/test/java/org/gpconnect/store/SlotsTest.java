package org.gpconnect.store;

import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.store.dataset.DataSetLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slots as rows: the data set's fixed and rolling slots, and a slot taken by exactly one of many racing bookings. */
class SlotsTest {
    private static final String ODS = "B82617";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    static SlotRow testSlot(String id, Instant start) {
        return new SlotRow(id, "1", start, start.plusSeconds(600), "free", 1, "General GP appointment", "In-person", true, null, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rollingSlotsCoverTwoWeeksFromTodayAndAreMadeAgainOnlyWhereMissing(TestDatabase database) {
        TestDatabase.Connect c = database.fresh();
        try (HikariDataSource dataSource = Database.open(c.url(), c.user(), c.password(), 4)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            DataSetLoader loader = new DataSetLoader(store);
            loader.loadOnce("default");
            LocalDate monday = LocalDate.of(2030, 1, 7);
            assertThat(loader.refreshRollingSlots("default", monday))
                    .as("10 weekdays x (18 + 4 + 10) session slots").isEqualTo(320);
            assertThat(loader.refreshRollingSlots("default", monday)).as("nothing missing").isZero();
            Slots slots = new Slots(store);
            Instant from = monday.atStartOfDay(UK).toInstant();
            Instant to = monday.plusDays(14).atStartOfDay(UK).toInstant();
            List<SlotRow> free = slots.free(ODS, from, to);
            assertThat(free).as("one GP Connect bookable slot of each session").hasSize(30);
            assertThat(free.stream().filter(s -> s.visibleTo("B82617", "urgent-care"))).as("the test suite's consumer").hasSize(30);
            assertThat(free.stream().filter(s -> s.visibleTo("B82617", null))).as("schedules 1 and 2").hasSize(20);
            assertThat(free.stream().filter(s -> s.visibleTo("R1A14", "gp-practice"))).hasSize(30);
            assertThat(free.stream().filter(s -> s.visibleTo("X12345", null))).as("schedule 1 only").hasSize(10);
            assertThat(free.stream().filter(s -> s.visibleTo(null, "gp-practice"))).as("schedules 1 and 3").hasSize(20);
            assertThat(free.stream().filter(s -> s.visibleTo(null, null))).as("schedule 1: open to anyone").hasSize(10);
            assertThat(slots.free(ODS, Instant.parse("2017-12-29T00:00:00Z"), Instant.parse("2017-12-30T00:00:00Z")))
                    .extracting(SlotRow::id).containsExactly("fixed-3");

            // a week later: the first week's free slots are gone, the third week's are made
            assertThat(loader.refreshRollingSlots("default", monday.plusDays(7))).isEqualTo(160);
            assertThat(slots.free(ODS, from, monday.plusDays(7).atStartOfDay(UK).toInstant())).isEmpty();
            assertThat(slots.slot(ODS, "r20300107-gp-0900")).isEmpty();
            assertThat(slots.slot(ODS, "r20300118-gp-0840")).hasValueSatisfying(s -> assertThat(s.bookable()).isFalse());
            assertThat(slots.slot(ODS, "r20300118-tel-1130")).hasValueSatisfying(s -> {
                assertThat(s.json()).contains("\"start\":\"2030-01-18T11:30:00+00:00\"").contains("Telephone");
                assertThat(s.bookingOds()).containsExactly("B82617", "R1A14");
                assertThat(s.bookingOrgTypes()).isNull();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void ofManyBookingsRacingForASlotExactlyOneTakesItAndCancellingFreesIt(TestDatabase database) throws Exception {
        TestDatabase.Connect c = database.fresh();
        try (HikariDataSource dataSource = Database.open(c.url(), c.user(), c.password(), 8)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            Instant start = Instant.parse("2031-03-03T09:00:00Z");
            store.inTransaction(writer -> Slots.insert(writer, ODS, testSlot("race", start), false));
            Slots slots = new Slots(store);
            SlotRow read = slots.slot(ODS, "race").orElseThrow();

            int racers = 16;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String appointment = "appt-" + i;
                Callable<Boolean> booking = () -> {
                    go.await();
                    try {
                        store.inTransaction(writer -> {
                            Slots.take(writer, ODS, List.of(read), appointment);
                            return null;
                        });
                        return true;
                    } catch (SlotTakenException e) {
                        return false;
                    }
                };
                results.add(pool.submit(booking));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(won).isEqualTo(1);
            SlotRow taken = slots.slot(ODS, "race").orElseThrow();
            assertThat(taken.status()).isEqualTo("busy");
            assertThat(taken.versionId()).isEqualTo(2);
            String holder = store.query("SELECT appointment_id FROM appointment_slot WHERE practice_ods = ? AND slot_id = 'race'",
                    ps -> ps.setString(1, ODS), rs -> rs.getString(1)).get(0);
            assertThat(slots.heldBy(ODS, holder)).extracting(SlotRow::id).containsExactly("race");

            assertThatThrownBy(() -> store.inTransaction(writer -> {
                Slots.take(writer, ODS, List.of(read), "late");
                return null;
            })).as("a stale read cannot take it").isInstanceOf(SlotTakenException.class);

            store.inTransaction(writer -> {
                Slots.release(writer, ODS, holder);
                return null;
            });
            assertThat(slots.slot(ODS, "race").orElseThrow().free()).isTrue();
            assertThat(slots.heldBy(ODS, holder)).isEmpty();
        }
    }
}
