package org.gpconnect.provider.appointments;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.store.SlotRow;
import org.gpconnect.store.Slots;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import static org.gpconnect.provider.appointments.BookingRequest.invalid;

/**
 * The slots a booking names, as read before its transaction, checked against the booking rules of
 * appointments_use_case_book_an_appointment: each exists and the booking organisation may book it (it could
 * have found it: {@link SlotRow#visibleTo}); several are adjacent, of one schedule, delivery channel and
 * service type; the appointment spans exactly from the first start to the last end; it starts in the future;
 * and every slot is still free (409 DUPLICATE_REJECTED when not). Being free now decides nothing for good:
 * the transaction takes each slot only at the version read here ({@link Slots#take}).
 */
record SlotSelection(List<SlotRow> slots) {

    static SlotSelection of(Slots store, String odsCode, BookingRequest booking, Instant now) {
        List<SlotRow> slots = new ArrayList<>();
        for (String id : booking.slotIds()) {
            SlotRow slot = store.slot(odsCode, id)
                    .orElseThrow(() -> invalid("Appointment.slot Slot/" + id + " does not exist"));
            if (!slot.visibleTo(booking.bookingOds(), booking.bookingOrgType())) {
                throw invalid("Slot/" + id + " cannot be booked by organisation " + booking.bookingOds()
                        + (booking.bookingOrgType() == null ? "" : " (" + booking.bookingOrgType() + ")"));
            }
            slots.add(slot);
        }
        slots.sort(Comparator.comparing(SlotRow::start));
        SlotRow first = slots.get(0);
        for (int i = 1; i < slots.size(); i++) {
            SlotRow previous = slots.get(i - 1);
            SlotRow next = slots.get(i);
            if (!next.start().equals(previous.end())) {
                throw invalid("Slot/" + next.id() + " does not start when Slot/" + previous.id() + " ends: slots booked together must be adjacent");
            }
            if (!next.scheduleId().equals(first.scheduleId()) || !next.deliveryChannel().equals(first.deliveryChannel())
                    || !Objects.equals(next.serviceType(), first.serviceType())) {
                throw invalid("Slot/" + next.id() + " differs from Slot/" + first.id()
                        + " in schedule, delivery channel or service type: slots booked together must share them");
            }
        }
        SlotRow last = slots.get(slots.size() - 1);
        if (!booking.start().equals(first.start()) || !booking.end().equals(last.end())) {
            throw invalid("Appointment.start and end must be " + SlotRow.local(first.start()) + " and " + SlotRow.local(last.end())
                    + ": the start of the first slot and the end of the last");
        }
        if (!first.start().isAfter(now)) {
            throw invalid("Appointment.start " + SlotRow.local(first.start()) + " is not in the future: only future appointments can be booked");
        }
        for (SlotRow slot : slots) {
            if (!slot.free()) {
                throw taken("Slot/" + slot.id() + " is no longer free");
            }
        }
        return new SlotSelection(List.copyOf(slots));
    }

    static SpineException taken(String diagnostics) {
        return new SpineException(SpineErrorCode.DUPLICATE_REJECTED, diagnostics);
    }

    SlotRow first() { return slots.get(0); }
    SlotRow last() { return slots.get(slots.size() - 1); }
}
