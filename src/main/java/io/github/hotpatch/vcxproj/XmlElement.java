package io.github.hotpatch.vcxproj;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a project file as {@link XmlElementReader} reads it: its local name, namespace, attributes, child
 * elements, the character data directly inside it and the line it starts on (for reports).
 *
 * @param name      local name, e.g. {@code PropertyGroup}
 * @param namespace namespace URI, or empty for none
 * @param attrs     attributes by local name, in file order
 * @param children  child elements, in file order
 * @param text      the character data directly inside this element (CDATA included), untrimmed
 * @param line      1-based line of the start tag
 */
public record XmlElement(
        String name, String namespace, Map<String, String> attrs, List<XmlElement> children, String text, int line) {

    public XmlElement {
        attrs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attrs));
        children = List.copyOf(children);
    }

    public Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attrs.get(attribute));
    }

    /** The {@code Condition} attribute when it is present and not blank. */
    public Optional<String> condition() {
        return attribute("Condition").filter(c -> !c.isBlank());
    }
}
