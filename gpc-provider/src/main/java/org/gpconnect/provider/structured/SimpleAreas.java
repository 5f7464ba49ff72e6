package org.gpconnect.provider.structured;

import org.gpconnect.store.FilterFields;

import java.time.LocalDate;

/**
 * The clinical areas whose primary List is a filtered set of one resource type
 * (accessrecord_structured_development_*_guidance): immunisations, outbound referrals, diary
 * entries, investigations and uncategorised data. Their related-problem lists come with the problems area.
 */
final class SimpleAreas {
    private SimpleAreas() {}

    /** Given immunisations always; not-given ones only when asked; no date filter. */
    static void immunisations(StructuredRecordAssembly assembly, StructuredRecordRequest.Immunisations ask) {
        RecordItems.addList(assembly, PrimaryList.IMMUNISATIONS, ImmunisationStatus.types(ask), ImmunisationStatus.withStatus(ask,
                item -> !item.is("status", "entered-in-error")
                        && (ask.includeNotGiven() || !item.is("notGiven", "true"))));
    }

    /** Outbound referrals authored in the period; entered-in-error never. */
    static void referrals(StructuredRecordAssembly assembly, StructuredRecordRequest.Referrals ask) {
        RecordItems.addList(assembly, PrimaryList.REFERRALS, "ReferralRequest",
                item -> !item.is("status", "entered-in-error")
                        && RecordItems.within(ask.searchPeriod().orElse(null), item.get("authoredOn")));
    }

    /** Incomplete diary entries (active plans) due on or before the search date, overdue ones always. */
    static void diaryEntries(StructuredRecordAssembly assembly, StructuredRecordRequest.DiaryEntries ask) {
        RecordItems.addList(assembly, PrimaryList.DIARY_ENTRIES, "ProcedureRequest",
                item -> item.is("intent", "plan") && item.is("status", "active")
                        && ask.searchDate().map(date -> dueBy(item, date)).orElse(true));
    }

    /**
     * Every document's DocumentReference, linked to an item or not: a migration sends them all, so
     * that the new practice can fetch each with Migrate a document (structured.md §12). There is no
     * documents List; confidential ones only go with sensitive information, like any item.
     */
    static void documents(StructuredRecordAssembly assembly) {
        for (org.gpconnect.store.StoredResource document : assembly.resources().ofType(DocumentReferences.TYPE)) {
            if (!assembly.confidential(document)) {
                assembly.item(document);
            }
        }
    }

    /** Pathology reports issued in the period; their results, specimens and requests follow by reference. */
    static void investigations(StructuredRecordAssembly assembly, StructuredRecordRequest.Investigations ask) {
        RecordItems.addList(assembly, PrimaryList.INVESTIGATIONS, "DiagnosticReport",
                item -> RecordItems.within(ask.searchPeriod().orElse(null), item.get("issued")));
    }

    /**
     * Coded items of no other area: Observations that are not part of an investigation (reached
     * from a DiagnosticReport) and not consultation comment notes, effective in the period.
     */
    static void uncategorisedData(StructuredRecordAssembly assembly, StructuredRecordRequest.UncategorisedData ask) {
        java.util.Set<String> investigationParts = investigationParts(assembly);
        RecordItems.addList(assembly, PrimaryList.UNCATEGORISED, "Observation",
                (stored, item) -> !investigationParts.contains("Observation/" + stored.id())
                        && !isCommentNote(item)
                        && !ImmunisationStatus.recordsStatus(item)
                        && RecordItems.within(ask.searchPeriod().orElse(null),
                        item.get("effectivePeriod.start") != null ? item.get("effectivePeriod.start") : item.get("effectiveDateTime")));
    }

    /** The Observations a pathology report holds: its results and what its test groups hold (has-member). */
    private static java.util.Set<String> investigationParts(StructuredRecordAssembly assembly) {
        java.util.Set<String> parts = new java.util.HashSet<>();
        for (org.gpconnect.store.StoredResource report : assembly.resources().ofType("DiagnosticReport")) {
            parts.addAll(assembly.fields(report).all("result"));
        }
        if (parts.isEmpty()) {
            return parts;
        }
        for (org.gpconnect.store.StoredResource observation : assembly.resources().ofType("Observation")) {
            if (parts.contains("Observation/" + observation.id())) {
                parts.addAll(assembly.fields(observation).all("related"));
            }
        }
        return parts;
    }

    /** SNOMED 37331000000100 "Comment note": consultation narrative and filing comments, never uncategorised. */
    private static final String COMMENT_NOTE = "37331000000100";

    /** The first coding's code is SNOMED's comment note. */
    private static boolean isCommentNote(FilterFields item) {
        String code = item.get("code");
        return code != null && code.endsWith("|" + COMMENT_NOTE);
    }

    private static boolean dueBy(FilterFields item, LocalDate date) {
        String when = item.get("occurrencePeriod.start") != null ? item.get("occurrencePeriod.start") : item.get("occurrenceDateTime");
        return RecordItems.within(new SearchPeriod(null, date), when);
    }
}
