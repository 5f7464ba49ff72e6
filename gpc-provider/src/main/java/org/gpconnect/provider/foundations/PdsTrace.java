package org.gpconnect.provider.foundations;

import org.gpconnect.store.pds.PdsRecord;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The spec's rule for accepting an NHS number as verified against PDS (find a patient, register a
 * patient): the date of birth matches exactly, or two of its three parts match and so do the first
 * three letters of the family name and the first letter of the given name; and PDS holds no death,
 * no sensitive, superseded or invalid flag.
 */
record PdsTrace(String family, String given, LocalDate birthDate) {

    enum Result { VERIFIED, NOT_ON_PDS, DEMOGRAPHICS_DIFFER, DECEASED, SENSITIVE, SUPERSEDED_OR_INVALID }

    Result against(PdsRecord pds) {
        if (pds == null) {
            return Result.NOT_ON_PDS;
        }
        if (pds.superseded() || pds.invalid()) {
            return Result.SUPERSEDED_OR_INVALID;
        }
        if (pds.deathDate() != null) {
            return Result.DECEASED;
        }
        if (pds.sensitive()) {
            return Result.SENSITIVE;
        }
        return demographicsMatch(pds) ? Result.VERIFIED : Result.DEMOGRAPHICS_DIFFER;
    }

    private boolean demographicsMatch(PdsRecord pds) {
        if (birthDate == null || pds.birthDate() == null) {
            return false;
        }
        if (birthDate.equals(pds.birthDate())) {
            return true;
        }
        int parts = (birthDate.getYear() == pds.birthDate().getYear() ? 1 : 0)
                + (birthDate.getMonthValue() == pds.birthDate().getMonthValue() ? 1 : 0)
                + (birthDate.getDayOfMonth() == pds.birthDate().getDayOfMonth() ? 1 : 0);
        return parts >= 2 && prefix(family, 3).equals(prefix(pds.family(), 3)) && !prefix(given, 1).isEmpty()
                && prefix(given, 1).equals(prefix(pds.given(), 1));
    }

    private static String prefix(String name, int length) {
        if (name == null) {
            return "";
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return upper.length() <= length ? upper : upper.substring(0, length);
    }
}
