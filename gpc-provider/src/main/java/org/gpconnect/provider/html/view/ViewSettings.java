package org.gpconnect.provider.html.view;

import org.gpconnect.provider.html.RecordSection;

import java.util.List;
import java.util.Map;

/**
 * What a practice may configure about the views without a code release (0.7.4 view pages).
 *
 * @param emergencyCodes       whether the Summary shows the Emergency Codes subsection: NHS Digital
 *                             says when to switch it on
 * @param emergencyCodeGroups  the codes it shows, in groups: only the most recent item of a group is
 *                             shown; a code is "system|code" or a bare SNOMED code
 * @param emergencyBanner      the subsection's content banner, or null for none
 * @param defaultMonths        per filterable section, the default time frame in months applied when
 *                             the consumer sends no timePeriod; absent means "all" (the spec's default
 *                             until NHS Digital instructs otherwise)
 */
public record ViewSettings(boolean emergencyCodes, List<List<String>> emergencyCodeGroups, String emergencyBanner,
                           Map<RecordSection, Integer> defaultMonths) {

    public ViewSettings {
        emergencyCodeGroups = emergencyCodeGroups == null ? List.of() : emergencyCodeGroups.stream().map(List::copyOf).toList();
        defaultMonths = defaultMonths == null ? Map.of() : Map.copyOf(defaultMonths);
    }

    /** Emergency codes off, no default time frames. */
    public static ViewSettings defaults() {
        return new ViewSettings(false, List.of(), null, Map.of());
    }

    public ViewSettings withEmergencyCodes(List<List<String>> groups, String banner) {
        return new ViewSettings(true, groups, banner, defaultMonths);
    }

    public ViewSettings withDefaultMonths(RecordSection section, int months) {
        Map<RecordSection, Integer> months2 = new java.util.EnumMap<>(RecordSection.class);
        months2.putAll(defaultMonths);
        months2.put(section, months);
        return new ViewSettings(emergencyCodes, emergencyCodeGroups, emergencyBanner, months2);
    }
}
