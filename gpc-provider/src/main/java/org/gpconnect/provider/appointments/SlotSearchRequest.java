package org.gpconnect.provider.appointments;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.store.SlotRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query of Search for free slots (appointments_use_case_search_for_free_slots): one {@code ge} start
 * and one {@code le} end, each a date or a dateTime with its offset, at most two weeks apart;
 * {@code status=free}; the mandatory {@code _include=Slot:schedule} and the optional recursive includes;
 * and the consumer's searchFilters. A missing start, end or status is BAD_REQUEST and anything malformed
 * INVALID_PARAMETER, the codes the test suite's SearchForFreeSlots.feature expects.
 *
 * @param from          the first instant a slot may start at
 * @param to            the last instant a slot may end at (the end of the day for an end date)
 * @param practitioners whether the schedules' Practitioners were asked for
 * @param locations     whether the schedules' Locations were asked for
 * @param odsCodes      the consumer's ODS codes from its searchFilters
 * @param orgTypes      the consumer's organisation types from its searchFilters
 */
public record SlotSearchRequest(Instant from, Instant to, boolean practitioners, boolean locations,
                                List<String> odsCodes, List<String> orgTypes) {
    /** The longest range a search may span (the test suite accepts 14 days and rejects 15). */
    public static final int MAX_DAYS = 14;
    static final String SCHEDULE = "Slot:schedule";
    static final String PRACTITIONER = "Schedule:actor:Practitioner";
    static final String LOCATION = "Schedule:actor:Location";
    static final String ORGANIZATION = "Location:managingOrganization";
    private static final Set<String> INCLUDES = Set.of(SCHEDULE, PRACTITIONER, LOCATION, ORGANIZATION);
    public static final String ORGANISATION_TYPE = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A dateTime must carry its numeric offset: one without, or with Z, is refused (test suite). */
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{2}:\\d{2}");

    public static SlotSearchRequest parse(Map<String, String[]> parameters) {
        Bound start = bound(parameters, "start", "ge");
        Bound end = bound(parameters, "end", "le");
        String status = once(parameters, "status");
        if (!status.equals("free")) {
            throw invalid("status must be free, not " + status);
        }
        // an end date is the whole of that day, so it may be the day a dateTime start falls on
        boolean endsFirst = end.date ? end.local.toLocalDate().isBefore(start.local.toLocalDate()) : end.instant.isBefore(start.instant);
        if (endsFirst) {
            throw invalid("The search ends (" + end.text + ") before it starts (" + start.text + ")");
        }
        // in UK local time, so that two weeks across a clock change are still two weeks
        if (end.local.isAfter(start.local.plusDays(MAX_DAYS))) {
            throw invalid("A slot search may span " + MAX_DAYS + " days at most, not " + start.text + " to " + end.text);
        }
        List<String> includes = new ArrayList<>(values(parameters, "_include"));
        includes.addAll(values(parameters, "_include:recurse"));
        for (String include : includes) {
            if (!INCLUDES.contains(include)) {
                throw invalid("A slot search cannot include " + include);
            }
        }
        if (!values(parameters, "_include").contains(SCHEDULE)) {
            throw invalid("A slot search must include " + SCHEDULE);
        }
        List<String> odsCodes = new ArrayList<>();
        List<String> orgTypes = new ArrayList<>();
        for (String filter : values(parameters, "searchFilter")) {
            int bar = filter.indexOf('|');
            String code = bar < 0 ? "" : filter.substring(bar + 1).trim();
            String system = bar < 0 ? "" : filter.substring(0, bar);
            // filters of other systems (a UC disposition code, say) are ignored, as the spec requires
            if (!code.isEmpty() && system.equals(IdentifierSystem.ODS_ORGANIZATION_CODE)) {
                odsCodes.add(code);
            } else if (!code.isEmpty() && system.equals(ORGANISATION_TYPE)) {
                orgTypes.add(code);
            }
        }
        Instant to = end.date ? end.local.plusDays(1).atZone(UK).toInstant() : end.instant;
        return new SlotSearchRequest(start.instant, to, includes.contains(PRACTITIONER), includes.contains(LOCATION),
                List.copyOf(odsCodes), List.copyOf(orgTypes));
    }

    /**
     * Whether the consumer may see the slot: by the searchFilter table of
     * appointments_provider_sys_slot_availability, as {@link SlotRow#visibleTo} decides for one ODS code and
     * one type; a consumer naming several of either sees what any of them would.
     */
    public boolean visible(SlotRow slot) {
        for (String ods : orNone(odsCodes)) {
            for (String type : orNone(orgTypes)) {
                if (slot.visibleTo(ods, type)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> orNone(List<String> values) {
        return values.isEmpty() ? Collections.singletonList(null) : values;
    }

    /** A start or end: the moment it names, its UK local date-time (midnight for a date), and whether it is a date. */
    private record Bound(String text, Instant instant, LocalDateTime local, boolean date) {}

    private static Bound bound(Map<String, String[]> parameters, String name, String prefix) {
        String value = once(parameters, name);
        if (!value.startsWith(prefix)) {
            throw invalid(name + " takes the prefix " + prefix + " only: " + value);
        }
        // an unencoded "+" of an offset arrives as a space; a date never holds one
        String text = value.substring(prefix.length()).replace(' ', '+');
        try {
            if (DATE.matcher(text).matches()) {
                LocalDateTime midnight = LocalDate.parse(text).atStartOfDay();
                return new Bound(text, midnight.atZone(UK).toInstant(), midnight, true);
            }
            if (DATE_TIME.matcher(text).matches()) {
                OffsetDateTime moment = OffsetDateTime.parse(text);
                return new Bound(text, moment.toInstant(), moment.atZoneSameInstant(UK).toLocalDateTime(), false);
            }
        } catch (DateTimeParseException e) {
            // falls through: a date that does not exist (2019-02-30) is as invalid as one badly written
        }
        throw invalid(name + " must be " + prefix + " and a date (yyyy-mm-dd) or a dateTime with its offset"
                + " (yyyy-mm-ddThh:mm:ss+hh:mm), not " + value);
    }

    /** A parameter that must be sent exactly once: absent is a bad request, twice or empty an invalid one. */
    private static String once(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            throw SpineException.badRequest("A slot search must have " + name);
        }
        if (values.length > 1) {
            throw invalid(name + " may be given once only");
        }
        if (values[0] == null || values[0].isBlank()) {
            throw invalid(name + " has no value");
        }
        return values[0].trim();
    }

    private static List<String> values(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static SpineException invalid(String diagnostics) {
        return new SpineException(SpineErrorCode.INVALID_PARAMETER, diagnostics);
    }
}
