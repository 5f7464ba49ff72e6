package org.gpconnect.provider.structured;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A search period of whole dates, either bound of which the consumer may leave out. A bound is a
 * whole day: the period 2019-01-01 to 2019-01-31 takes in all of 31 January.
 *
 * @param start first day, or null for "from the beginning of the record"
 * @param end   last day, or null for "up to today"
 */
public record SearchPeriod(LocalDate start, LocalDate end) {
    public SearchPeriod {
        if (start == null && end == null) {
            throw new IllegalArgumentException("A search period needs a start, an end or both");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw new IllegalArgumentException("A search period cannot start (" + start + ") after it ends (" + end + ")");
        }
    }

    public Optional<LocalDate> startDate() { return Optional.ofNullable(start); }
    public Optional<LocalDate> endDate() { return Optional.ofNullable(end); }
}
