package org.gpconnect.provider.structured;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The warnings a List carries when the record it summarises is incomplete, each with the note
 * text the spec prescribes (accessrecord_structured_development_list, warning codes).
 */
public record ListWarning(Code code, LocalDate since) {
    public static final String EXTENSION = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-ListWarningCode-1";
    /** "14-Sep-2026": Locale.UK would write "Sept". */
    private static final DateTimeFormatter DD_MMM_YYYY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    public enum Code {
        CONFIDENTIAL_ITEMS("confidential-items"),
        DATA_IN_TRANSIT("data-in-transit"),
        DATA_AWAITING_FILING("data-awaiting-filing");

        private final String value;

        Code(String value) { this.value = value; }

        public String value() { return value; }
    }

    public static ListWarning confidentialItems() {
        return new ListWarning(Code.CONFIDENTIAL_ITEMS, null);
    }

    /** Record transfer not complete: information recorded before the registration date may be missing. */
    public static ListWarning dataInTransit(LocalDate registered) {
        return new ListWarning(Code.DATA_IN_TRANSIT, registered);
    }

    public static ListWarning dataAwaitingFiling(LocalDate since) {
        return new ListWarning(Code.DATA_AWAITING_FILING, since);
    }

    public String note() {
        return switch (code) {
            case CONFIDENTIAL_ITEMS -> "Items excluded due to confidentiality and/or patient preferences.";
            case DATA_IN_TRANSIT -> "Patient record transfer from previous GP practice not yet complete; information recorded before "
                    + DD_MMM_YYYY.format(since) + " may be missing.";
            case DATA_AWAITING_FILING -> "Patient record contains some items in the GP practice workflow that have not been reviewed "
                    + "for inclusion in this message; information recorded before " + DD_MMM_YYYY.format(since) + " may be missing.";
        };
    }
}
