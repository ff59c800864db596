package io.github.hotpatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.verify.SubjectReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class JunitReportTest {

    private final JunitReport report = new JunitReport();

    private Element parse(List<SubjectReport> subjects) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.write(subjects, out);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertEquals("1.0", document.getXmlVersion());
        assertEquals("UTF-8", document.getXmlEncoding());
        return document.getDocumentElement();
    }

    @Test
    void oneSuitePerSubjectWithCounts() throws Exception {
        Element root = parse(List.of(Subjects.mixed("arm64_schannel"), Subjects.ready("msquic.dll")));

        assertEquals("testsuites", root.getTagName());
        assertCounts(root, 7, 1, 2);
        List<Element> suites = children(root, "testsuite");
        assertEquals(2, suites.size());
        assertEquals("hotpatch.arm64_schannel", suites.get(0).getAttribute("name"));
        assertCounts(suites.get(0), 4, 1, 1);
        assertEquals("hotpatch.msquic.dll", suites.get(1).getAttribute("name"));
        assertCounts(suites.get(1), 3, 0, 1);
    }

    @Test
    void oneCasePerRuleInOrder() throws Exception {
        Element suite = children(parse(List.of(Subjects.mixed("arm64_schannel"))), "testsuite")
                .get(0);
        List<Element> cases = children(suite, "testcase");

        List<String> names = new ArrayList<>();
        for (Element testCase : cases) {
            assertEquals("hotpatch.arm64_schannel", testCase.getAttribute("classname"));
            assertEquals("0", testCase.getAttribute("time"));
            names.add(testCase.getAttribute("name"));
        }
        assertEquals(
                List.of(
                        "HP-PRJ-001 Title of HP-PRJ-001",
                        "HP-PRJ-002 Title of HP-PRJ-002",
                        "HP-PRJ-003 Title of HP-PRJ-003",
                        "HP-PRJ-004 Title of HP-PRJ-004"),
                names);

        assertTrue(children(cases.get(0)).isEmpty(), "PASS has no children");

        Element failure = only(cases.get(1), "failure");
        assertEquals("/FUNCTIONPADMIN missing", failure.getAttribute("message"));
        assertEquals("HP-PRJ-002", failure.getAttribute("type"));
        assertEquals(
                "HP-PRJ-002 Title of HP-PRJ-002\n/FUNCTIONPADMIN missing\nfile: msquic.vcxproj",
                failure.getTextContent());

        Element skipped = only(cases.get(2), "skipped");
        assertEquals("x64 only", skipped.getAttribute("message"));

        Element out = only(cases.get(3), "system-out");
        assertTrue(out.getTextContent().startsWith("DEVIATION HP-PRJ-004"), out.getTextContent());
        assertTrue(out.getTextContent().contains("lld map file instead of /pdbinject:mapfile"));
    }

    @Test
    void hostileMessagesAreEscapedAndIllegalCharactersReplaced() throws Exception {
        Element suite = children(parse(List.of(Subjects.hostile("h<&\"x\"\u0002"))), "testsuite")
                .get(0);
        assertEquals("hotpatch.h<&\"x\"\\u0002", suite.getAttribute("name"));

        String legal = "say \"hi\" & 'bye' <tag attr=\"x\"> ]]> \\u0000nul \\u0001soh \\u001Besc"
                + " tab\tnl\ncr\r lone\\uD800 ffff\\uFFFF caf\u00E9 \uD83D\uDE00";
        List<Element> cases = children(suite, "testcase");
        Element failure = only(cases.get(0), "failure");
        // The parser normalizes whitespace in attributes (XML 1.0 §3.3.3) and CR in text (§2.11).
        assertEquals(legal.replaceAll("[\t\n\r]", " "), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains(legal.replace("\r", "\n")), failure.getTextContent());
        assertEquals(
                legal.replaceAll("[\t\n\r]", " "), only(cases.get(1), "skipped").getAttribute("message"));
        assertTrue(only(cases.get(2), "system-out").getTextContent().contains(legal.replace("\r", "\n")));
    }

    @Test
    void outputIsStableAndIndented() throws Exception {
        List<SubjectReport> subjects = List.of(Subjects.mixed("a"), Subjects.ready("b"));
        String xml = report.toXml(subjects);
        assertEquals(xml, report.toXml(subjects));
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"), xml);
        assertTrue(xml.contains("\n  <testsuite name=\"hotpatch.a\""), xml);
        assertTrue(xml.contains("\n    <testcase "), xml);
        assertFalse(xml.contains("\r"));
    }

    @Test
    void noSubjectsIsAnEmptyTestsuites() throws Exception {
        Element root = parse(List.of());
        assertCounts(root, 0, 0, 0);
        assertTrue(children(root).isEmpty());
    }

    private static void assertCounts(Element element, int tests, int failures, int skipped) {
        assertEquals(Integer.toString(tests), element.getAttribute("tests"));
        assertEquals(Integer.toString(failures), element.getAttribute("failures"));
        assertEquals(Integer.toString(skipped), element.getAttribute("skipped"));
        assertEquals("0", element.getAttribute("errors"));
        assertEquals("0", element.getAttribute("time"));
    }

    private static Element only(Element parent, String tag) {
        List<Element> all = children(parent);
        assertEquals(1, all.size(), "exactly one child element");
        assertEquals(tag, all.get(0).getTagName());
        return all.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> matching = new ArrayList<>();
        for (Element child : children(parent)) {
            if (child.getTagName().equals(tag)) {
                matching.add(child);
            }
        }
        return matching;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }
}
