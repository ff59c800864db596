package io.github.hotpatch.report;

import io.github.hotpatch.verify.RuleResult;
import io.github.hotpatch.verify.SubjectReport;
import io.github.hotpatch.verify.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML in the Surefire {@code TEST-*.xml} shape that Jenkins, Azure DevOps and GitLab read:
 * one {@code <testsuite name="hotpatch.<subject>">} per subject, one {@code <testcase>} per rule.
 *
 * <ul>
 *   <li>FAIL: {@code <failure message type="<ruleId>">} with the rule, message and file as text.</li>
 *   <li>NOT_APPLICABLE: {@code <skipped message>}.</li>
 *   <li>DEVIATION: a passing test case with a {@code <system-out>} naming the deviation. JUnit has no
 *       "accepted with substitute" outcome; a deviation does not break the build, so reporting it as a
 *       failure or skip would misstate the verdict, while system-out keeps it visible in the CI viewers.</li>
 *   <li>PASS: an empty test case.</li>
 * </ul>
 * No rule ever "errors" (a rule that could not read its evidence is a FAIL), so {@code errors} is 0.
 */
public final class JunitReport {

    public static final String SUITE_PREFIX = "hotpatch.";

    public void write(List<SubjectReport> subjects, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Document(xml).write(subjects);
            xml.flush();
            // XMLStreamWriter.close() does not close the underlying stream; the caller owns it.
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML", e);
        }
    }

    public String toXml(List<SubjectReport> subjects) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        write(subjects, buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** One document's worth of writing, with the indentation XMLStreamWriter does not do itself. */
    private static final class Document {
        private final XMLStreamWriter xml;

        Document(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void write(List<SubjectReport> subjects) throws XMLStreamException {
            StatusCounts total = new StatusCounts(0, 0, 0, 0);
            for (SubjectReport subject : subjects) {
                total = total.plus(StatusCounts.of(subject.results()));
            }
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "hotpatch");
            countAttributes(total);
            for (SubjectReport subject : subjects) {
                newline(1);
                suite(subject);
            }
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
        }

        private void suite(SubjectReport subject) throws XMLStreamException {
            String suiteName = SUITE_PREFIX + XmlText.legal(subject.name());
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suiteName);
            countAttributes(StatusCounts.of(subject.results()));
            // surefire-test-report.xsd allows <properties> before the test cases: the verdict lives there.
            newline(2);
            xml.writeStartElement("properties");
            property("verdict", Verdict.of(subject).name());
            property("binariesChecked", Boolean.toString(Verdict.binariesChecked(subject)));
            newline(2);
            xml.writeEndElement();
            for (RuleResult rule : subject.results()) {
                newline(2);
                testCase(suiteName, rule);
            }
            newline(1);
            xml.writeEndElement();
        }

        private void testCase(String className, RuleResult rule) throws XMLStreamException {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", className);
            xml.writeAttribute("name", XmlText.legal(rule.id() + " " + rule.title()));
            xml.writeAttribute("time", "0");
            String message = XmlText.legal(rule.message());
            switch (rule.status()) {
                case PASS -> {
                    xml.writeEndElement();
                    return;
                }
                case FAIL -> {
                    newline(3);
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", message);
                    xml.writeAttribute("type", XmlText.legal(rule.id()));
                    xml.writeCharacters(XmlText.legal(details(rule)));
                    xml.writeEndElement();
                }
                case NOT_APPLICABLE -> {
                    newline(3);
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", message);
                }
                case DEVIATION -> {
                    newline(3);
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(XmlText.legal("DEVIATION " + details(rule)));
                    xml.writeEndElement();
                }
            }
            newline(2);
            xml.writeEndElement();
        }

        private void property(String name, String value) throws XMLStreamException {
            newline(3);
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", name);
            xml.writeAttribute("value", XmlText.legal(value));
        }

        private void countAttributes(StatusCounts counts) throws XMLStreamException {
            xml.writeAttribute("tests", Integer.toString(counts.total()));
            xml.writeAttribute("failures", Integer.toString(counts.failed()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Integer.toString(counts.notApplicable()));
            xml.writeAttribute("time", "0");
        }

        private void newline(int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    /** The full evidence for the element body: attributes lose line breaks, text keeps them. */
    private static String details(RuleResult rule) {
        StringBuilder text = new StringBuilder()
                .append(rule.id())
                .append(' ')
                .append(rule.title())
                .append('\n')
                .append(rule.message());
        if (rule.file() != null) {
            text.append("\nfile: ").append(rule.file());
        }
        return text.toString();
    }
}
