package org.gpconnect.store;

/** A booking lost its slot: since it was read the slot was booked, or changed, by someone else. */
public class SlotTakenException extends RuntimeException {
    public SlotTakenException(String message) {
        super(message);
    }
}
