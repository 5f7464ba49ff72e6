package org.gpconnect.provider.structured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gpconnect.store.FilterFields;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The items of one primary List: a patient's resources of one type that pass the area's filter,
 * confidential ones withheld with the List's warning (structured.md §4, §10).
 */
final class RecordItems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordItems() {}

    static void addList(StructuredRecordAssembly assembly, PrimaryList list, String type, Predicate<FilterFields> include) {
        addList(assembly, list, type, (item, json) -> include.test(json));
    }

    static void addList(StructuredRecordAssembly assembly, PrimaryList list, String type,
                        java.util.function.BiPredicate<StoredResource, FilterFields> include) {
        addList(assembly, list, List.of(type), include);
    }

    /** A List of several resource types (immunisations and their status Observations), each type in id order. */
    static void addList(StructuredRecordAssembly assembly, PrimaryList list, List<String> types,
                        java.util.function.BiPredicate<StoredResource, FilterFields> include) {
        List<String> references = new ArrayList<>();
        boolean withheld = false;
        for (StoredResource item : types.stream().flatMap(type -> assembly.resources().ofType(type).stream()).toList()) {
            if (!include.test(item, assembly.fields(item))) {
                continue;
            }
            if (assembly.confidential(item)) {
                withheld = true;
            } else {
                assembly.item(item);
                references.add(item.reference());
            }
        }
        assembly.list(ClinicalList.primary(list, assembly.patientId(), assembly.now(), references, List.of(),
                assembly.warnings(withheld)));
    }

    /**
     * The item for this response without the elements of one array whose key (a reference they make)
     * is among {@code removed}: a structure List's entries or a problem's links to withheld items.
     */
    static StoredResource without(StoredResource item, String array, java.util.function.Function<JsonNode, String> key,
                                  java.util.Set<String> removed) {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) json(item);
        com.fasterxml.jackson.databind.node.ArrayNode elements = (com.fasterxml.jackson.databind.node.ArrayNode) json.get(array);
        for (int i = elements.size() - 1; i >= 0; i--) {
            if (removed.contains(key.apply(elements.get(i)))) {
                elements.remove(i);
            }
        }
        return item.withJson(json.toString());
    }

    static JsonNode json(StoredResource item) {
        try {
            return JSON.readTree(item.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + item.reference() + " is not JSON", e);
        }
    }

    /**
     * Whether a FHIR date or dateTime falls in the period, a partial date counting as the whole
     * year or month it names; an item with no date is always returned (structured.md §10).
     */
    static boolean within(SearchPeriod period, String text) {
        if (period == null || text == null || text.length() < 4) {
            return true;
        }
        LocalDate first;
        LocalDate last;
        if (text.length() == 4) {
            first = LocalDate.of(Integer.parseInt(text), 1, 1);
            last = LocalDate.of(Integer.parseInt(text), 12, 31);
        } else if (text.length() == 7) {
            YearMonth month = YearMonth.parse(text);
            first = month.atDay(1);
            last = month.atEndOfMonth();
        } else {
            first = LocalDate.parse(text.substring(0, 10));
            last = first;
        }
        return (period.start() == null || !last.isBefore(period.start())) && (period.end() == null || !first.isAfter(period.end()));
    }
}
