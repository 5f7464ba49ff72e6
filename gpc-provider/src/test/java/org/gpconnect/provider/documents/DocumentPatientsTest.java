package org.gpconnect.provider.documents;

import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.provider.capability.DeceasedAccessPeriod;
import org.gpconnect.store.Database;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.TestDatabase;
import org.gpconnect.store.dataset.DataSetLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whose documents may be found: the patient rules, and the configurable access period after death. */
class DocumentPatientsTest {
    /** When patient 18 died: a week before the data set was loaded. */
    private static Instant DIED;
    private static HikariDataSource dataSource;
    private static GpRecordStore store;

    @BeforeAll
    static void load() {
        TestDatabase.Connect c = TestDatabase.H2.fresh();
        dataSource = Database.open(c.url(), c.user(), c.password(), 2);
        store = new GpRecordStore(dataSource);
        new DataSetLoader(store).loadOnce("default");
        DIED = OffsetDateTime.parse(store.read("B82617", "Patient", "18").orElseThrow().json()
                .replaceAll("(?s).*\"deceasedDateTime\":\"([^\"]+)\".*", "$1")).toInstant();
    }

    @Test
    void patient18DiedAWeekBeforeTheDataSetWasLoaded() {
        assertThat(DIED).isEqualTo(OffsetDateTime.of(LocalDate.now(ZoneOffset.UTC).minusDays(7), LocalTime.of(14, 20), ZoneOffset.UTC).toInstant());
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    static DocumentPatients at(Instant now, int days) {
        return new DocumentPatients(store, new DeceasedAccessPeriod(days, Clock.fixed(now, ZoneOffset.UTC)));
    }

    @Test
    void aDeceasedPatientsDocumentsStayAvailableForTheConfiguredPeriod() {
        assertThat(at(DIED.plusSeconds(27 * 86400), 28).require("B82617", "18").record().id()).isEqualTo("18");
        assertThat(at(DIED.plusSeconds(28 * 86400), 28).require("B82617", "18").record().id()).as("the last moment").isEqualTo("18");
        assertNotFound(at(DIED.plusSeconds(28 * 86400 + 1), 28), "18");
        assertThat(at(DIED.plusSeconds(60 * 86400), 90).require("B82617", "18").record().id()).as("configurable").isEqualTo("18");
        assertNotFound(at(DIED.plusSeconds(1), 0), "18");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"unknown, 999", "sensitive patient9, 9", "inactive patient21, 21", "unverified patient14, 14",
            "temporary patient22, 22"})
    void othersAreNotFound(String who, String id) {
        assertNotFound(at(Instant.now(), 28), id);
    }

    @Test
    void aDissentingPatientIsFoundButTheirDocumentsAreRefused() {
        DocumentPatients patients = at(Instant.now(), 28);
        GpRecordStore.PatientWithResource patient15 = store.patientsWithResourceByNhsNumber("B82617", "9690938576").get(0);
        assertThat(patients.findable(patient15.record(), patient15.resource())).isTrue();
        assertThatThrownBy(() -> patients.require("B82617", "15"))
                .isInstanceOfSatisfying(SpineException.class, e -> assertThat(e.code()).isEqualTo(SpineErrorCode.NO_PATIENT_CONSENT));
    }

    private static void assertNotFound(DocumentPatients patients, String id) {
        assertThatThrownBy(() -> patients.require("B82617", id))
                .isInstanceOfSatisfying(SpineException.class, e -> assertThat(e.code()).isEqualTo(SpineErrorCode.PATIENT_NOT_FOUND));
    }
}
