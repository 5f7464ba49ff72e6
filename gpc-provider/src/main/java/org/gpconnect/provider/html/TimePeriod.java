package org.gpconnect.provider.html;

import java.time.LocalDate;

/**
 * A consumer's {@code timePeriod} as the views apply it: inclusive whole days (23-May-2018 to
 * 27-May-2018 is the start of the 23rd to the end of the 27th), either end open.
 *
 * @param start first day included, or null for everything up to {@code end}
 * @param end   last day included, or null for everything from {@code start}, future items too
 */
public record TimePeriod(LocalDate start, LocalDate end) {
    public static final TimePeriod ALL = new TimePeriod(null, null);

    public boolean includes(LocalDate day) {
        return day != null && (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
    }

    /** Whether an item effective over [from, to] (to null: ongoing) overlaps the period. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return (end == null || from == null || !from.isAfter(end)) && (start == null || to == null || !to.isBefore(start));
    }

    public boolean unbounded() { return start == null && end == null; }
}
