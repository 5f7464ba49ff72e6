package org.gpconnect.provider.structured;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * The clinical areas whose primary List is a filtered set of one resource type
 * (accessrecord_structured_development_*_guidance): immunisations, outbound referrals and diary
 * entries. Their related-problem lists come with the problems area.
 */
final class SimpleAreas {
    private SimpleAreas() {}

    /** Given immunisations always; not-given ones only when asked; no date filter. */
    static void immunisations(StructuredRecordAssembly assembly, StructuredRecordRequest.Immunisations ask) {
        RecordItems.addList(assembly, PrimaryList.IMMUNISATIONS, "Immunization",
                item -> !"entered-in-error".equals(item.path("status").asText())
                        && (ask.includeNotGiven() || !item.path("notGiven").asBoolean(false)));
    }

    /** Outbound referrals authored in the period; entered-in-error never. */
    static void referrals(StructuredRecordAssembly assembly, StructuredRecordRequest.Referrals ask) {
        RecordItems.addList(assembly, PrimaryList.REFERRALS, "ReferralRequest",
                item -> !"entered-in-error".equals(item.path("status").asText())
                        && RecordItems.within(ask.searchPeriod().orElse(null), item.get("authoredOn")));
    }

    /** Incomplete diary entries (active plans) due on or before the search date, overdue ones always. */
    static void diaryEntries(StructuredRecordAssembly assembly, StructuredRecordRequest.DiaryEntries ask) {
        RecordItems.addList(assembly, PrimaryList.DIARY_ENTRIES, "ProcedureRequest",
                item -> "plan".equals(item.path("intent").asText()) && "active".equals(item.path("status").asText())
                        && ask.searchDate().map(date -> dueBy(item, date)).orElse(true));
    }

    private static boolean dueBy(JsonNode item, LocalDate date) {
        JsonNode when = item.hasNonNull("occurrencePeriod") ? item.path("occurrencePeriod").get("start") : item.get("occurrenceDateTime");
        return RecordItems.within(new SearchPeriod(null, date), when);
    }
}
