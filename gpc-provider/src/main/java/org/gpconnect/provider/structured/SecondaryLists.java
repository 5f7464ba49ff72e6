package org.gpconnect.provider.structured;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secondary Lists of one area ("Problems - ... related to problems", "Consultations - ...
 * contained in consultations"): only those with items or a withheld item, the latter carrying the
 * confidential-items warning (structured.md §4.3).
 */
final class SecondaryLists {
    static final String SYSTEM = "https://fhir.hl7.org.uk/STU3/CodeSystem/GPConnect-SecondaryListValues-1";

    /** code -> {code, title} for each secondary list an area can have. */
    private final Map<String, String[]> byType;
    private final Map<String, Set<String>> items = new LinkedHashMap<>();
    private final Set<String> withheld = new LinkedHashSet<>();

    /** @param byType the secondary list ({code, title}) for each type of item the area links to */
    SecondaryLists(Map<String, String[]> byType) {
        this.byType = byType;
    }

    boolean covers(String type) {
        return byType.containsKey(type);
    }

    void item(String type, String reference) {
        items.computeIfAbsent(byType.get(type)[0], k -> new LinkedHashSet<>()).add(reference);
    }

    void withheld(String type) {
        withheld.add(byType.get(type)[0]);
    }

    void addTo(StructuredRecordAssembly assembly) {
        Set<String> codes = new LinkedHashSet<>(items.keySet());
        codes.addAll(withheld);
        for (String code : codes) {
            String title = byType.values().stream().filter(list -> list[0].equals(code)).findFirst().orElseThrow()[1];
            assembly.list(new ClinicalList(null, SYSTEM, code, title, title, assembly.patientId(), assembly.now(),
                    List.copyOf(items.getOrDefault(code, Set.of())), List.of(), assembly.warnings(withheld.contains(code))));
        }
    }
}
