package org.gpconnect.provider.structured;

import org.gpconnect.store.FilterFields;
import org.gpconnect.store.StoredResource;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Immunisation consent and dissent records (structured.md §9.1): Observations that the
 * Immunisations List carries unless {@code includeStatus} is false, and that uncategorised data
 * never returns (accessrecord_structured_development_immunization_guidance, "Additional
 * information about vaccinations").
 */
final class ImmunisationStatus {
    /**
     * The SNOMED CT concepts this provider files as immunisation status: the three the 1.5.0 draft
     * of the immunisation guidance named (310375005 Immunization consent given, 310376006
     * Immunization consent not given, 591000119102 Vaccine refused by patient; the 1.6.2 page
     * still speaks of "the hierarchies above" but no longer lists them) and the one the 1.6.2
     * example uses (268559007 No consent for any immunization, immunizations_response3.json).
     */
    static final Set<String> CODES = Set.of("310375005", "310376006", "591000119102", "268559007");

    private static final String SNOMED = "http://snomed.info/sct";

    private ImmunisationStatus() {}

    /** What the Immunisations List is made of: Immunizations, and Observations unless includeStatus is false. */
    static List<String> types(StructuredRecordRequest.Immunisations ask) {
        return ask.includeStatus() ? List.of("Immunization", "Observation") : List.of("Immunization");
    }

    /**
     * The Immunisations List's filter: status Observations (never one entered in error) when
     * includeStatus is true or absent, no other Observation, and the Immunizations the area's own filter lets through.
     */
    static BiPredicate<StoredResource, FilterFields> withStatus(StructuredRecordRequest.Immunisations ask,
                                                                 Predicate<FilterFields> immunizations) {
        return (stored, item) -> "Observation".equals(stored.resourceType())
                ? ask.includeStatus() && recordsStatus(item) && !item.is("status", "entered-in-error")
                : immunizations.test(item);
    }

    /** Whether a stored resource is an Observation coded (in any SNOMED CT coding) as an immunisation consent or dissent. */
    static boolean recordsStatus(FilterFields resource) {
        if (!resource.is("resourceType", "Observation")) {
            return false;
        }
        for (String code : resource.all("code")) {
            if (code.startsWith(SNOMED + "|") && CODES.contains(code.substring(SNOMED.length() + 1))) {
                return true;
            }
        }
        return false;
    }
}
