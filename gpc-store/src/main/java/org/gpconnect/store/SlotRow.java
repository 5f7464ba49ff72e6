package org.gpconnect.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One slot of a schedule, as stored (V7 {@code slot}): when, whether free, its version (a booking
 * takes it only at the version it read), and who may book it. The GP Connect "organisation access
 * profile" (appointments_provider_sys_slot_availability): {@code bookable} is the practice's GP Connect
 * bookable switch; {@code bookingOds} and {@code bookingOrgTypes}, when not null, restrict which
 * organisations (ODS codes) and organisation types may book it.
 */
public record SlotRow(String id, String scheduleId, Instant start, Instant end, String status, long versionId,
                      String serviceType, String deliveryChannel, boolean bookable, List<String> bookingOds,
                      List<String> bookingOrgTypes) {
    public static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1";
    public static final String DELIVERY_CHANNEL = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** UK local time with its offset, seconds always written: yyyy-mm-ddThh:mm:ss+hh:mm (appointments.md §3). */
    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean free() {
        return "free".equals(status);
    }

    public String reference() {
        return "Slot/" + id;
    }

    /**
     * Whether a consumer that sent these searchFilters may see (and so book) the slot, by the table of
     * appointments_provider_sys_slot_availability: a restriction the consumer did not name a value for
     * excludes the slot; one it named must include that value.
     */
    public boolean visibleTo(String odsCode, String orgType) {
        if (!bookable) {
            return false;
        }
        boolean odsOk = bookingOds == null || (odsCode != null && bookingOds.contains(odsCode));
        boolean typeOk = bookingOrgTypes == null || (orgType != null && bookingOrgTypes.contains(orgType));
        return odsOk && typeOk;
    }

    /** The Slot resource (GPConnect-Slot-1) this row is. */
    public String json() {
        ObjectNode slot = JSON.createObjectNode().put("resourceType", "Slot").put("id", id);
        ObjectNode meta = slot.putObject("meta").put("versionId", Long.toString(versionId));
        meta.putArray("profile").add(PROFILE);
        slot.putArray("extension").addObject().put("url", DELIVERY_CHANNEL).put("valueCode", deliveryChannel);
        if (serviceType != null) {
            slot.putArray("serviceType").addObject().put("text", serviceType);
        }
        slot.putObject("schedule").put("reference", "Schedule/" + scheduleId);
        slot.put("status", status).put("start", local(start)).put("end", local(end));
        return slot.toString();
    }

    public static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, UK).format(LOCAL);
    }
}
