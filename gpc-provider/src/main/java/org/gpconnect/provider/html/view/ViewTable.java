package org.gpconnect.provider.html.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One table of a view with what goes around it: the subsection title ({@code <h2>}, none in a
 * single-table view), its banners, and its rows, sorted on output by the date the view's page
 * names (newest first, undated last), within groups for the medication tables that group by item.
 * With no rows it is replaced by the "No '...' data is recorded" fragment.
 */
final class ViewTable {
    /** A column: its header and whether it holds {@code dd-Mmm-yyyy} dates. */
    record Column(String header, boolean date) {
        static Column text(String header) { return new Column(header, false); }
        static Column date(String header) { return new Column(header, true); }
    }

    /** A row: cells are LocalDate (date columns), String (\n for new lines) or null. */
    record Row(String group, LocalDate sortDate, Object[] cells) {}

    private final String title;
    private final String subject;
    private final String id;
    private final List<Column> columns;
    private final boolean grouped;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> contentBanners = new ArrayList<>();
    private String dateBanner;
    private boolean excluded;
    private String notSupported;

    private ViewTable(String title, String subject, String id, boolean grouped, Column... columns) {
        this.title = title;
        this.subject = subject;
        this.id = id;
        this.grouped = grouped;
        this.columns = List.of(columns);
    }

    /** A subsection of a multi-table view, under its {@code <h2>}. */
    static ViewTable subsection(String title, String id, Column... columns) {
        return new ViewTable(title, title, id, false, columns);
    }

    /** A subsection whose rows are grouped by medication item (All Medication, All Medication Issues). */
    static ViewTable groupedSubsection(String title, String id, Column... columns) {
        return new ViewTable(title, title, id, true, columns);
    }

    /** The one table of a single-table view, straight under the section's {@code <h1>}. */
    static ViewTable single(String sectionHeading, String id, Column... columns) {
        return new ViewTable(null, sectionHeading, id, false, columns);
    }

    String title() { return title; }
    String id() { return id; }
    List<Column> columns() { return columns; }
    List<Row> rows() { return rows; }

    void add(LocalDate sortDate, Object... cells) {
        addToGroup(null, sortDate, cells);
    }

    void addToGroup(String group, LocalDate sortDate, Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(id + " has " + columns.size() + " columns, not " + cells.length);
        }
        rows.add(new Row(group, sortDate, cells));
    }

    /** An item that belongs here was withheld (confidential): the table says so. */
    void excluded() { excluded = true; }

    boolean isExcluded() { return excluded; }

    void dateBanner(String text) { dateBanner = text; }

    String dateBanner() { return dateBanner; }

    void contentBanner(String text) { contentBanners.add(text); }

    /** The section has no data of this kind at all: the "not supported by this system" fragment. */
    void notSupported() { notSupported = subject; }

    void writeTo(XhtmlWriter out) {
        if (title != null) {
            out.open(XhtmlWriter.Tag.div).element(XhtmlWriter.Tag.h2, title);
        }
        for (String banner : contentBanners) {
            out.banner("content-banner", banner);
        }
        if (dateBanner != null) {
            out.banner("date-banner", dateBanner);
        }
        if (excluded) {
            out.banner("exclusion-banner", "Items excluded due to confidentiality and/or patient preferences");
        }
        if (notSupported != null) {
            Fragments.notSupported(out, notSupported);
        } else if (rows.isEmpty()) {
            Fragments.noData(out, subject);
        } else {
            writeTable(out);
        }
        if (title != null) {
            out.close(XhtmlWriter.Tag.div);
        }
    }

    /** Newest first within each group; groups alphabetically (case-insensitive, as a reader expects). */
    private static final Comparator<Row> BY_DATE = Comparator.comparing(Row::sortDate, Comparator.nullsLast(Comparator.reverseOrder()));
    private static final Comparator<Row> BY_GROUP = Comparator.comparing((Row row) -> String.valueOf(row.group()), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(row -> String.valueOf(row.group()));

    private void writeTable(XhtmlWriter out) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(grouped ? BY_GROUP.thenComparing(BY_DATE) : BY_DATE);
        out.openWithId(XhtmlWriter.Tag.table, id).open(XhtmlWriter.Tag.thead).open(XhtmlWriter.Tag.tr);
        for (Column column : columns) {
            out.element(XhtmlWriter.Tag.th, column.header());
        }
        out.close(XhtmlWriter.Tag.tr).close(XhtmlWriter.Tag.thead).open(XhtmlWriter.Tag.tbody);
        String group = null;
        for (Row row : sorted) {
            if (grouped && (group == null || !group.equals(String.valueOf(row.group())))) {
                group = String.valueOf(row.group());
                out.open(XhtmlWriter.Tag.tr).openSpanning(XhtmlWriter.Tag.td, columns.size(), "med-item-column")
                        .text(row.group()).close(XhtmlWriter.Tag.td).close(XhtmlWriter.Tag.tr);
            }
            out.open(XhtmlWriter.Tag.tr);
            for (int i = 0; i < columns.size(); i++) {
                Object cell = row.cells()[i];
                if (columns.get(i).date()) {
                    out.openWithClass(XhtmlWriter.Tag.td, "date-column").text(cell instanceof LocalDate date ? DisplayDate.format(date)
                            : cell == null ? null : cell.toString());
                } else {
                    out.open(XhtmlWriter.Tag.td).text(cell == null ? null : cell instanceof LocalDate date ? DisplayDate.format(date) : cell.toString());
                }
                out.close(XhtmlWriter.Tag.td);
            }
            out.close(XhtmlWriter.Tag.tr);
        }
        out.close(XhtmlWriter.Tag.tbody).close(XhtmlWriter.Tag.table);
    }
}
