package org.gpconnect.provider.structured;

import ca.uhn.fhir.parser.StrictErrorHandler;
import org.gpconnect.provider.support.ProfileValidator;
import org.gpconnect.provider.support.Response;
import org.gpconnect.store.StoredResource;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.ListResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The structured Bundle as written from stored JSON: its shape, its Lists, and the profiles. */
class StructuredRecordBundleTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneOffset.UTC);

    static String allergy(String id, String status, String extra) {
        return "{\"resourceType\":\"AllergyIntolerance\",\"id\":\"" + id + "\","
                + "\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-AllergyIntolerance-1\"]},"
                + extra
                + "\"identifier\":[{\"system\":\"https://gpconnect.example.org/Id/record-item\",\"value\":\"5f0c1f0e-2f39-4f8e-9d6b-" + id.hashCode() + "\"}],"
                + "\"clinicalStatus\":\"" + status + "\",\"verificationStatus\":\"unconfirmed\",\"category\":[\"medication\"],"
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"294505008\",\"display\":\"Allergy to amoxicillin\"}]},"
                + "\"patient\":{\"reference\":\"Patient/2\"},\"assertedDate\":\"2019-03-04\",\"recorder\":{\"reference\":\"Practitioner/1\"}}";
    }

    static String dataSetPatient2() throws IOException {
        try (InputStream in = StructuredRecordBundleTest.class.getClassLoader()
                .getResourceAsStream("dataset/default/B82617/patients.json")) {
            var bundle = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (var entry : bundle.path("entry")) {
                if (entry.path("resource").path("id").asText().equals("2")) {
                    return entry.get("resource").toString();
                }
            }
        }
        throw new AssertionError("patient 2 missing from the data set");
    }

    @Test
    void writesTheProfiledCollectionWithListsAndEachResourceOnce() throws IOException {
        StructuredRecordBundle bundle = new StructuredRecordBundle("7f3a6b1e-0c2d-4e5f-8a9b-1c2d3e4f5a6b");
        StoredResource patient = new StoredResource("Patient", "2", 1, Instant.now(), dataSetPatient2());
        assertThat(bundle.add(patient)).isTrue();
        assertThat(bundle.add(patient)).as("each resource instance once").isFalse();
        bundle.add(new StoredResource("AllergyIntolerance", "a1", 1, Instant.now(), allergy("a1", "active", "")));
        bundle.add(ClinicalList.primary(PrimaryList.ALLERGIES, "2", NOW, List.of("AllergyIntolerance/a1"), List.of(), List.of()));
        String ended = allergy("a2", "resolved", "\"extension\":[{\"url\":\"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-AllergyIntoleranceEnd-1\","
                + "\"extension\":[{\"url\":\"endDate\",\"valueDateTime\":\"2021-05-01\"},{\"url\":\"reasonEnded\",\"valueString\":\"No longer applicable\"}]}],");
        bundle.add(ClinicalList.primary(PrimaryList.ENDED_ALLERGIES, "2", NOW, List.of("#a2"), List.of(ended), List.of()));
        bundle.add(ClinicalList.primary(PrimaryList.IMMUNISATIONS, "2", NOW, List.of(), List.of(),
                List.of(ListWarning.confidentialItems(), ListWarning.dataInTransit(LocalDate.of(2026, 9, 14)))));

        Bundle parsed = Response.FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Bundle.class, bundle.json());
        assertThat(parsed.getIdElement().getIdPart()).isEqualTo("7f3a6b1e-0c2d-4e5f-8a9b-1c2d3e4f5a6b");
        assertThat(parsed.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(parsed.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(StructuredRecordBundle.PROFILE);
        assertThat(parsed.getEntry()).hasSize(5).allMatch(e -> !e.hasFullUrl());

        ListResource endedList = (ListResource) parsed.getEntry().get(3).getResource();
        assertThat(endedList.getTitle()).isEqualTo("Ended allergies");
        assertThat(endedList.getContained()).hasSize(1);
        assertThat(((AllergyIntolerance) endedList.getContained().get(0)).getClinicalStatus())
                .isEqualTo(AllergyIntolerance.AllergyIntoleranceClinicalStatus.RESOLVED);
        assertThat(endedList.getEntryFirstRep().getItem().getReference()).isEqualTo("#a2");

        ListResource empty = (ListResource) parsed.getEntry().get(4).getResource();
        assertThat(empty.getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("no-content-recorded");
        assertThat(empty.getNoteFirstRep().getText())
                .contains("Items excluded due to confidentiality", "14-Sep-2026", "Information not available");
        assertThat(empty.getExtension()).extracting(e -> e.getValue().primitiveValue())
                .containsExactly("confidential-items", "data-in-transit");

        assertThat(ProfileValidator.errors(parsed)).as("profile errors").isEmpty();
        assertThat(bundle.xml(Response.FHIR)).startsWith("<Bundle xmlns=\"http://hl7.org/fhir\">");
    }
}
