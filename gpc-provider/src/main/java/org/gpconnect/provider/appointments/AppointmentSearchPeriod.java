package org.gpconnect.provider.appointments;

import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days of Retrieve a patient's appointments: {@code start} exactly twice, one {@code ge} and one {@code le},
 * each a whole date (yyyy-mm-dd, no time), the first not before today and not after the second
 * (appointments_use_case_retrieve_a_patients_appointments). Anything else is 422 INVALID_PARAMETER.
 */
record AppointmentSearchPeriod(LocalDate from, LocalDate to) {
    private static final Pattern VALUE = Pattern.compile("([a-z]{2})(\\d{4}-\\d{2}-\\d{2})");

    static AppointmentSearchPeriod parse(String[] starts, LocalDate today) {
        if (starts == null || starts.length != 2) {
            throw invalid("start must be given twice, once with ge and once with le (e.g. start=ge2030-03-01&start=le2030-03-14)");
        }
        LocalDate from = null;
        LocalDate to = null;
        for (String start : starts) {
            Matcher value = VALUE.matcher(start);
            if (!value.matches()) {
                throw invalid("start " + start + " must be ge or le followed by a whole date yyyy-mm-dd, without a time");
            }
            LocalDate date = date(value.group(2), start);
            switch (value.group(1)) {
                case "ge" -> from = from == null ? date : duplicate("ge");
                case "le" -> to = to == null ? date : duplicate("le");
                default -> throw invalid("start " + start + " has prefix " + value.group(1) + ": only ge and le are supported");
            }
        }
        if (from.isBefore(today)) {
            throw invalid("start ge" + from + " is in the past: past appointments cannot be requested, only those from today on");
        }
        if (to.isBefore(from)) {
            throw invalid("start le" + to + " is before start ge" + from);
        }
        return new AppointmentSearchPeriod(from, to);
    }

    private static LocalDate date(String text, String parameter) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("start " + parameter + " is not a real date");
        }
    }

    private static LocalDate duplicate(String prefix) {
        throw invalid("start is given twice with " + prefix + ": one ge and one le are needed");
    }

    private static SpineException invalid(String diagnostics) {
        return new SpineException(SpineErrorCode.INVALID_PARAMETER, diagnostics);
    }
}
