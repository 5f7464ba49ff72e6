package org.gpconnect.provider.html.view;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A rendered view parsed as XML (which fails unless it is well-formed), with the look-ups the tests need. */
final class RenderedView {
    static final Set<String> ELEMENTS = Set.of("div", "h1", "h2", "p", "b", "br", "table", "thead", "tbody", "tr", "th", "td");
    static final Set<String> ATTRIBUTES = Set.of("id", "class", "colspan");

    final String xhtml;
    final Document document;

    RenderedView(String xhtml) {
        this.xhtml = xhtml;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            this.document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + xhtml, e);
        }
    }

    /** Only the layout's elements and attributes, no line-end or tab characters, a div at the root. */
    RenderedView assertSafe() {
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("div");
        assertThat(xhtml).doesNotContain("\n", "\r", "\t");
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            assertThat(element.getTagName()).isIn(ELEMENTS);
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                assertThat(attributes.item(a).getNodeName()).isIn(ATTRIBUTES);
            }
        }
        return this;
    }

    List<String> texts(String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    List<String> tableIds() {
        List<String> ids = new ArrayList<>();
        NodeList tables = document.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            ids.add(((Element) tables.item(i)).getAttribute("id"));
        }
        return ids;
    }

    Element table(String id) {
        NodeList tables = document.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            if (((Element) tables.item(i)).getAttribute("id").equals(id)) {
                return (Element) tables.item(i);
            }
        }
        throw new AssertionError("no table " + id + " in " + xhtml);
    }

    List<String> headers(String id) {
        List<String> headers = new ArrayList<>();
        NodeList cells = table(id).getElementsByTagName("th");
        for (int i = 0; i < cells.getLength(); i++) {
            headers.add(cells.item(i).getTextContent());
        }
        return headers;
    }

    /** The table's body rows, each as its cells; a grouping row has one cell. */
    List<List<Element>> rows(String id) {
        List<List<Element>> rows = new ArrayList<>();
        NodeList trs = ((Element) table(id).getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            List<Element> cells = new ArrayList<>();
            NodeList tds = ((Element) trs.item(i)).getElementsByTagName("td");
            for (int c = 0; c < tds.getLength(); c++) {
                cells.add((Element) tds.item(c));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The data rows' text in one column (grouping rows left out). */
    List<String> column(String id, int index) {
        return rows(id).stream().filter(cells -> cells.size() > 1).map(cells -> cells.get(index).getTextContent()).toList();
    }

    /** The texts of the banner divs of a class directly under the heading's parent (the section or subsection div). */
    List<String> bannersUnder(String headingTag, String heading, String cssClass) {
        NodeList headings = document.getElementsByTagName(headingTag);
        for (int i = 0; i < headings.getLength(); i++) {
            if (headings.item(i).getTextContent().equals(heading)) {
                List<String> banners = new ArrayList<>();
                NodeList siblings = headings.item(i).getParentNode().getChildNodes();
                for (int s = 0; s < siblings.getLength(); s++) {
                    Node sibling = siblings.item(s);
                    if (sibling instanceof Element div && div.getTagName().equals("div") && div.getAttribute("class").equals(cssClass)) {
                        banners.add(div.getTextContent());
                    }
                }
                return banners;
            }
        }
        throw new AssertionError("no " + headingTag + " " + heading + " in " + xhtml);
    }

    /** The paragraphs of the subsection (or section) under the heading. */
    String sectionText(String headingTag, String heading) {
        NodeList headings = document.getElementsByTagName(headingTag);
        for (int i = 0; i < headings.getLength(); i++) {
            if (headings.item(i).getTextContent().equals(heading)) {
                return headings.item(i).getParentNode().getTextContent();
            }
        }
        throw new AssertionError("no " + headingTag + " " + heading + " in " + xhtml);
    }
}
