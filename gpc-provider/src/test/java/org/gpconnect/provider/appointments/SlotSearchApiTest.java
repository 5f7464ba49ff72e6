package org.gpconnect.provider.appointments;

import org.gpconnect.provider.support.ApiTest;
import org.gpconnect.provider.support.GpcClient;
import org.gpconnect.provider.support.Response;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.METADATA;
import static org.gpconnect.fhir.interaction.InteractionCatalogue.SEARCH_SLOTS;

/**
 * Search for free slots over HTTP, scenario by scenario of the test suite's SearchForFreeSlots.feature:
 * the searchFilter visibility of the data set's rolling slots (schedule 1 open to anyone, schedule 2 to ODS B82617
 * and R1A14, schedule 3 to types gp-practice and urgent-care), the 2017 fixed slots, every include, the error codes, and XML.
 */
public abstract class SlotSearchApiTest extends ApiTest {
    static final ZoneId UK = ZoneId.of("Europe/London");
    static final String ODS = "searchFilter=https://fhir.nhs.uk/Id/ods-organization-code|";
    static final String TYPE = "searchFilter=https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1|";
    static final String ORG1 = ODS + "B82617";
    static final String ORG2 = ODS + "R1A14";
    static final String ORG3 = ODS + "X12345";
    static final String FREE = "status=free&_include=Slot:schedule";
    static final String ALL_INCLUDES = "&_include:recurse=Schedule:actor:Practitioner&_include:recurse=Schedule:actor:Location"
            + "&_include:recurse=Location:managingOrganization";
    static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    GpcClient.Request search(String query) {
        return client.get(ROOT + "/Slot?" + query.replace("|", "%7C").replace("+", "%2B"), SEARCH_SLOTS, ORG_READ);
    }

    /** The test suite's "required parameters": midnight tomorrow, UK time with its offset, to midnight days later. */
    static String period(int days) {
        ZonedDateTime start = LocalDate.now(UK).plusDays(1).atStartOfDay(UK);
        return "start=ge" + start.format(WITH_OFFSET) + "&end=le" + start.plusDays(days).format(WITH_OFFSET);
    }

    static String today(int days) {
        LocalDate today = LocalDate.now(UK);
        return "start=ge" + today + "&end=le" + today.plusDays(days);
    }

    Bundle found(String query) {
        Response response = search(query).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Bundle bundle = response.resource(Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1");
        assertThat(bundle.hasTotal()).isFalse();
        assertThat(bundle.getLink()).isEmpty();
        return bundle;
    }

    static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }

    /** Rolling slots of these schedules still free: ten weekdays in any fourteen days, less any booked by other tests. */
    /** The data set's rolling slots in the answer: other test classes add slots of their own on the shared server. */
    static List<Slot> rolling(Bundle bundle) {
        return all(bundle, Slot.class).stream().filter(slot -> slot.getIdElement().getIdPart().startsWith("r")).toList();
    }

    int freeRolling(String... schedules) {
        try (Connection connection = server.bean(DataSource.class).getConnection();
             PreparedStatement busy = connection.prepareStatement("SELECT COUNT(*) FROM slot WHERE practice_ods = 'B82617'"
                     + " AND rolling = TRUE AND status = 'busy' AND start_at >= ? AND schedule_id IN ('"
                     + String.join("','", schedules) + "')")) {
            busy.setObject(1, LocalDate.now(UK).atStartOfDay(UK).toOffsetDateTime());
            try (ResultSet rs = busy.executeQuery()) {
                rs.next();
                return 10 * schedules.length - rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTestSuitesConsumerSeesAllThirtyRollingSlotsOfTheTwoWeeksFromToday() {
        Bundle bundle = found(today(13) + "&" + FREE + "&" + ORG1 + "&" + TYPE + "urgent-care");
        List<Slot> slots = rolling(bundle);
        assertThat(slots).hasSize(freeRolling("1", "2", "3"));
        assertThat(slots).allSatisfy(slot -> {
            assertThat(slot.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
            assertThat(slot.getIdElement().getIdPart()).startsWith("r");
            assertThat(slot.getMeta().getVersionId()).isNotBlank();
            assertThat(slot.getServiceTypeFirstRep().getText()).isNotBlank();
            assertThat(slot.getExtensionsByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2")).hasSize(1);
            assertThat(slot.hasSpecialty()).isFalse();
            assertThat(slot.hasComment()).isFalse();
        });
        assertThat(all(bundle, Schedule.class)).extracting(s -> s.getIdElement().getIdPart()).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(all(bundle, Organization.class)).as("the managing Organization, always").hasSize(1);
        assertThat(all(bundle, Location.class)).isEmpty();
        assertThat(all(bundle, Practitioner.class)).isEmpty();
        assertConformant(bundle);
    }

    @Test
    void aSlotStartsAndEndsInUkLocalTimeWithItsOffset() {
        Response response = search(today(13) + "&" + FREE + "&" + ORG1 + "&" + TYPE + "urgent-care").send();
        assertThat(response.body()).containsPattern("\"start\":\"\\d{4}-\\d{2}-\\d{2}T09:00:00\\+0[01]:00\"");
    }

    @Test
    void aDateEndTakesInThatWholeDay() {
        LocalDate monday = LocalDate.now(UK).plusDays(7 - LocalDate.now(UK).getDayOfWeek().getValue() + 1);
        Bundle bundle = found("start=ge" + monday + "&end=le" + monday + "&" + FREE + "&" + ORG1 + "&" + TYPE + "urgent-care");
        assertThat(rolling(bundle)).as("09:00, 11:30 and 15:00 on a weekday").hasSize(freeOn(monday));
    }

    private int freeOn(LocalDate day) {
        try (Connection connection = server.bean(DataSource.class).getConnection();
             PreparedStatement free = connection.prepareStatement("SELECT COUNT(*) FROM slot WHERE practice_ods = 'B82617'"
                     + " AND rolling = TRUE AND bookable = TRUE AND status = 'free' AND start_at >= ? AND start_at < ?")) {
            free.setObject(1, day.atStartOfDay(UK).toOffsetDateTime());
            free.setObject(2, day.plusDays(1).atStartOfDay(UK).toOffsetDateTime());
            try (ResultSet rs = free.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("test data").isBetween(1, 3);
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOrganisationCodeOnlySeesTheSlotsWithoutATypeRestriction() {
        Bundle bundle = found(today(13) + "&" + FREE + "&" + ORG2);
        assertThat(rolling(bundle)).hasSize(freeRolling("1", "2"))
                .allSatisfy(slot -> assertThat(slot.getSchedule().getReference()).isIn("Schedule/1", "Schedule/2"));
        assertThat(all(bundle, Schedule.class)).extracting(s -> s.getIdElement().getIdPart()).containsExactlyInAnyOrder("1", "2");
    }

    @ParameterizedTest
    @ValueSource(strings = {ORG3, "searchFilter=TypeCategory|OtherTypeCategory", "_count=1", ODS + "A20047"})
    void anyOtherConsumerSeesTheSlotsOpenToAnyone(String filter) {
        Bundle bundle = found(today(13) + "&" + FREE + ALL_INCLUDES + "&" + filter);
        assertThat(rolling(bundle)).hasSize(freeRolling("1"))
                .allSatisfy(slot -> assertThat(slot.getSchedule().getReference()).isEqualTo("Schedule/1"));
    }

    @Test
    void anOrganisationTypeOnlySeesTheSlotsWithoutACodeRestriction() {
        assertThat(rolling(found(today(13) + "&" + FREE + "&" + TYPE + "urgent-care")))
                .hasSize(freeRolling("1", "3"))
                .allSatisfy(slot -> assertThat(slot.getSchedule().getReference()).isIn("Schedule/1", "Schedule/3"));
    }

    @Test
    void theOrganisationTypeFilterDoesNotHideSlotsWithoutATypeRestriction() {
        assertThat(rolling(found(today(13) + "&" + FREE + "&" + ORG1 + "&" + TYPE + "urgent-care")))
                .hasSize(freeRolling("1", "2", "3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&" + ODS + "B82617", "&" + TYPE + "gp-practice&" + ODS + "A20047"})
    void theFixedSlotOf29December2017IsOpenToAnyConsumer(String filter) {
        Bundle bundle = found("start=ge2017-12-29&end=le2017-12-29&" + FREE + filter);
        assertThat(all(bundle, Slot.class)).singleElement().satisfies(slot -> {
            assertThat(slot.getIdElement().getIdPart()).isEqualTo("fixed-3");
            assertThat(slot.getStartElement().getValueAsString()).isEqualTo("2017-12-29T12:40:00+00:00");
            assertThat(slot.getEndElement().getValueAsString()).isEqualTo("2017-12-29T12:50:00+00:00");
        });
        assertThat(all(bundle, Schedule.class)).hasSize(1);
        assertThat(all(bundle, Organization.class)).hasSize(1);
    }

    @Test
    void aSlotMustLieWhollyWithinTheRange() {
        assertThat(all(found("start=ge2017-12-29T12:41:00+00:00&end=le2017-12-29T23:00:00+00:00&" + FREE), Slot.class)).isEmpty();
        assertThat(all(found("start=ge2017-12-29T12:00:00+00:00&end=le2017-12-29T12:49:00+00:00&" + FREE), Slot.class)).isEmpty();
        assertThat(all(found("start=ge2017-12-29T12:40:00+00:00&end=le2017-12-29T12:50:00+00:00&" + FREE), Slot.class)).hasSize(1);
    }

    @Test
    void everyIncludeBringsTheSchedulesActorsAndTheManagingOrganization() {
        Bundle bundle = found(period(3) + "&" + FREE + ALL_INCLUDES + "&" + ORG1);
        assertThat(all(bundle, Slot.class)).isNotEmpty();
        assertThat(all(bundle, Location.class)).extracting(l -> l.getIdElement().getIdPart()).containsExactly("1");
        Location location = all(bundle, Location.class).get(0);
        assertThat(all(bundle, Organization.class)).extracting(o -> "Organization/" + o.getIdElement().getIdPart())
                .containsExactly(location.getManagingOrganization().getReference());
        List<String> practitioners = all(bundle, Practitioner.class).stream().map(p -> "Practitioner/" + p.getIdElement().getIdPart()).toList();
        assertThat(practitioners).isNotEmpty();
        for (Schedule schedule : all(bundle, Schedule.class)) {
            assertThat(schedule.getActor()).extracting(a -> a.getReference()).contains("Location/1");
            assertThat(schedule.getActor()).extracting(a -> a.getReference()).filteredOn(r -> r.startsWith("Practitioner/"))
                    .allSatisfy(r -> assertThat(practitioners).contains(r));
            assertThat(schedule.hasComment()).as("the test suite wants no comment").isFalse();
            assertThat(schedule.getServiceCategory().getText()).isNotBlank();
            assertThat(schedule.getExtensionsByUrl("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1")).hasSize(1);
            assertThat(schedule.getPlanningHorizon().hasStart()).isTrue();
        }
        assertConformant(bundle);
    }

    @ParameterizedTest
    @CsvSource({"Schedule:actor:Practitioner,Practitioner,Location", "Schedule:actor:Location,Location,Practitioner"})
    void anActorNotAskedForIsLeftOut(String include, String present, String absent) {
        Bundle bundle = found(period(3) + "&" + FREE + "&_include:recurse=" + include + "&" + ORG1);
        List<String> types = bundle.getEntry().stream().map(e -> e.getResource().fhirType()).distinct().toList();
        assertThat(types).contains("Slot", "Schedule", "Organization", present).doesNotContain(absent);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 14})
    void rangesOfUpToTwoWeeksAreAccepted(int days) {
        found(period(days) + "&" + FREE + "&" + ORG1 + "&" + TYPE + "urgent-care");
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 31, -1})
    void longerOrNegativeRangesAreInvalid(int days) {
        assertSpineError(search(period(days) + "&" + FREE + "&" + ORG1).send(), 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"start,end", "start", "end", "status"})
    void aMissingRequiredParameterIsABadRequest(String keys) {
        String query = period(3) + "&" + FREE + "&" + ORG1;
        for (String key : keys.split(",")) {
            query = query.replaceAll("(^|&)" + key + "=[^&]*", "");
        }
        assertSpineError(search(query).send(), 400, "BAD_REQUEST");
    }

    @ParameterizedTest
    @CsvSource(value = {"start,invalidStartDate", "start,''", "end,invalidEnddate", "end,''", "status,busy"}, quoteCharacter = '\'')
    void anInvalidParameterValueIsInvalid(String key, String value) {
        String query = (period(3) + "&" + FREE + "&" + ORG1).replaceAll("(^|&)" + key + "=[^&]*", "$1" + key + "=" + value);
        assertSpineError(search(query).send(), 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest
    @CsvSource({"lt,gt", "gt,gt", "lt,lt", "le,ge", "eq,eq", "gt,lt", "ne,ne", "gt,ne", "ne,lt", "ge,ne", "ne,le"})
    void anyPrefixButGeAndLeIsInvalid(String startPrefix, String endPrefix) {
        LocalDate today = LocalDate.now(UK);
        String query = "start=" + startPrefix + today + "&end=" + endPrefix + today.plusDays(3) + "&" + FREE + "&" + ORG1;
        assertSpineError(search(query).send(), 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest
    @CsvSource({"yyyy-MM-dd,yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssxxx,yyyy-MM-dd'T'HH:mm:ssxxx",
            "yyyy-MM-dd'T'HH:mm:ssxxx,yyyy-MM-dd", "yyyy-MM-dd,yyyy-MM-dd'T'HH:mm:ssxxx"})
    void datesAndDateTimesWithOffsetsAreValid(String startFormat, String endFormat) {
        found(formatted(startFormat, endFormat) + "&" + FREE + "&" + ORG1 + "&" + TYPE + "urgent-care&searchFilter=TypeCategory|Other");
    }

    @ParameterizedTest
    @CsvSource({"yyyy-MM-dd'T'HH:mm:ss,yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z',yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm:ss,yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy,yyyy-MM", "yyyy-MM,yyyy"})
    void partialDatesAndDateTimesWithoutAnOffsetAreInvalid(String startFormat, String endFormat) {
        assertSpineError(search(formatted(startFormat, endFormat) + "&" + FREE + "&" + ORG1).send(), 422, "INVALID_PARAMETER");
    }

    private static String formatted(String startFormat, String endFormat) {
        ZonedDateTime now = ZonedDateTime.now(UK).withNano(0);
        return "start=ge" + now.format(DateTimeFormatter.ofPattern(startFormat))
                + "&end=le" + now.plusDays(3).format(DateTimeFormatter.ofPattern(endFormat));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=free", "status=free&_include=Schedule:actor:Location",
            "status=free&_include=Slot:schedule&_include=Slot:unknown", "status=free&status=free&_include=Slot:schedule"})
    void theScheduleIncludeIsMandatoryAndUnknownIncludesOrRepeatsAreInvalid(String rest) {
        assertSpineError(search(period(3) + "&" + rest + "&" + ORG1).send(), 422, "INVALID_PARAMETER");
    }

    @Test
    void aRepeatedStartIsInvalid() {
        LocalDate today = LocalDate.now(UK);
        assertSpineError(search("start=ge" + today + "&start=ge" + today + "&end=le" + today + "&" + FREE).send(), 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest
    @CsvSource({"application/fhir+xml,application/fhir+xml,true", "application/fhir+json,application/fhir+json,false",
            "application/fhir+json,application/fhir+xml,true", "application/fhir+xml,application/fhir+json,false"})
    void answersInTheNegotiatedFormat(String accept, String format, boolean xml) {
        Response response = search(period(3) + "&" + FREE + ALL_INCLUDES + "&" + ORG1 + "&_format=" + format)
                .header("Accept", accept).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.isXml()).isEqualTo(xml);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        Bundle bundle = response.resource(Bundle.class);
        assertThat(all(bundle, Slot.class)).isNotEmpty().allSatisfy(slot ->
                assertThat(all(bundle, Schedule.class)).extracting(s -> "Schedule/" + s.getIdElement().getIdPart())
                        .contains(slot.getSchedule().getReference()));
    }

    @Test
    void aRejectionIsNotCachedEither() {
        Response response = search(period(30) + "&" + FREE + "&" + ORG1).send();
        assertSpineError(response, 422, "INVALID_PARAMETER");
    }

    @Test
    void theCapabilityStatementListsSlotSearchAndItsIncludes() {
        Response response = client.get(ROOT + "/metadata", METADATA, ORG_READ).send();
        CapabilityStatement statement = response.resource(CapabilityStatement.class);
        CapabilityStatement.CapabilityStatementRestResourceComponent slot = statement.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("Slot")).findFirst().orElseThrow();
        assertThat(slot.getInteraction()).extracting(i -> i.getCode())
                .containsExactly(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        assertThat(slot.getSearchInclude()).extracting(i -> i.getValue()).contains("Slot:schedule", "Location:managingOrganization");
    }
}
