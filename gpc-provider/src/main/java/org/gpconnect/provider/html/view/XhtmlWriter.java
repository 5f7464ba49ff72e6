package org.gpconnect.provider.html.view;

/**
 * Writes the narrative XHTML of a view. Only the elements and attributes the 0.7.4 layout uses can
 * be written and every text value is escaped here, so a view cannot emit markup that came from the
 * record (a note saying {@code <script>}) nor anything that is not well-formed.
 */
final class XhtmlWriter {
    enum Tag { div, h1, h2, p, b, table, thead, tbody, tr, th, td }

    private final StringBuilder out = new StringBuilder(4096);

    XhtmlWriter open(Tag tag) {
        out.append('<').append(tag.name()).append('>');
        return this;
    }

    /** An element with a class, as the banners and date cells carry. */
    XhtmlWriter openWithClass(Tag tag, String cssClass) {
        return openWith(tag, "class", cssClass);
    }

    XhtmlWriter openWithId(Tag tag, String id) {
        return openWith(tag, "id", id);
    }

    /** The medication grouping row's cell: spans the table and carries med-item-column. */
    XhtmlWriter openSpanning(Tag tag, int columns, String cssClass) {
        out.append('<').append(tag.name()).append(" colspan=\"").append(columns).append("\" class=\"");
        escape(cssClass);
        out.append("\">");
        return this;
    }

    private XhtmlWriter openWith(Tag tag, String attribute, String value) {
        out.append('<').append(tag.name()).append(' ').append(attribute).append("=\"");
        escape(value);
        out.append("\">");
        return this;
    }

    XhtmlWriter close(Tag tag) {
        out.append("</").append(tag.name()).append('>');
        return this;
    }

    /** An element holding only text. */
    XhtmlWriter element(Tag tag, String text) {
        return open(tag).text(text).close(tag);
    }

    /** Text; each line ending becomes a {@code <br/>}, the only way a line break may reach the narrative. */
    XhtmlWriter text(String text) {
        if (text == null) {
            return this;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                escape(text, start, i);
                out.append("<br/>");
                start = i + 1;
            }
        }
        escape(text, start, text.length());
        return this;
    }

    /** A paragraph in a div with a class: the banners. */
    XhtmlWriter banner(String cssClass, String text) {
        return openWithClass(Tag.div, cssClass).element(Tag.p, text).close(Tag.div);
    }

    private void escape(String text) {
        escape(text, 0, text.length());
    }

    private void escape(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0xfffe || c == 0xffff) {
                        out.append(' '); // tabs, carriage returns and other controls: not allowed in the narrative
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                            out.append(c).append(text.charAt(++i));
                        } else {
                            out.append('\ufffd'); // a lone half of a pair is not a character XML can carry
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
