package org.gpconnect.provider.admin;

import org.gpconnect.provider.GpConnectCommand.StoreOptions;
import org.gpconnect.provider.structured.DocumentReferences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A practice's clinical-area switches for Access Record: Structured (structured.md §11): a switched
 * off area is left out of responses with a warning. Changes are audited like the enablement switches.
 * Each area is named by its request parameter; Documents, which has none, by the name its warning
 * carries, {@code DocumentReferences} (the spec's own words for it).
 */
@Command(name = "clinical-area", mixinStandardHelpOptions = true,
        description = "Turn a structured record clinical area (includeMedication, includeProblems, ..., DocumentReferences) on or off at a practice.")
public class ClinicalAreaCommand implements Callable<Integer> {
    static final Set<String> AREAS = Set.of("includeAllergies", "includeMedication", "includeConsultations", "includeProblems",
            "includeImmunisations", "includeUncategorisedData", "includeInvestigations", "includeReferrals", "includeDiaryEntries",
            DocumentReferences.SWITCH);

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", description = "Practice ODS code, e.g. B82617")
    String odsCode;

    @Parameters(index = "1", description = "The area's request parameter: includeAllergies, includeMedication, includeConsultations,"
            + " includeProblems, includeImmunisations, includeUncategorisedData, includeInvestigations, includeReferrals, includeDiaryEntries;"
            + " DocumentReferences for documents")
    String area;

    @Parameters(index = "2", description = "on or off")
    String state;

    @Override
    public Integer call() {
        if (!AREAS.contains(area) || !(state.equals("on") || state.equals("off"))) {
            System.err.println("Usage: clinical-area ODS AREA on|off, AREA one of " + new java.util.TreeSet<>(AREAS));
            return 2;
        }
        boolean on = state.equals("on");
        return AuditedSwitch.flip(store, odsCode, area, on, "gpconnect clinical-area",
                records -> records.setClinicalArea(odsCode, area, on));
    }
}
