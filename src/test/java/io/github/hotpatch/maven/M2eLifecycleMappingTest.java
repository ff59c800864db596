package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The m2e mapping shipped in the jar covers every goal of the generated plugin descriptor exactly once, so
 * Eclipse never reports "plugin execution not covered by lifecycle configuration" for this plugin.
 */
class M2eLifecycleMappingTest {

    // Both are in target/classes before surefire runs: resources are copied in process-resources, and the
    // descriptor is generated in process-classes.
    private static final Path CLASSES = Path.of("target", "classes");

    /** goal → its action element ({@code execute} or {@code ignore}). */
    private static Map<String, Element> actionByGoal;

    private static List<String> mappedGoals;
    private static List<String> pluginGoals;

    @BeforeAll
    static void parse() throws Exception {
        Document mapping = parse(CLASSES.resolve("META-INF/m2e/lifecycle-mapping-metadata.xml"));
        actionByGoal = new LinkedHashMap<>();
        mappedGoals = new ArrayList<>();
        for (Element execution : elements(mapping.getDocumentElement(), "pluginExecution")) {
            Element action = children(only(execution, "action")).get(0);
            for (Element goal : elements(only(execution, "pluginExecutionFilter"), "goal")) {
                mappedGoals.add(goal.getTextContent().trim());
                actionByGoal.put(goal.getTextContent().trim(), action);
            }
        }
        Document descriptor = parse(CLASSES.resolve("META-INF/maven/plugin.xml"));
        pluginGoals = new ArrayList<>();
        for (Element mojo : elements(descriptor.getDocumentElement(), "mojo")) {
            pluginGoals.add(only(mojo, "goal").getTextContent().trim());
        }
    }

    @Test
    void everyGoalOfThePluginIsMappedExactlyOnce() {
        assertTrue(
                pluginGoals.containsAll(List.of("configure", "build", "verify", "attach", "inspect", "help")),
                pluginGoals.toString());
        assertEquals(new TreeSet<>(pluginGoals), new TreeSet<>(mappedGoals), "mapped goals vs plugin.xml goals");
        assertEquals(mappedGoals.size(), new TreeSet<>(mappedGoals).size(), "a goal mapped twice: " + mappedGoals);
    }

    @Test
    void configureRunsWhenTheProjectIsConfiguredButNotOnEverySave() {
        Element execute = actionByGoal.get("configure");
        assertEquals("execute", execute.getTagName());
        assertEquals("false", only(execute, "runOnIncremental").getTextContent().trim());
        assertEquals(
                "true", only(execute, "runOnConfiguration").getTextContent().trim());
    }

    @Test
    void theOtherGoalsAreIgnored() {
        actionByGoal.forEach((goal, action) -> {
            if (!goal.equals("configure")) {
                assertEquals("ignore", action.getTagName(), goal);
            }
        });
        assertFalse(actionByGoal.isEmpty());
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element only(Element parent, String tag) {
        List<Element> matching = children(parent).stream()
                .filter(e -> e.getTagName().equals(tag))
                .toList();
        assertEquals(1, matching.size(), "one <" + tag + "> in <" + parent.getTagName() + ">");
        return matching.get(0);
    }
}
