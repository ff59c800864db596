package io.github.hotpatch.vcxproj;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walks the DOM of a project the way MSBuild evaluates the parts that matter here: property groups and
 * {@code <Link>} item definitions in file order, later definitions overriding earlier ones, each kept
 * only for the configurations its {@code Condition}s select.
 */
public final class VcxprojFileReader {

    private enum Kind {
        PROPERTY,
        LINK
    }

    /** One element value and the conditions (group's and its own) that guard it. */
    private record Definition(Kind kind, List<String> conditions, String name, String value) {}

    private final Path file;
    private final String namespace;
    private final Set<ProjectConfiguration> configurations = new LinkedHashSet<>();
    private final List<Definition> definitions = new ArrayList<>();
    private final Set<String> ignoredConditions = new LinkedHashSet<>();

    private VcxprojFileReader(Path file, String namespace) {
        this.file = file;
        this.namespace = namespace;
    }

    /**
     * Reads {@code file}. Malformed or non-project content, a DOCTYPE, an empty file, or a project
     * without {@code ProjectConfiguration} items give a {@link VcxprojFormatException}.
     */
    public static VcxprojFile read(Path file) throws IOException {
        Document document = SecureXmlParser.parse(file);
        Element root = document.getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"Project".equals(root.getLocalName()) || !(ns == null || VcxprojFile.MSBUILD_NAMESPACE.equals(ns))) {
            throw new VcxprojFormatException(
                    file,
                    "expected root element <Project xmlns=\""
                            + VcxprojFile.MSBUILD_NAMESPACE + "\">, found <" + root.getTagName() + ">"
                            + (ns == null ? "" : " in namespace " + ns));
        }
        VcxprojFileReader reader = new VcxprojFileReader(file, ns);
        reader.collect(root);
        return reader.evaluate();
    }

    private void collect(Element project) throws VcxprojFormatException {
        for (Element group : children(project)) {
            switch (group.getLocalName()) {
                case "ItemGroup" -> collectConfigurations(group);
                case "PropertyGroup" -> {
                    for (Element property : children(group)) {
                        define(Kind.PROPERTY, property, group);
                    }
                }
                case "ItemDefinitionGroup" -> {
                    for (Element tool : children(group)) {
                        if (tool.getLocalName().equals("Link")) {
                            for (Element setting : children(tool)) {
                                define(Kind.LINK, setting, group, tool);
                            }
                        }
                    }
                }
                default -> {
                    // Imports, ImportGroups and targets carry no link settings CMake writes
                }
            }
        }
    }

    private void collectConfigurations(Element itemGroup) throws VcxprojFormatException {
        for (Element item : children(itemGroup)) {
            if (!item.getLocalName().equals("ProjectConfiguration")) {
                continue;
            }
            String include = item.getAttribute("Include");
            try {
                configurations.add(ProjectConfiguration.parse(include));
            } catch (IllegalArgumentException e) {
                throw new VcxprojFormatException(
                        file,
                        "expected <ProjectConfiguration Include=\"Configuration|Platform\">, " + "found Include=\""
                                + include + "\"");
            }
        }
    }

    private void define(Kind kind, Element element, Element... ancestors) {
        List<String> conditions = new ArrayList<>();
        for (Element e : ancestors) {
            addCondition(conditions, e);
        }
        addCondition(conditions, element);
        definitions.add(new Definition(
                kind,
                conditions,
                element.getLocalName(),
                element.getTextContent().trim()));
    }

    private static void addCondition(List<String> conditions, Element e) {
        if (e.hasAttribute("Condition") && !e.getAttribute("Condition").isBlank()) {
            conditions.add(e.getAttribute("Condition"));
        }
    }

    private VcxprojFile evaluate() throws VcxprojFormatException {
        if (configurations.isEmpty()) {
            throw new VcxprojFormatException(
                    file,
                    "expected <ItemGroup Label=\"ProjectConfigurations\"> with "
                            + "<ProjectConfiguration Include=\"Configuration|Platform\"> items; found none");
        }
        Map<ProjectConfiguration, LinkSettings> settings = new LinkedHashMap<>();
        for (ProjectConfiguration configuration : configurations) {
            settings.put(configuration, evaluate(configuration));
        }
        return new VcxprojFile(file, settings, new ArrayList<>(ignoredConditions));
    }

    private LinkSettings evaluate(ProjectConfiguration configuration) {
        AdditionalOptions options = AdditionalOptions.none();
        Map<String, String> link = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (Definition d : definitions) {
            if (!selects(d.conditions(), configuration)) {
                continue;
            }
            if (d.kind() == Kind.PROPERTY) {
                properties.put(d.name(), d.value());
            } else if (d.name().equals("AdditionalOptions")) {
                options = AdditionalOptions.parse(d.value(), options);
            } else {
                link.put(d.name(), d.value());
            }
        }
        return new LinkSettings(file, configuration, options, link, properties);
    }

    private boolean selects(List<String> conditions, ProjectConfiguration configuration) {
        for (String condition : conditions) {
            Optional<ProjectConfiguration> selected = ProjectConfiguration.fromCondition(condition);
            if (selected.isEmpty()) {
                ignoredConditions.add(condition);
                return false;
            }
            if (!selected.get().equals(configuration)) {
                return false;
            }
        }
        return true;
    }

    /** Child elements in the project's namespace, skipping text, comments and foreign elements. */
    private List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Objects.equals(e.getNamespaceURI(), namespace)) {
                out.add(e);
            }
        }
        return out;
    }
}
