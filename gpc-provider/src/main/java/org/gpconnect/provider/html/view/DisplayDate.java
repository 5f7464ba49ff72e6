package org.gpconnect.provider.html.view;

import java.time.LocalDate;

/**
 * Dates as the views read and show them: FHIR date or dateTime text (a partial date counting from
 * its first day; a dateTime's own calendar day, as the practice recorded it) and the
 * {@code dd-Mmm-yyyy} of the layout guide, with English month names whatever the JVM's locale
 * (en-GB in recent JDKs writes "Sept").
 */
final class DisplayDate {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private DisplayDate() {}

    static String format(LocalDate date) {
        if (date == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(11);
        if (date.getDayOfMonth() < 10) {
            text.append('0');
        }
        text.append(date.getDayOfMonth()).append('-').append(MONTHS[date.getMonthValue() - 1]).append('-');
        int year = date.getYear();
        text.append(year < 1000 ? String.format("%04d", year) : Integer.toString(year));
        return text.toString();
    }

    /** A FHIR date or dateTime, or null when absent or unreadable (a view shows what it can). */
    static LocalDate parse(String text) {
        if (text == null || text.length() < 4) {
            return null;
        }
        try {
            int year = Integer.parseInt(text.substring(0, 4));
            if (text.length() < 7) {
                return LocalDate.of(year, 1, 1);
            }
            int month = Integer.parseInt(text.substring(5, 7));
            if (text.length() < 10) {
                return LocalDate.of(year, month, 1);
            }
            return LocalDate.of(year, month, Integer.parseInt(text.substring(8, 10)));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
