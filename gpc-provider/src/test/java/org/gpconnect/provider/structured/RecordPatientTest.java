package org.gpconnect.provider.structured;

import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.store.Database;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.TestDatabase;
import org.gpconnect.store.dataset.DataSetLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which test patients' records a structured request may see (structured.md error table). */
class RecordPatientTest {
    private static HikariDataSource dataSource;
    private static GpRecordStore store;

    @BeforeAll
    static void load() {
        TestDatabase.Connect c = TestDatabase.H2.fresh();
        dataSource = Database.open(c.url(), c.user(), c.password(), 2);
        store = new GpRecordStore(dataSource);
        new DataSetLoader(store).loadOnce("default");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void anActiveGmsPatientsRecordIsFound() {
        assertThat(RecordPatient.find(store, "B82617", "9690937286").resource().id()).isEqualTo("2");
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
            "unknown, 9999999999, PATIENT_NOT_FOUND",
            "deceased patient18, 9690938681, PATIENT_NOT_FOUND",
            "sensitive patient9, 9690938533, PATIENT_NOT_FOUND",
            "inactive patient21, 9690938142, PATIENT_NOT_FOUND",
            "unverified patient14, 9476718943, PATIENT_NOT_FOUND",
            "temporary patient22, 9990000107, PATIENT_NOT_FOUND",
            "unverified but traceable patient23, 9990000115, PATIENT_NOT_FOUND",
            "dissenting patient15, 9690938576, NO_PATIENT_CONSENT",
    })
    void othersAreNotFoundOrRefused(String who, String nhsNumber, SpineErrorCode code) {
        assertThatThrownBy(() -> RecordPatient.find(store, "B82617", nhsNumber))
                .isInstanceOfSatisfying(SpineException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
