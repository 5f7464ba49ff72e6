package org.gpconnect.provider.html.view;

/** The replacement fragments of accessrecord_html_layout.md, for a table that cannot be supplied. */
final class Fragments {
    private Fragments() {}

    /** Recorded nothing (in the period asked for). */
    static void noData(XhtmlWriter out, String section) {
        out.open(XhtmlWriter.Tag.div).element(XhtmlWriter.Tag.p, "No '" + section + "' data is recorded for this patient.")
                .close(XhtmlWriter.Tag.div);
    }

    /** Data this system does not store. */
    static void notSupported(XhtmlWriter out, String section) {
        out.open(XhtmlWriter.Tag.div).element(XhtmlWriter.Tag.p, "'" + section + "' data is not supported by this system.")
                .close(XhtmlWriter.Tag.div);
    }
}
