package org.gpconnect.provider.appointments;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.store.SlotRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotSearchRequestTest {

    static Map<String, String[]> query(String start, String end, String... more) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("start", new String[]{start});
        parameters.put("end", new String[]{end});
        parameters.put("status", new String[]{"free"});
        parameters.put("_include", new String[]{"Slot:schedule"});
        for (int i = 0; i < more.length; i += 2) {
            String[] old = parameters.getOrDefault(more[i], new String[0]);
            String[] values = java.util.Arrays.copyOf(old, old.length + 1);
            values[old.length] = more[i + 1];
            parameters.put(more[i], values);
        }
        return parameters;
    }

    static SpineErrorCode rejection(Map<String, String[]> parameters) {
        try {
            SlotSearchRequest.parse(parameters);
        } catch (SpineException e) {
            return e.code();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void datesRunFromUkMidnightToTheEndOfTheEndDate() {
        SlotSearchRequest summer = SlotSearchRequest.parse(query("ge2019-07-01", "le2019-07-02"));
        assertThat(summer.from()).isEqualTo(Instant.parse("2019-06-30T23:00:00Z"));
        assertThat(summer.to()).isEqualTo(Instant.parse("2019-07-02T23:00:00Z"));
        SlotSearchRequest winter = SlotSearchRequest.parse(query("ge2019-01-01", "le2019-01-01"));
        assertThat(winter.from()).isEqualTo(Instant.parse("2019-01-01T00:00:00Z"));
        assertThat(winter.to()).isEqualTo(Instant.parse("2019-01-02T00:00:00Z"));
    }

    @Test
    void dateTimesAreTheMomentsTheyNameAndAnUnencodedPlusArrivesAsASpace() {
        SlotSearchRequest search = SlotSearchRequest.parse(query("ge2019-03-29T12:00:00+00:00", "le2019-04-01T17:00:00 01:00"));
        assertThat(search.from()).isEqualTo(Instant.parse("2019-03-29T12:00:00Z"));
        assertThat(search.to()).isEqualTo(Instant.parse("2019-04-01T16:00:00Z"));
    }

    @Test
    void twoWeeksAreCountedInUkTimeAcrossAClockChange() {
        // 14 local days from BST into GMT are 14 days and an hour
        SlotSearchRequest.parse(query("ge2019-10-20T00:00:00+01:00", "le2019-11-03T00:00:00+00:00"));
        SlotSearchRequest.parse(query("ge2019-10-20", "le2019-11-03"));
        assertThat(rejection(query("ge2019-10-20", "le2019-11-04"))).isEqualTo(SpineErrorCode.INVALID_PARAMETER);
    }

    @Test
    void aDateTimeStartLaterOnTheEndDateIsNotAfterTheEnd() {
        SlotSearchRequest.parse(query("ge2019-01-01T10:00:00+00:00", "le2019-01-01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"start", "end", "status"})
    void aMissingParameterIsABadRequest(String name) {
        Map<String, String[]> parameters = query("ge2019-01-01", "le2019-01-02");
        parameters.remove(name);
        assertThat(rejection(parameters)).isEqualTo(SpineErrorCode.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2019-01-01", "gt2019-01-01", "ge2019", "ge2019-01", "ge2019-02-30", "ge2019-01-01T10:00:00",
            "ge2019-01-01T10:00:00Z", "ge2019-01-01T10:00+00:00", "geinvalid"})
    void aStartMustBeGeAndAWholeDateOrADateTimeWithItsOffset(String start) {
        assertThat(rejection(query(start, "le2019-01-02"))).isEqualTo(SpineErrorCode.INVALID_PARAMETER);
    }

    @Test
    void anEndBeforeTheStartIsInvalid() {
        assertThat(rejection(query("ge2019-01-02", "le2019-01-01"))).isEqualTo(SpineErrorCode.INVALID_PARAMETER);
    }

    @Test
    void includesAreRecognisedAndTheScheduleIncludeIsRequired() {
        SlotSearchRequest search = SlotSearchRequest.parse(query("ge2019-01-01", "le2019-01-01",
                "_include:recurse", "Schedule:actor:Location", "_include:recurse", "Location:managingOrganization"));
        assertThat(search.locations()).isTrue();
        assertThat(search.practitioners()).isFalse();
        Map<String, String[]> without = query("ge2019-01-01", "le2019-01-01");
        without.remove("_include");
        assertThat(rejection(without)).isEqualTo(SpineErrorCode.INVALID_PARAMETER);
        assertThat(rejection(query("ge2019-01-01", "le2019-01-01", "_include", "Patient:generalPractitioner")))
                .isEqualTo(SpineErrorCode.INVALID_PARAMETER);
    }

    @Test
    void searchFiltersOfOtherSystemsAreIgnored() {
        SlotSearchRequest search = SlotSearchRequest.parse(query("ge2019-01-01", "le2019-01-01",
                "searchFilter", "https://fhir.nhs.uk/Id/ods-organization-code|R1A14",
                "searchFilter", SlotSearchRequest.ORGANISATION_TYPE + "|urgent-care",
                "searchFilter", "FilterCategory-7|OtherConsumerCategory", "searchFilter", "no bar"));
        assertThat(search.odsCodes()).containsExactly("R1A14");
        assertThat(search.orgTypes()).containsExactly("urgent-care");
    }

    @Test
    void aSlotIsVisibleByTheSearchFilterTable() {
        SlotRow open = slot(null, null);
        SlotRow org1 = slot(List.of("B82617"), null);
        SlotRow urgent = slot(null, List.of("urgent-care"));
        SlotSearchRequest none = SlotSearchRequest.parse(query("ge2019-01-01", "le2019-01-01"));
        assertThat(none.visible(open)).isTrue();
        assertThat(none.visible(org1)).isFalse();
        assertThat(none.visible(urgent)).isFalse();
        SlotSearchRequest both = SlotSearchRequest.parse(query("ge2019-01-01", "le2019-01-01",
                "searchFilter", "https://fhir.nhs.uk/Id/ods-organization-code|B82617",
                "searchFilter", SlotSearchRequest.ORGANISATION_TYPE + "|gp-practice",
                "searchFilter", SlotSearchRequest.ORGANISATION_TYPE + "|urgent-care"));
        assertThat(both.visible(open)).isTrue();
        assertThat(both.visible(org1)).isTrue();
        assertThat(both.visible(urgent)).isTrue();
    }

    private static SlotRow slot(List<String> ods, List<String> types) {
        return new SlotRow("1", "1", Instant.EPOCH, Instant.EPOCH.plusSeconds(600), "free", 1, null, "In-person", true, ods, types);
    }
}
