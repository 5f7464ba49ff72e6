package org.gpconnect.provider.html.view;

import org.gpconnect.provider.html.TimePeriod;

/** The texts of the {@code date-banner} (accessrecord_html_layout.md; quotes as the 0.7.4 test suite expects). */
final class DateBanner {
    static final String ALL_RELEVANT = "All relevant items";
    static final String NOT_APPLIED = "Date filter not applied";

    private DateBanner() {}

    /** A consumer's timePeriod as applied to a subsection that takes it. */
    static String consumer(TimePeriod period) {
        if (period.start() != null && period.end() != null) {
            return "For the period '" + DisplayDate.format(period.start()) + "' to '" + DisplayDate.format(period.end()) + "'";
        }
        if (period.start() != null) {
            return "Data items from '" + DisplayDate.format(period.start()) + "'";
        }
        if (period.end() != null) {
            return "Data items until '" + DisplayDate.format(period.end()) + "'";
        }
        return ALL_RELEVANT;
    }

    /** The practice's default time frame, applied because the consumer sent none. */
    static String defaultFrame(TimePeriod period) {
        return "All data items from '" + DisplayDate.format(period.start()) + "'";
    }
}
