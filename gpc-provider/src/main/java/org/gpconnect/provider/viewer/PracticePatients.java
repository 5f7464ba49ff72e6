package org.gpconnect.provider.viewer;

import org.gpconnect.store.GpRecordStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The ids of a practice's patients in the order a person reads them, for the viewer's index. */
final class PracticePatients {
    // numeric ids (the data set's 1..23) in number order, then any others alphabetically
    static final Comparator<String> ID_ORDER = Comparator
            .comparing((String id) -> !id.matches("\\d{1,9}"))
            .thenComparing(id -> id.matches("\\d{1,9}") ? Integer.parseInt(id) : 0)
            .thenComparing(Comparator.naturalOrder());

    private PracticePatients() {
    }

    static List<String> ids(GpRecordStore store, String odsCode) {
        List<String> ids = new ArrayList<>(store.patientIds(odsCode));
        ids.sort(ID_ORDER);
        return ids;
    }
}
