package org.gpconnect.provider.structured;

import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.provider.support.ProfileValidator;
import org.gpconnect.provider.support.Response;
import org.gpconnect.store.Database;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.TestDatabase;
import org.gpconnect.store.dataset.DataSetLoader;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The allergies area assembled from a real store: Lists, contained ended allergies, referenced resources. */
class AllergiesAreaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void activeAllergiesAreEntriesAndEndedOnesAreContained(TestDatabase database) throws Exception {
        TestDatabase.Connect c = database.fresh();
        try (HikariDataSource dataSource = Database.open(c.url(), c.user(), c.password(), 2)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            new DataSetLoader(store).loadOnce("default");
            ObjectNode active = (ObjectNode) JSON.readTree(StructuredRecordBundleTest.allergy("test-active", "active", ""));
            ObjectNode ended = (ObjectNode) JSON.readTree(StructuredRecordBundleTest.allergy("test-ended", "resolved",
                    "\"extension\":[{\"url\":\"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-AllergyIntoleranceEnd-1\","
                            + "\"extension\":[{\"url\":\"endDate\",\"valueDateTime\":\"2021-05-01\"},{\"url\":\"reasonEnded\",\"valueString\":\"Resolved\"}]}],"));
            store.inTransaction(writer -> {
                writer.save("B82617", active, null);
                writer.save("B82617", ended, null);
                return null;
            });

            StructuredRecordAssembly assembly = new StructuredRecordAssembly(store, "B82617",
                    RecordPatient.find(store, "B82617", "9690937286"), StructuredRecordBundleTest.NOW);
            AllergiesArea.addTo(assembly, true);
            Bundle bundle = Response.FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(Bundle.class, assembly.write("trace-1").json());

            assertThat(bundle.getEntry()).extracting(e -> e.getResource().getResourceType().name())
                    .startsWith("Patient").contains("Organization", "Practitioner", "AllergyIntolerance", "List");
            assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                    .contains("test-active").doesNotContain("test-ended");
            ListResource endedList = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(r -> r instanceof ListResource l && l.getTitle().equals("Ended allergies"))
                    .map(r -> (ListResource) r).findFirst().orElseThrow();
            assertThat(endedList.getContained()).extracting(Resource::getIdElement).extracting(i -> i.getIdPart())
                    .contains("test-ended");
            long distinct = bundle.getEntry().stream().map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
                    .filter(k -> !k.startsWith("List/")).distinct().count();
            assertThat(distinct).as("each resource once").isEqualTo(bundle.getEntry().stream()
                    .filter(e -> !(e.getResource() instanceof ListResource)).count());
            assertThat(ProfileValidator.errors(bundle)).as("profile errors").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void confidentialAllergiesAreWithheldWithTheWarningAndTransitIsFlagged(TestDatabase database) throws Exception {
        TestDatabase.Connect c = database.fresh();
        try (HikariDataSource dataSource = Database.open(c.url(), c.user(), c.password(), 2)) {
            GpRecordStore store = new GpRecordStore(dataSource);
            new DataSetLoader(store).loadOnce("default");

            StructuredRecordAssembly patient16 = new StructuredRecordAssembly(store, "B82617",
                    RecordPatient.find(store, "B82617", "9690938118"), StructuredRecordBundleTest.NOW);
            AllergiesArea.addTo(patient16, false);
            Bundle bundle = Response.FHIR.newJsonParser().parseResource(Bundle.class, patient16.write("t").json());
            ListResource allergies = lists(bundle).get(0);
            assertThat(allergies.getEntry()).extracting(e -> e.getItem().getReference()).doesNotContain("AllergyIntolerance/allergy-16-1");
            assertThat(allergies.getExtension()).extracting(e -> e.getValue().primitiveValue()).containsExactly("confidential-items");
            assertThat(bundle.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).doesNotContain("allergy-16-1");

            StructuredRecordAssembly patient13 = new StructuredRecordAssembly(store, "B82617",
                    RecordPatient.find(store, "B82617", "9690938096"), StructuredRecordBundleTest.NOW);
            AllergiesArea.addTo(patient13, true);
            Bundle inTransit = Response.FHIR.newJsonParser().parseResource(Bundle.class, patient13.write("t").json());
            assertThat(lists(inTransit)).hasSize(2).allSatisfy(list -> assertThat(list.getExtension())
                    .extracting(e -> e.getValue().primitiveValue()).contains("data-in-transit"));
        }
    }

    private static java.util.List<ListResource> lists(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof ListResource).map(r -> (ListResource) r).toList();
    }
}
