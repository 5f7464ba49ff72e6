package org.gpconnect.provider.html;

import org.gpconnect.provider.html.view.ViewSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a practice configures of the HTML views without a code release (0.7.4 view pages), from
 * application.properties and its GPC_HTML_* overrides.
 *
 * @param emergencyCodes  a CSV file in the form NHS Digital publishes its emergency code lists
 *                        (nhsconnect/gpconnect-emergency-codes: CONCEPT_ID first, GROUP_ID last, a header
 *                        line); blank leaves the Summary's Emergency Codes switched off, as it is until NHS
 *                        Digital says otherwise
 * @param emergencyBanner the Emergency Codes content banner, or blank for none
 * @param defaultMonths   default time frames, e.g. {@code ENC=24,CLI=12}: applied when a consumer sends no
 *                        timePeriod for that section; blank for none (all items), the spec's default until NHS
 *                        Digital instructs otherwise
 */
@ConfigurationProperties(prefix = "gpc.html")
public record HtmlSettings(String emergencyCodes, String emergencyBanner, String defaultMonths) {

    public ViewSettings viewSettings() {
        ViewSettings settings = ViewSettings.defaults();
        if (emergencyCodes != null && !emergencyCodes.isBlank()) {
            settings = settings.withEmergencyCodes(codeGroups(Path.of(emergencyCodes)),
                    emergencyBanner == null || emergencyBanner.isBlank() ? null : emergencyBanner);
        }
        if (defaultMonths != null && !defaultMonths.isBlank()) {
            for (String entry : defaultMonths.split(",")) {
                String[] sectionMonths = entry.trim().split("=");
                RecordSection section = RecordSection.byCode(sectionMonths[0].trim())
                        .filter(RecordSection::acceptsTimePeriod)
                        .orElseThrow(() -> new IllegalArgumentException("gpc.html.default-months: " + entry
                                + " does not name a section that takes a time period"));
                settings = settings.withDefaultMonths(section, Integer.parseInt(sectionMonths[1].trim()));
            }
        }
        return settings;
    }

    /** Codes of one GROUP_ID form a group (only the latest of a group is shown); a code without one is its own group. */
    static List<List<String>> codeGroups(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the emergency code list " + file, e);
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            // the names between may hold quoted commas: only the first and last fields are read
            String code = line.substring(0, line.indexOf(',') < 0 ? line.length() : line.indexOf(',')).replace("\uFEFF", "").trim();
            String group = line.lastIndexOf(',') < 0 ? "" : line.substring(line.lastIndexOf(',') + 1).trim();
            groups.computeIfAbsent(group.isEmpty() ? "code:" + code : "group:" + group, k -> new ArrayList<>()).add(code);
        }
        return List.copyOf(groups.values());
    }
}
