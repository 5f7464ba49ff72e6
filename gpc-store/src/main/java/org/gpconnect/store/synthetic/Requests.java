package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;

/** Outbound referrals (ReferralRequest) and diary entries (ProcedureRequest intent plan). */
final class Requests {
    private Requests() {}

    static void addReferral(PatientChart chart) {
        LocalDate authored = chart.day();
        ObjectNode referral = chart.item("ReferralRequest", "referral", "CareConnect-GPC-ReferralRequest-1");
        referral.put("status", "unknown");
        referral.put("intent", "order");
        referral.put("priority", chart.chance(0.2) ? "urgent" : "routine");
        referral.set("subject", chart.patient());
        chart.linkConsultation(referral, "context");
        referral.put("authoredOn", authored.toString());
        referral.putObject("requester").set("agent", PatientChart.reference(chart.practitioner()));
        referral.putArray("reasonCode").add(PatientChart.concept(chart.pick(Vocabulary.REFERRALS)));
        referral.put("description", "Referred for specialist assessment");
    }

    static void addDiaryEntry(PatientChart chart) {
        LocalDate entered = chart.day();
        ObjectNode entry = chart.item("ProcedureRequest", "diary", "CareConnect-GPC-ProcedureRequest-1");
        entry.put("status", "active");
        entry.put("intent", "plan");
        entry.set("code", PatientChart.concept(chart.pick(Vocabulary.DIARY)));
        entry.set("subject", chart.patient());
        chart.linkConsultation(entry, "context");
        entry.putObject("occurrencePeriod").put("start", entered.plusMonths(1 + chart.random.nextInt(12)).toString());
        entry.put("authoredOn", entered.toString());
        entry.putObject("requester").set("agent", PatientChart.reference(chart.practitioner()));
    }
}
