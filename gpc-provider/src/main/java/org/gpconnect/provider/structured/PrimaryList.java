package org.gpconnect.provider.structured;

/**
 * The primary List of each clinical area: one per requested area, always returned, empty with a
 * reason when there is nothing (accessrecord_structured_development_lists_for_message_structure).
 * Codes are SNOMED CT; titles are exactly the spec's (the test suite asserts them).
 */
public enum PrimaryList {
    ALLERGIES("886921000000105", "Allergies and adverse reactions", "Allergies and adverse reactions"),
    ENDED_ALLERGIES("1103671000000101", "Ended allergies", "Ended allergies"),
    CONSULTATIONS("1149501000000101", "List of consultations", "List of consultations"),
    DIARY_ENTRIES("714311000000108", "Patient recall administration", "Patient recall administration"),
    IMMUNISATIONS("1102181000000102", "Immunisations", "Immunisations"),
    INVESTIGATIONS("887191000000108", "Investigations and results", "Investigations and results"),
    MEDICATIONS("933361000000108", "Medications and medical devices", "Medications and medical devices"),
    REFERRALS("792931000000107", "Outbound referral", "Outbound referral"),
    PROBLEMS("717711000000103", "Problems", "Problems"),
    UNCATEGORISED("826501000000100", "Miscellaneous record", "Uncategorised data");

    public static final String SNOMED = "http://snomed.info/sct";

    private final String code;
    private final String display;
    private final String title;

    PrimaryList(String code, String display, String title) {
        this.code = code;
        this.display = display;
        this.title = title;
    }

    public String code() { return code; }
    public String display() { return display; }
    public String title() { return title; }
}
