package org.gpconnect.provider.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only check of a DSTU2 resource against a GP Connect 0.7.2 profile's differential: the
 * cardinalities, fixed values and {@code meta.profile} the profile states. HAPI 8's instance validator
 * canonicalises only the HL7.org DSTU2 structures, not HAPI's own DSTU2 model the 0.x root is built with,
 * so it cannot check these profiles as {@link ProfileValidator} checks the STU3 ones.
 *
 * <p>The profiles are read from the system property gpc.fhir.dstu2.dir, by default the sibling
 * {@code gpconnect-fhir-0.7.2} of {@link ProfileValidator#folder()}; where absent the check is skipped,
 * saying so. Choice elements ({@code value[x]}) and slices are not checked.
 */
public final class Dstu2ProfileCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Dstu2ProfileCheck() {}

    public static Path folder() {
        String configured = System.getProperty("gpc.fhir.dstu2.dir");
        return configured != null ? Path.of(configured) : ProfileValidator.folder().resolveSibling("gpconnect-fhir-0.7.2");
    }

    /**
     * @param profile  the StructureDefinition's file name without extension, e.g. gpconnect-operationoutcome-1
     * @param resource the resource as DSTU2 JSON
     * @return what breaks the profile; empty when nothing does
     */
    public static List<String> errors(String profile, String resource) {
        Path file = folder().resolve("StructureDefinitions").resolve(profile + ".xml");
        Assumptions.assumeTrue(Files.isRegularFile(file), "DSTU2 profile check skipped: " + file.toAbsolutePath()
                + " is absent (set -Dgpc.fhir.dstu2.dir)");
        try {
            Document definition = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            JsonNode instance = JSON.readTree(resource);
            List<String> errors = new ArrayList<>();
            String url = attribute(definition.getDocumentElement(), "url");
            List<String> profiles = new ArrayList<>();
            instance.path("meta").path("profile").forEach(p -> profiles.add(p.asText()));
            if (!profiles.contains(url)) {
                errors.add("meta.profile does not name " + url + ": " + profiles);
            }
            Element differential = child(definition.getDocumentElement(), "differential");
            // a slice repeats its element's path (with a name); it and what lies below it are not checked
            java.util.Set<String> seen = new java.util.HashSet<>();
            String slice = null;
            for (Element element : children(differential, "element")) {
                String path = attribute(element, "path");
                if (slice != null && (path.equals(slice) || path.startsWith(slice + "."))) {
                    continue;
                }
                slice = null;
                if (!seen.add(path)) {
                    slice = path;
                    continue;
                }
                check(element, instance, errors);
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot check against " + file, e);
        }
    }

    private static void check(Element element, JsonNode instance, List<String> errors) {
        String path = attribute(element, "path");
        String[] segments = path.split("\\.");
        if (segments.length < 2 || path.contains("[x]") || child(element, "slicing") != null || child(element, "name") != null) {
            return;
        }
        String min = attribute(element, "min");
        String max = attribute(element, "max");
        // every instance of the parent element must hold between min and max of this one
        List<JsonNode> parents = nodes(instance, segments, segments.length - 1);
        String name = segments[segments.length - 1];
        for (JsonNode parent : parents) {
            JsonNode value = parent.get(name);
            int count = value == null ? 0 : value.isArray() ? value.size() : 1;
            if (min != null && count < Integer.parseInt(min)) {
                errors.add(path + ": " + count + " found, at least " + min + " required");
            }
            if (max != null && !"*".equals(max) && count > Integer.parseInt(max)) {
                errors.add(path + ": " + count + " found, at most " + max + " allowed");
            }
        }
        String fixed = fixedValue(element);
        if (fixed != null) {
            for (JsonNode value : nodes(instance, segments, segments.length)) {
                // the 0.7.2 searchset profile fixes Bundle.type to "searchset " (sic): the space is a typo, not a value
                if (!fixed.strip().equals(value.asText())) {
                    errors.add(path + ": " + value + " is not the fixed value " + fixed);
                }
            }
        }
    }

    /** The values at the first {@code depth} segments of the path (the first names the resource), arrays flattened. */
    private static List<JsonNode> nodes(JsonNode instance, String[] segments, int depth) {
        List<JsonNode> current = List.of(instance);
        for (int i = 1; i < depth; i++) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                JsonNode value = node.get(segments[i]);
                if (value == null) {
                    continue;
                }
                if (value.isArray()) {
                    value.forEach(next::add);
                } else {
                    next.add(value);
                }
            }
            current = next;
        }
        return current;
    }

    /** fixedCode, fixedString, fixedUri...: any primitive fixed[x]. */
    private static String fixedValue(Element element) {
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child && child.getTagName().startsWith("fixed") && child.hasAttribute("value")) {
                return child.getAttribute("value");
            }
        }
        return null;
    }

    private static String attribute(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getAttribute("value");
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
