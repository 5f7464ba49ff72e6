package org.gpconnect.provider.html;

import java.util.Arrays;
import java.util.Optional;

/**
 * The care record sections of gpconnect-record-section-1 (0.7.4): the code a consumer asks for, the
 * value set's display (Composition.section.title and code), the view's heading, and whether the
 * section takes a {@code timePeriod} (accessrecord_html_layout.md; SUM, ALL and IMM do not).
 * INV and PAT are in the value set but have no view in 0.7.4.
 */
public enum RecordSection {
    SUM("Summary", "Summary", false),
    ENC("Encounters", "Encounters", true),
    CLI("Clinical Items", "Clinical Items", true),
    PRB("Problems", "Problems and Issues", true),
    ALL("Allergies and Sensitivities", "Allergies and Adverse Reactions", false),
    MED("Medications", "Medications", true),
    REF("Referrals", "Referrals", true),
    OBS("Observations", "Observations", true),
    IMM("Immunisations", "Immunisations", false),
    ADM("Administrative Items", "Administrative Items", true),
    INV("Investigations", "Investigations", true),
    PAT("Patient Details", "Patient Details", false);

    public static final String SYSTEM = "http://fhir.nhs.net/ValueSet/gpconnect-record-section-1";

    private final String display;
    private final String heading;
    private final boolean acceptsTimePeriod;

    RecordSection(String display, String heading, boolean acceptsTimePeriod) {
        this.display = display;
        this.heading = heading;
        this.acceptsTimePeriod = acceptsTimePeriod;
    }

    /** The value set's display: Composition.section.title and section.code.text. */
    public String display() { return display; }

    /** The view's {@code <h1>}. */
    public String heading() { return heading; }

    public boolean acceptsTimePeriod() { return acceptsTimePeriod; }

    /** Exactly as the value set spells it: upper case only. */
    public static Optional<RecordSection> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
    }
}
