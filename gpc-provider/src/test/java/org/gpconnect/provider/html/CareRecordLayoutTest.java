package org.gpconnect.provider.html;

import com.fasterxml.jackson.databind.JsonNode;
import org.gpconnect.provider.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.provider.html.CareRecordApiTest.JSON;
import static org.gpconnect.provider.html.CareRecordApiTest.PATIENT_1;
import static org.gpconnect.provider.html.CareRecordApiTest.PATIENT_2;
import static org.gpconnect.provider.html.CareRecordApiTest.body;
import static org.gpconnect.provider.html.CareRecordApiTest.careRecord;
import static org.gpconnect.provider.html.CareRecordApiTest.xhtml;

/**
 * The layout rules over HTTP, on the {@code div} text exactly as a consumer receives it, with the
 * expectations of the 0.7.4 test suite (HTML.feature) for the test patients: headings, table ids and
 * columns in order, date banners in each form, no-data fragments, the GP transfer banner, and only
 * the elements and attributes the guide allows.
 */
abstract class CareRecordLayoutTest extends ApiTest {
    private static final Set<String> ELEMENTS = Set.of("div", "h1", "h2", "p", "b", "br", "table", "thead", "tbody", "tr", "th", "td");
    private static final Set<String> ATTRIBUTES = Set.of("id", "class", "colspan");

    /** The raw XHTML of the one section, as sent. */
    String rawDiv(String nhsNumber, String section, String start, String end) {
        var response = careRecord(client, nhsNumber, body(nhsNumber, section, start, end)).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try {
            JsonNode bundle = JSON.readTree(response.body());
            return bundle.at("/entry/0/resource/section/0/text/div").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(value = RecordSection.class, names = {"SUM", "ENC", "CLI", "PRB", "ALL", "MED", "REF", "OBS", "IMM", "ADM"})
    void onlyTheAllowedElementsAndAttributesAndNoFormattingCharacters(RecordSection section) {
        String div = rawDiv(PATIENT_2, section.name(), null, null);
        assertThat(div).doesNotContain("\n", "\r", "\t").startsWith("<div>").endsWith("</div>");
        List<Element> elements = new ArrayList<>();
        collect(xhtml(div).getDocumentElement(), elements);
        for (Element element : elements) {
            assertThat(ELEMENTS).as("element").contains(element.getTagName());
            for (int i = 0; i < element.getAttributes().getLength(); i++) {
                assertThat(ATTRIBUTES).as("attribute of " + element.getTagName()).contains(element.getAttributes().item(i).getNodeName());
            }
        }
        assertThat(headings(div, "h1")).containsExactly(section.heading());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ADM|adm-tab",
            "MED|med-tab-acu-med,med-tab-curr-rep,med-tab-dis-rep,med-tab-all-sum,med-tab-all-iss",
            "ALL|all-tab-curr,all-tab-hist",
            "CLI|cli-tab", "ENC|enc-tab", "IMM|imm-tab", "OBS|obs-tab",
            "PRB|prb-tab-act,prb-tab-majinact,prb-tab-othinact",
            "REF|ref-tab",
            // the suite's list starts with cli-tab: Emergency Codes, off unless a practice switches them on
            "SUM|enc-tab,prb-tab-act,prb-tab-majinact,all-tab-curr,med-tab-acu-med,med-tab-curr-rep"})
    void tableIdsInOrder(String section, String ids) {
        List<String> found = new ArrayList<>();
        NodeList tables = xhtml(rawDiv(PATIENT_2, section, null, null)).getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            found.add(((Element) tables.item(i)).getAttribute("id"));
        }
        assertThat(found).containsExactly(ids.split(","));
    }

    @ParameterizedTest(name = "{0} table {2}")
    @CsvSource(delimiter = '|', value = {
            "ADM|Date,Entry,Details|1",
            "ALL|Start Date,Details|1",
            "ALL|Start Date,End Date,Details|2",
            "CLI|Date,Entry,Details|1",
            "ENC|Date,Title,Details|1",
            "IMM|Date,Vaccination,Part,Contents,Details|1",
            "MED|Type,Start Date,Medication Item,Dosage Instruction,Quantity,Scheduled End Date,Days Duration,Additional Information|1",
            "MED|Type,Start Date,Medication Item,Dosage Instruction,Quantity,Last Issued Date,Number of Prescriptions Issued,Max Issues,Review Date,Additional Information|2",
            "MED|Type,Last Issued Date,Medication Item,Dosage Instruction,Quantity,Discontinued Date,Discontinuation Reason,Additional Information|3",
            "MED|Type,Start Date,Medication Item,Dosage Instruction,Quantity,Last Issued Date,Number of Prescriptions Issued,Discontinuation Details,Additional Information|4",
            "MED|Type,Issue Date,Medication Item,Dosage Instruction,Quantity,Days Duration,Additional Information|5",
            "OBS|Date,Entry,Value,Range,Details|1",
            "PRB|Start Date,Entry,Significance,Details|1",
            "PRB|Start Date,End Date,Entry,Significance,Details|2",
            "PRB|Start Date,End Date,Entry,Significance,Details|3",
            "REF|Date,From,To,Priority,Details|1",
            "SUM|Date,Title,Details|1",
            "SUM|Start Date,Entry,Significance,Details|2",
            "SUM|Start Date,End Date,Entry,Significance,Details|3",
            "SUM|Start Date,Details|4",
            "SUM|Type,Start Date,Medication Item,Dosage Instruction,Quantity,Scheduled End Date,Days Duration,Additional Information|5",
            "SUM|Type,Start Date,Medication Item,Dosage Instruction,Quantity,Last Issued Date,Number of Prescriptions Issued,Max Issues,Review Date,Additional Information|6"})
    void tableHeadersInOrder(String section, String headers, int table) {
        Element element = (Element) xhtml(rawDiv(PATIENT_2, section, null, null)).getElementsByTagName("table").item(table - 1);
        List<String> found = new ArrayList<>();
        NodeList cells = element.getElementsByTagName("th");
        for (int i = 0; i < cells.getLength(); i++) {
            found.add(cells.item(i).getTextContent());
        }
        assertThat(found).containsExactly(headers.split(","));
    }

    @Test
    void subsectionHeadings() {
        assertThat(headings(rawDiv(PATIENT_2, "MED", null, null), "h2")).containsExactly("Acute Medication (Last 12 Months)",
                "Current Repeat Medication", "Discontinued Repeat Medication", "All Medication", "All Medication Issues");
        assertThat(headings(rawDiv(PATIENT_2, "PRB", null, null), "h2")).containsExactly("Active Problems and Issues",
                "Major Inactive Problems and Issues", "Other Inactive Problems and Issues");
        assertThat(headings(rawDiv(PATIENT_2, "SUM", null, null), "h2")).containsExactly("Last 3 Encounters",
                "Active Problems and Issues", "Major Inactive Problems and Issues", "Current Allergies and Adverse Reactions",
                "Acute Medication (Last 12 Months)", "Current Repeat Medication");
        assertThat(headings(rawDiv(PATIENT_2, "ALL", null, null), "h2")).containsExactly("Current Allergies and Adverse Reactions",
                "Historical Allergies and Adverse Reactions");
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({"ADM, 2014-05-03, 2016-09-14, 03-May-2014, 14-Sep-2016", "CLI, 2014-02, 2016-01, 01-Feb-2014, 31-Jan-2016",
            "ENC, 1982-10-05, 2016-09-01, 05-Oct-1982, 01-Sep-2016", "REF, 2016, 2016, 01-Jan-2016, 31-Dec-2016",
            "MED, 2014-02-03, 2016-01-24, 03-Feb-2014, 24-Jan-2016", "OBS, 2014-02-03, 2016-01-24, 03-Feb-2014, 24-Jan-2016",
            "PRB, 2014-02-03, 2016-01-24, 03-Feb-2014, 24-Jan-2016", "ADM, 1992, 2016, 01-Jan-1992, 31-Dec-2016"})
    void aConsumersPeriodIsNamedInTheDateBanner(String section, String start, String end, String from, String to) {
        assertThat(rawDiv(PATIENT_2, section, start, end)).contains("<div class=\"date-banner\"><p>For the period '" + from + "' to '" + to + "'</p>");
    }

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({"ENC, 1982-10-05, 05-Oct-1982", "CLI, 2014-02, 01-Feb-2014", "MED, 2016-12, 01-Dec-2016", "ADM, 2016-12, 01-Dec-2016"})
    void aStartOnlyPeriod(String section, String start, String from) {
        assertThat(rawDiv(PATIENT_2, section, start, null)).contains("<p>Data items from '" + from + "'</p>");
    }

    @ParameterizedTest(name = "{0} until {1}")
    @CsvSource({"ENC, 2016-12-12, 12-Dec-2016", "CLI, 2016-02, 29-Feb-2016", "PRB, 2016, 31-Dec-2016", "REF, 2016-11, 30-Nov-2016"})
    void anEndOnlyPeriod(String section, String end, String until) {
        assertThat(rawDiv(PATIENT_2, section, null, end)).contains("<p>Data items until '" + until + "'</p>");
    }

    @ParameterizedTest
    @EnumSource(value = RecordSection.class, names = {"ADM", "CLI", "ENC", "REF", "MED", "OBS", "PRB"})
    void withoutAPeriodAFilterableSectionSaysAllRelevantItems(RecordSection section) {
        assertThat(rawDiv(PATIENT_2, section.name(), null, null)).contains("<div class=\"date-banner\"><p>All relevant items</p>");
    }

    @ParameterizedTest
    @EnumSource(value = RecordSection.class, names = {"SUM", "ALL", "IMM"})
    void aSectionWithoutDateFiltersHasNoDateBanner(RecordSection section) {
        assertThat(rawDiv(PATIENT_2, section.name(), null, null)).doesNotContain("date-banner");
    }

    @Test
    void subsectionsThatShowEverythingSayTheFilterIsNotApplied() {
        for (String[] sectionAndSubsection : new String[][] {{"MED", "Acute Medication (Last 12 Months)"},
                {"MED", "Current Repeat Medication"}, {"MED", "Discontinued Repeat Medication"}, {"PRB", "Active Problems and Issues"}}) {
            String div = rawDiv(PATIENT_2, sectionAndSubsection[0], "2018-04-20", "2018-04-30");
            String subsection = div.substring(div.indexOf("<h2>" + sectionAndSubsection[1] + "</h2>"));
            subsection = subsection.substring(0, Math.max(subsection.indexOf("<h2>", 4), 0) == 0 ? subsection.length() : subsection.indexOf("<h2>", 4));
            assertThat(subsection).as(sectionAndSubsection[1]).contains("<div class=\"date-banner\"><p>Date filter not applied</p>");
        }
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({"ADM, 2014-05-03, 2015-04-30, Administrative Items", "CLI, 2014-02-03, 2015-01-24, Clinical Items",
            "ENC, 1982-10-05, 2015-04-30, Encounters", "REF, 2014-03-21, 2015-03-14, Referrals"})
    void aPeriodWithNothingInItSaysSo(String section, String start, String end, String heading) {
        assertThat(rawDiv(PATIENT_2, section, start, end)).contains("<p>No '" + heading + "' data is recorded for this patient.</p>");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ADM, Administrative Items", "CLI, Clinical Items", "ENC, Encounters", "SUM, Last 3 Encounters",
            "SUM, Active Problems and Issues", "SUM, Major Inactive Problems and Issues", "SUM, Current Allergies and Adverse Reactions",
            "SUM, Acute Medication (Last 12 Months)", "SUM, Current Repeat Medication", "REF, Referrals",
            "ALL, Current Allergies and Adverse Reactions", "ALL, Historical Allergies and Adverse Reactions", "IMM, Immunisations",
            "MED, Acute Medication (Last 12 Months)", "MED, Current Repeat Medication", "MED, Discontinued Repeat Medication",
            "MED, All Medication", "MED, All Medication Issues", "OBS, Observations", "PRB, Active Problems and Issues",
            "PRB, Major Inactive Problems and Issues", "PRB, Other Inactive Problems and Issues"})
    void patient1sEmptySectionsSayNothingIsRecorded(String section, String heading) {
        assertThat(rawDiv(PATIENT_1, section, null, null)).contains("<p>No '" + heading + "' data is recorded for this patient.</p>");
    }

    @ParameterizedTest
    @EnumSource(value = RecordSection.class, names = {"SUM", "ENC", "CLI", "PRB", "ALL", "MED", "REF", "OBS", "IMM", "ADM"})
    void aRecordInTransitCarriesTheGpTransferBannerBelowItsHeading(RecordSection section) {
        assertThat(rawDiv("9690938096", section.name(), null, null)).matches("<div><h1>" + java.util.regex.Pattern.quote(section.heading())
                + "</h1><div class=\"gptransfer-banner\"><p>Patient record transfer from previous GP practice not yet complete; "
                + "information recorded before \\d{2}-[A-Z][a-z]{2}-\\d{4} may be missing</p></div>.*");
    }

    @Test
    void discontinuedRepeatMedicationCarriesItsBanner() {
        String div = rawDiv(PATIENT_2, "MED", null, null);
        String subsection = div.substring(div.indexOf("<h2>Discontinued Repeat Medication</h2>"));
        assertThat(subsection).contains("<div class=\"content-banner\"><p>All repeat medication ended by a clinician action</p></div>");
    }

    @Test
    void dateCellsAreDdMmmYyyy() {
        String div = rawDiv(PATIENT_2, "ENC", null, null);
        assertThat(div).containsPattern("<td class=\"date-column\">\\d{2}-[A-Z][a-z]{2}-\\d{4}</td>");
        assertThat(div).doesNotContainPattern("<td class=\"date-column\">(?!\\d{2}-[A-Z][a-z]{2}-\\d{4}</td>)");
    }

    /** Single-table views and the allergy and problem tables are sorted by their first date, newest first. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ENC, enc-tab", "CLI, cli-tab", "OBS, obs-tab", "IMM, imm-tab", "ADM, adm-tab",
            "ALL, all-tab-curr", "PRB, prb-tab-act"})
    void rowsAreNewestFirst(String section, String tableId) {
        NodeList tables = xhtml(rawDiv(PATIENT_2, section, null, null)).getElementsByTagName("table");
        List<java.time.LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            if (!tableId.equals(table.getAttribute("id"))) {
                continue;
            }
            NodeList rows = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
            for (int r = 0; r < rows.getLength(); r++) {
                String text = ((Element) rows.item(r)).getElementsByTagName("td").item(0).getTextContent();
                dates.add(java.time.LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy", java.util.Locale.US)));
            }
        }
        assertThat(dates).as(tableId).hasSizeGreaterThan(1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static List<String> headings(String div, String tag) {
        List<String> found = new ArrayList<>();
        NodeList nodes = xhtml(div).getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent());
        }
        return found;
    }

    private static void collect(Element element, List<Element> into) {
        into.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, into);
            }
        }
    }
}
