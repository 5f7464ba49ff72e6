package org.gpconnect.provider.html.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.provider.html.RecordSection;
import org.gpconnect.provider.html.TimePeriod;
import org.gpconnect.store.Database;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.PatientResources;
import org.gpconnect.store.StoredResource;
import org.gpconnect.store.TestDatabase;
import org.gpconnect.store.dataset.DataSetLoader;
import org.gpconnect.store.synthetic.SyntheticRecordGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The section views rendered from the default data set on H2, checked as the 0.7.4 layout guide,
 * the view pages and the 0.7.4 provider test suite (HTML.feature) check them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareRecordViewsTest {
    private static final String ODS = "B82617";
    /** The data set's "now": its latest issues were made in the weeks before. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Pattern DISPLAY_DATE = Pattern.compile("\\d{2}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\\d{4}");
    private static final List<String> TEST_PATIENTS = List.of("1", "2", "3", "5", "13", "16");

    private HikariDataSource dataSource;
    private GpRecordStore store;
    private CareRecordViews views;

    @BeforeAll
    void loadTheDataSet() {
        TestDatabase.Connect c = TestDatabase.H2.fresh();
        dataSource = Database.open(c.url(), c.user(), c.password(), 2);
        store = new GpRecordStore(dataSource);
        new DataSetLoader(store).loadOnce("default");
        views = new CareRecordViews(store);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    private RenderedView render(CareRecordViews with, RecordSection section, String patientId, TimePeriod period) {
        SectionRequest request = new SectionRequest(section, store.patient(ODS, patientId).orElseThrow(),
                store.read(ODS, "Patient", patientId).orElseThrow(), store.resourcesOf(ODS, patientId), period, TODAY);
        return new RenderedView(with.render(request)).assertSafe();
    }

    private RenderedView render(RecordSection section, String patientId) {
        return render(views, section, patientId, null);
    }

    private RenderedView render(RecordSection section, String patientId, TimePeriod period) {
        return render(views, section, patientId, period);
    }

    @ParameterizedTest
    @EnumSource(RecordSection.class)
    void everySectionIsSafeXhtmlUnderItsHeadingForEveryTestPatient(RecordSection section) {
        for (String patient : TEST_PATIENTS) {
            RenderedView view = render(section, patient);
            assertThat(view.texts("h1")).as(patient).containsExactly(section.heading());
            assertThat(view.xhtml).as(patient).startsWith("<div><h1>" + section.heading() + "</h1>");
            for (String cell : view.texts("td")) {
                assertThat(cell).doesNotContain("null");
            }
        }
    }

    @Test
    void investigationsAndPatientDetailsAreNotSupported() {
        assertThat(render(RecordSection.INV, "2").xhtml)
                .isEqualTo("<div><h1>Investigations</h1><div><p>'Investigations' data is not supported by this system.</p></div></div>");
        assertThat(render(RecordSection.PAT, "2").texts("p")).containsExactly("'Patient Details' data is not supported by this system.");
    }

    @Test
    void tableIdsAndColumnHeadersAreTheTestSuitesInOrder() {
        Map<String, List<String>> headers = Map.ofEntries(
                Map.entry("adm-tab", List.of("Date", "Entry", "Details")),
                Map.entry("all-tab-curr", List.of("Start Date", "Details")),
                Map.entry("all-tab-hist", List.of("Start Date", "End Date", "Details")),
                Map.entry("cli-tab", List.of("Date", "Entry", "Details")),
                Map.entry("enc-tab", List.of("Date", "Title", "Details")),
                Map.entry("imm-tab", List.of("Date", "Vaccination", "Part", "Contents", "Details")),
                Map.entry("med-tab-acu-med", List.of("Type", "Start Date", "Medication Item", "Dosage Instruction", "Quantity",
                        "Scheduled End Date", "Days Duration", "Additional Information")),
                Map.entry("med-tab-curr-rep", List.of("Type", "Start Date", "Medication Item", "Dosage Instruction", "Quantity",
                        "Last Issued Date", "Number of Prescriptions Issued", "Max Issues", "Review Date", "Additional Information")),
                Map.entry("med-tab-dis-rep", List.of("Type", "Last Issued Date", "Medication Item", "Dosage Instruction", "Quantity",
                        "Discontinued Date", "Discontinuation Reason", "Additional Information")),
                Map.entry("med-tab-all-sum", List.of("Type", "Start Date", "Medication Item", "Dosage Instruction", "Quantity",
                        "Last Issued Date", "Number of Prescriptions Issued", "Discontinuation Details", "Additional Information")),
                Map.entry("med-tab-all-iss", List.of("Type", "Issue Date", "Medication Item", "Dosage Instruction", "Quantity",
                        "Days Duration", "Additional Information")),
                Map.entry("obs-tab", List.of("Date", "Entry", "Value", "Range", "Details")),
                Map.entry("prb-tab-act", List.of("Start Date", "Entry", "Significance", "Details")),
                Map.entry("prb-tab-majinact", List.of("Start Date", "End Date", "Entry", "Significance", "Details")),
                Map.entry("prb-tab-othinact", List.of("Start Date", "End Date", "Entry", "Significance", "Details")),
                Map.entry("ref-tab", List.of("Date", "From", "To", "Priority", "Details")));
        Map<RecordSection, List<String>> ids = Map.of(
                RecordSection.ADM, List.of("adm-tab"),
                RecordSection.MED, List.of("med-tab-acu-med", "med-tab-curr-rep", "med-tab-dis-rep", "med-tab-all-sum", "med-tab-all-iss"),
                RecordSection.ALL, List.of("all-tab-curr", "all-tab-hist"),
                RecordSection.CLI, List.of("cli-tab"),
                RecordSection.ENC, List.of("enc-tab"),
                RecordSection.IMM, List.of("imm-tab"),
                RecordSection.OBS, List.of("obs-tab"),
                RecordSection.PRB, List.of("prb-tab-act", "prb-tab-majinact", "prb-tab-othinact"),
                RecordSection.REF, List.of("ref-tab"),
                RecordSection.SUM, List.of("enc-tab", "prb-tab-act", "prb-tab-majinact", "all-tab-curr", "med-tab-acu-med", "med-tab-curr-rep"));
        ids.forEach((section, expected) -> {
            RenderedView view = render(section, "2");
            assertThat(view.tableIds()).as(section.name()).containsExactlyElementsOf(expected);
            expected.forEach(id -> assertThat(view.headers(id)).as(id).containsExactlyElementsOf(headers.get(id)));
        });
    }

    @Test
    void subsectionsAreTheViewPagesInOrder() {
        assertThat(render(RecordSection.MED, "2").texts("h2")).containsExactly("Acute Medication (Last 12 Months)",
                "Current Repeat Medication", "Discontinued Repeat Medication", "All Medication", "All Medication Issues");
        assertThat(render(RecordSection.PRB, "2").texts("h2")).containsExactly("Active Problems and Issues",
                "Major Inactive Problems and Issues", "Other Inactive Problems and Issues");
        assertThat(render(RecordSection.ALL, "2").texts("h2")).containsExactly("Current Allergies and Adverse Reactions",
                "Historical Allergies and Adverse Reactions");
        assertThat(render(RecordSection.SUM, "2").texts("h2")).containsExactly("Last 3 Encounters", "Active Problems and Issues",
                "Major Inactive Problems and Issues", "Current Allergies and Adverse Reactions", "Acute Medication (Last 12 Months)",
                "Current Repeat Medication");
    }

    @Test
    void datesAreDdMmmYyyyInDateColumnCells() {
        for (RecordSection section : List.of(RecordSection.ADM, RecordSection.ALL, RecordSection.CLI, RecordSection.ENC, RecordSection.IMM,
                RecordSection.MED, RecordSection.OBS, RecordSection.PRB, RecordSection.REF, RecordSection.SUM)) {
            RenderedView view = render(section, "2");
            int dated = 0;
            for (String id : view.tableIds()) {
                List<String> headers = view.headers(id);
                for (List<Element> row : view.rows(id)) {
                    if (row.size() == 1) {
                        assertThat(row.get(0).getAttribute("class")).isEqualTo("med-item-column");
                        assertThat(row.get(0).getAttribute("colspan")).isEqualTo(String.valueOf(headers.size()));
                        continue;
                    }
                    for (int i = 0; i < row.size(); i++) {
                        boolean dateColumn = headers.get(i).contains("Date");
                        assertThat(row.get(i).getAttribute("class")).as(id + " " + headers.get(i)).isEqualTo(dateColumn ? "date-column" : "");
                        if (dateColumn && !row.get(i).getTextContent().isEmpty()) {
                            assertThat(row.get(i).getTextContent()).matches(DISPLAY_DATE);
                            dated++;
                        }
                    }
                }
            }
            assertThat(dated).as(section.name()).isPositive();
        }
        assertThat(render(RecordSection.ENC, "2").column("enc-tab", 0)).contains("12-Mar-2019", "21-Sep-2020");
    }

    @Test
    void tablesAreSortedNewestFirstAndMedicationGroupsAlphabetically() {
        assertNewestFirst(render(RecordSection.ENC, "2").column("enc-tab", 0));
        assertNewestFirst(render(RecordSection.OBS, "2").column("obs-tab", 0));
        assertNewestFirst(render(RecordSection.PRB, "2").column("prb-tab-act", 0));
        RenderedView medications = render(RecordSection.MED, "2");
        assertNewestFirst(medications.column("med-tab-dis-rep", 1));
        List<String> groups = medications.rows("med-tab-all-iss").stream().filter(cells -> cells.size() == 1)
                .map(cells -> cells.get(0).getTextContent()).toList();
        assertThat(groups).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).doesNotHaveDuplicates().hasSizeGreaterThan(2);
        // each group's rows name its item, newest issue first
        String group = null;
        List<String> dates = new ArrayList<>();
        for (List<Element> row : medications.rows("med-tab-all-iss")) {
            if (row.size() == 1) {
                assertNewestFirst(dates);
                group = row.get(0).getTextContent();
                dates = new ArrayList<>();
            } else {
                assertThat(row.get(2).getTextContent()).isEqualTo(group);
                dates.add(row.get(1).getTextContent());
            }
        }
        assertNewestFirst(dates);
    }

    private static void assertNewestFirst(List<String> displayDates) {
        List<LocalDate> dates = displayDates.stream().filter(text -> !text.isEmpty())
                .map(text -> LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy", java.util.Locale.ENGLISH)))
                .toList();
        assertThat(dates).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void dateBannersFollowTheConsumersPeriod() {
        for (RecordSection section : List.of(RecordSection.ADM, RecordSection.CLI, RecordSection.ENC, RecordSection.OBS, RecordSection.REF)) {
            String heading = section.heading();
            assertThat(render(section, "2").bannersUnder("h1", heading, "date-banner")).containsExactly("All relevant items");
            assertThat(render(section, "2", new TimePeriod(LocalDate.of(2014, 5, 3), LocalDate.of(2016, 9, 14)))
                    .bannersUnder("h1", heading, "date-banner")).containsExactly("For the period '03-May-2014' to '14-Sep-2016'");
            assertThat(render(section, "2", new TimePeriod(LocalDate.of(2016, 12, 1), null))
                    .bannersUnder("h1", heading, "date-banner")).containsExactly("Data items from '01-Dec-2016'");
            assertThat(render(section, "2", new TimePeriod(null, LocalDate.of(2016, 9, 30)))
                    .bannersUnder("h1", heading, "date-banner")).containsExactly("Data items until '30-Sep-2016'");
        }
        RenderedView medications = render(RecordSection.MED, "2", new TimePeriod(LocalDate.of(2018, 4, 20), LocalDate.of(2018, 4, 30)));
        for (String always : List.of("Acute Medication (Last 12 Months)", "Current Repeat Medication", "Discontinued Repeat Medication")) {
            assertThat(medications.bannersUnder("h2", always, "date-banner")).containsExactly("Date filter not applied");
        }
        for (String filtered : List.of("All Medication", "All Medication Issues")) {
            assertThat(medications.bannersUnder("h2", filtered, "date-banner")).containsExactly("For the period '20-Apr-2018' to '30-Apr-2018'");
        }
        RenderedView problems = render(RecordSection.PRB, "2", new TimePeriod(LocalDate.of(2018, 4, 20), LocalDate.of(2018, 4, 30)));
        assertThat(problems.bannersUnder("h2", "Active Problems and Issues", "date-banner")).containsExactly("Date filter not applied");
        assertThat(problems.bannersUnder("h2", "Major Inactive Problems and Issues", "date-banner"))
                .containsExactly("For the period '20-Apr-2018' to '30-Apr-2018'");
        assertThat(render(RecordSection.PRB, "2").bannersUnder("h2", "Active Problems and Issues", "date-banner"))
                .containsExactly("All relevant items");
    }

    @Test
    void sectionsWithoutDateFiltersHaveNoDateBanner() {
        for (RecordSection section : List.of(RecordSection.SUM, RecordSection.ALL, RecordSection.IMM)) {
            assertThat(render(section, "2").xhtml).as(section.name()).doesNotContain("date-banner");
        }
    }

    @Test
    void aDefaultTimeFrameFiltersOnlyWhenTheConsumerSentNoPeriod() {
        CareRecordViews withDefault = new CareRecordViews(store, ViewSettings.defaults().withDefaultMonths(RecordSection.ENC, 36));
        RenderedView view = render(withDefault, RecordSection.ENC, "2", null);
        assertThat(view.bannersUnder("h1", "Encounters", "date-banner")).containsExactly("All data items from '24-Nov-2023'");
        assertThat(view.column("enc-tab", 0)).containsExactly("10-Nov-2026", "14-Oct-2025");
        RenderedView asked = render(withDefault, RecordSection.ENC, "2", new TimePeriod(LocalDate.of(2019, 1, 1), null));
        assertThat(asked.bannersUnder("h1", "Encounters", "date-banner")).containsExactly("Data items from '01-Jan-2019'");
        assertThat(asked.column("enc-tab", 0)).contains("12-Mar-2019");
    }

    @Test
    void theNoDataFragmentReplacesAnEmptyTable() {
        for (RecordSection section : List.of(RecordSection.ADM, RecordSection.CLI, RecordSection.ENC, RecordSection.REF)) {
            RenderedView view = render(section, "2", new TimePeriod(LocalDate.of(2014, 5, 3), LocalDate.of(2015, 4, 30)));
            assertThat(view.tableIds()).isEmpty();
            assertThat(view.texts("p")).contains("No '" + section.heading() + "' data is recorded for this patient.");
        }
        for (RecordSection section : List.of(RecordSection.CLI, RecordSection.ENC, RecordSection.REF, RecordSection.IMM, RecordSection.OBS)) {
            assertThat(render(section, "1").texts("p")).contains("No '" + section.heading() + "' data is recorded for this patient.");
        }
        RenderedView summary = render(RecordSection.SUM, "1");
        for (String subsection : List.of("Last 3 Encounters", "Active Problems and Issues", "Major Inactive Problems and Issues",
                "Current Allergies and Adverse Reactions", "Acute Medication (Last 12 Months)", "Current Repeat Medication")) {
            assertThat(summary.sectionText("h2", subsection)).isEqualTo(subsection + "No '" + subsection + "' data is recorded for this patient.");
        }
        assertThat(summary.tableIds()).isEmpty();
        RenderedView medications = render(RecordSection.MED, "1");
        assertThat(medications.texts("p")).contains("No 'All Medication Issues' data is recorded for this patient.");
        assertThat(render(RecordSection.PRB, "3").sectionText("h2", "Other Inactive Problems and Issues"))
                .endsWith("No 'Other Inactive Problems and Issues' data is recorded for this patient.");
    }

    @Test
    void aRecordInTransitCarriesTheGpTransferBannerInEverySection() {
        for (RecordSection section : RecordSection.values()) {
            if (section == RecordSection.INV || section == RecordSection.PAT) {
                continue;
            }
            assertThat(render(section, "13").bannersUnder("h1", section.heading(), "gptransfer-banner")).as(section.name())
                    .containsExactly("Patient record transfer from previous GP practice not yet complete; "
                            + "information recorded before 14-Sep-2026 may be missing");
            assertThat(render(section, "2").xhtml).doesNotContain("gptransfer-banner");
        }
    }

    @Test
    void confidentialItemsAreWithheldAndTheirTableSaysSo() {
        RenderedView allergies = render(RecordSection.ALL, "16");
        assertThat(allergies.bannersUnder("h2", "Current Allergies and Adverse Reactions", "exclusion-banner"))
                .containsExactly("Items excluded due to confidentiality and/or patient preferences");
        assertThat(allergies.bannersUnder("h2", "Historical Allergies and Adverse Reactions", "exclusion-banner")).isEmpty();
        assertThat(allergies.xhtml).doesNotContain("Latex").contains("Allergy to nut", "Allergy to penicillin");

        RenderedView medications = render(RecordSection.MED, "2");
        assertThat(medications.xhtml).doesNotContainIgnoringCase("sertraline");
        assertThat(medications.bannersUnder("h2", "All Medication", "exclusion-banner")).hasSize(1);
        assertThat(medications.bannersUnder("h2", "Current Repeat Medication", "exclusion-banner")).isEmpty();

        RenderedView observations = render(RecordSection.OBS, "2");
        assertThat(observations.xhtml).doesNotContain("Patient Health Questionnaire");
        assertThat(observations.column("obs-tab", 1)).contains("Haemoglobin estimation", "Body weight", "Blood pressure")
                .doesNotContain("Full blood count", "Comment note");
        assertThat(observations.bannersUnder("h1", "Observations", "exclusion-banner")).hasSize(1);
        assertThat(render(RecordSection.CLI, "2").xhtml).doesNotContain("exclusion-banner");
    }

    /** The same items as the structured record: every one of the patient's resources of the kind, confidential ones left out. */
    @Test
    void allergiesProblemsAndMedicationsListWhatTheStructuredRecordLists() {
        for (String patient : TEST_PATIENTS) {
            PatientResources record = store.resourcesOf(ODS, patient);
            RenderedView allergies = render(RecordSection.ALL, patient);
            int allergyRows = rowsOrNone(allergies, "all-tab-curr") + rowsOrNone(allergies, "all-tab-hist");
            assertThat(allergyRows).as(patient).isEqualTo(shareable(record, "AllergyIntolerance"));
            RenderedView problems = render(RecordSection.PRB, patient);
            assertThat(rowsOrNone(problems, "prb-tab-act") + rowsOrNone(problems, "prb-tab-majinact") + rowsOrNone(problems, "prb-tab-othinact"))
                    .as(patient).isEqualTo(shareable(record, "Condition"));
            RenderedView medications = render(RecordSection.MED, patient);
            assertThat(rowsOrNone(medications, "med-tab-all-sum")).as(patient)
                    .isEqualTo(record.ofType("MedicationStatement").stream().filter(statement -> !record.markedConfidential(statement)
                            && record.get(String.valueOf(record.filterFields(statement).get("basedOn"))).map(plan -> !record.markedConfidential(plan)).orElse(true))
                            .count());
        }
    }

    private static long shareable(PatientResources record, String type) {
        return record.ofType(type).stream().filter(item -> !record.markedConfidential(item)).count();
    }

    private static int rowsOrNone(RenderedView view, String id) {
        return view.tableIds().contains(id) ? view.column(id, 0).size() : 0;
    }

    @Test
    void medicationsAreSortedIntoTheirSubsections() {
        RenderedView view = render(RecordSection.MED, "2");
        assertThat(view.column("med-tab-acu-med", 2)).containsExactly("Paracetamol 500mg tablets");
        assertThat(view.column("med-tab-curr-rep", 0)).containsOnly("Repeat");
        assertThat(view.column("med-tab-curr-rep", 6)).contains("6", "8");
        // newest last issue first: salbutamol (07-Feb-2023) before aspirin (31-Aug-2022)
        assertThat(view.column("med-tab-dis-rep", 6)).containsExactly("No longer required: no asthma symptoms for two years",
                "Stopped on specialist advice: indigestion");
        assertThat(view.bannersUnder("h2", "Discontinued Repeat Medication", "content-banner"))
                .containsExactly("All repeat medication ended by a clinician action");
        assertThat(view.column("med-tab-all-sum", 7)).anySatisfy(details -> assertThat(details).startsWith("DISCONTINUED: 14-Feb-2023"));
        // All Medication summarises All Medication Issues: per course, the count and the first and last issue
        int issueRows = view.column("med-tab-all-iss", 0).size();
        int counted = view.column("med-tab-all-sum", 6).stream().filter(text -> !text.isEmpty()).mapToInt(Integer::parseInt).sum();
        assertThat(counted).isEqualTo(issueRows);
        // patient 5's amoxicillin, started yesterday, is an acute of the last 12 months; metformin a current repeat
        RenderedView five = render(RecordSection.MED, "5");
        assertThat(five.column("med-tab-acu-med", 1)).containsExactly("23-Nov-2026");
        assertThat(five.column("med-tab-curr-rep", 7)).containsExactly("13");
        assertThat(five.texts("p")).contains("No 'Discontinued Repeat Medication' data is recorded for this patient.");
        // a period before every course: All Medication and its issues are empty, the "all" subsections still full
        RenderedView before = render(RecordSection.MED, "2", new TimePeriod(null, LocalDate.of(2010, 1, 1)));
        assertThat(before.tableIds()).containsExactly("med-tab-acu-med", "med-tab-curr-rep", "med-tab-dis-rep");
    }

    @Test
    void emergencyCodesShowTheMostRecentItemOfEachGroupWhenSwitchedOn() {
        CareRecordViews emergency = new CareRecordViews(store, ViewSettings.defaults()
                .withEmergencyCodes(List.of(List.of("44054006", "38341003"), List.of("http://snomed.info/sct|91936005")), "Emergency codes of the day"));
        RenderedView view = render(emergency, RecordSection.SUM, "2", null);
        assertThat(view.tableIds()).containsExactly("cli-tab", "enc-tab", "prb-tab-act", "prb-tab-majinact", "all-tab-curr",
                "med-tab-acu-med", "med-tab-curr-rep");
        assertThat(view.headers("cli-tab")).containsExactly("Date", "Entry", "Details", "Location of further information");
        assertThat(view.column("cli-tab", 1)).containsExactly("Hypertension", "Allergy to penicillin");
        assertThat(view.column("cli-tab", 3)).containsExactly("Problems and Issues", "Allergies and Adverse Reactions");
        assertThat(view.bannersUnder("h2", "Emergency Codes", "content-banner")).containsExactly("Emergency codes of the day");
        assertThat(view.column("enc-tab", 0)).hasSize(3);
        assertThat(render(RecordSection.SUM, "2").xhtml).doesNotContain("Emergency Codes");
    }

    @Test
    void diaryEntriesAreAdministrativeItemsAndTheRegistrationIsNot() {
        RenderedView view = render(RecordSection.ADM, "2");
        assertThat(view.column("adm-tab", 1)).contains("Medication review due").doesNotContain("Registration");
        assertThat(render(RecordSection.ADM, "1").texts("p")).contains("No 'Administrative Items' data is recorded for this patient.");
    }

    @Test
    void hostileTextIsEscapedAndControlCharactersDropped() throws Exception {
        String hostile = "<script>alert(\"x\")</script> & <b onclick='x'>bold</b>\r\n\ttab\u0001 \ud83d\ude00 lone\ud800";
        ObjectNode allergy = (ObjectNode) new ObjectMapper().readTree("""
                {"resourceType":"AllergyIntolerance","id":"allergy-18-hostile","clinicalStatus":"active","verificationStatus":"unconfirmed",
                 "code":{"text":"Peanut &amp; <i>tree nut</i>"},"patient":{"reference":"Patient/18"},"assertedDate":"2020-01-02"}""");
        allergy.putArray("note").addObject().put("text", hostile);
        store.inTransaction(writer -> writer.save(ODS, allergy, null));
        RenderedView view = render(RecordSection.ALL, "18");
        assertThat(view.document.getElementsByTagName("script").getLength()).isZero();
        assertThat(view.document.getElementsByTagName("b").getLength()).isZero();
        assertThat(view.column("all-tab-curr", 1)).singleElement().satisfies(details -> assertThat(details)
                .contains("Peanut &amp; <i>tree nut</i>", "<script>alert(\"x\")</script> & <b onclick='x'>bold</b>", "tab", "\ud83d\ude00 lone\ufffd"));
        assertThat(view.xhtml).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick='x'&gt;")
                .doesNotContain("\u0001");
    }

    @Test
    void aThreeThousandItemRecordRendersEverySection() {
        TestDatabase.Connect c = TestDatabase.H2.fresh();
        try (HikariDataSource synthetic = Database.open(c.url(), c.user(), c.password(), 2)) {
            GpRecordStore heavy = new GpRecordStore(synthetic);
            new DataSetLoader(heavy).loadOnce("default");
            new SyntheticRecordGenerator(new SyntheticRecordGenerator.Settings(ODS, 1, 3000, 100, 3000, 42)).writeTo(heavy, line -> {});
            String id = SyntheticRecordGenerator.PATIENT_ID_PREFIX + "1";
            assertThat(heavy.resourcesOf(ODS, id).all()).hasSizeGreaterThan(2500);
            CareRecordViews heavyViews = new CareRecordViews(heavy);
            int rows = 0;
            for (RecordSection section : RecordSection.values()) {
                StoredResource patient = heavy.read(ODS, "Patient", id).orElseThrow();
                String xhtml = heavyViews.render(new SectionRequest(section, heavy.patient(ODS, id).orElseThrow(), patient,
                        heavy.resourcesOf(ODS, id), null, TODAY));
                RenderedView view = new RenderedView(xhtml).assertSafe();
                rows += view.texts("tr").size();
            }
            assertThat(rows).isGreaterThan(1000);
        }
    }
}
