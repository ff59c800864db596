package io.github.hotpatch.vcxproj;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a project file (.vcxproj, .props, .targets) into a tree of {@link XmlElement}s that remember their line
 * numbers, with the same protections as {@link SecureXmlParser}: no DOCTYPE, no entities, a size bound, and an
 * element-count bound, so that a hostile file ends in a {@link VcxprojFormatException} naming it.
 */
public final class XmlElementReader {

    /** Far more elements than any hand-written or generated project has. */
    public static final int MAX_ELEMENTS = 1_000_000;

    /** Projects nest a handful of levels (Project, group, item, metadata); this bounds the open-element stack. */
    public static final int MAX_DEPTH = 256;

    private XmlElementReader() {}

    /** The root element of {@code file}; it must be {@code <Project>} in the MSBuild namespace or in none. */
    public static XmlElement read(Path file) throws IOException {
        byte[] bytes = SecureXmlParser.readChecked(file);
        TreeBuilder builder = new TreeBuilder();
        try {
            newParser().parse(new InputSource(new ByteArrayInputStream(bytes)), builder);
        } catch (SAXParseException e) {
            throw new VcxprojFormatException(file, SecureXmlParser.describe(e), e);
        } catch (SAXException e) {
            throw new VcxprojFormatException(file, "not an XML document: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new VcxprojFormatException(
                    file, "unreadable XML declaration: " + e + "; expected an MSBuild project in UTF-8 or UTF-16", e);
        }
        XmlElement root = builder.root;
        if (root == null) {
            throw new VcxprojFormatException(file, "no root element; expected an MSBuild project");
        }
        if (!"Project".equals(root.name())
                || !(root.namespace().isEmpty() || VcxprojFile.MSBUILD_NAMESPACE.equals(root.namespace()))) {
            throw new VcxprojFormatException(
                    file,
                    "expected root element <Project xmlns=\"" + VcxprojFile.MSBUILD_NAMESPACE + "\">, found <"
                            + root.name() + ">"
                            + (root.namespace().isEmpty() ? "" : " in namespace " + root.namespace())
                            + " at line " + root.line());
        }
        return root;
    }

    private static SAXParser newParser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required security feature", e);
        }
    }

    /** Builds the tree with an explicit stack, so deep nesting costs heap, not Java stack. */
    private static final class TreeBuilder extends DefaultHandler {
        private static final class Open {
            final String name;
            final String namespace;
            final Map<String, String> attrs;
            final int line;
            final List<XmlElement> children = new ArrayList<>();
            final StringBuilder text = new StringBuilder();

            Open(String name, String namespace, Map<String, String> attrs, int line) {
                this.name = name;
                this.namespace = namespace;
                this.attrs = attrs;
                this.line = line;
            }
        }

        private final Deque<Open> stack = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;
        private int count;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (++count > MAX_ELEMENTS) {
                throw new SAXException("more than " + MAX_ELEMENTS + " elements; refusing to read further");
            }
            if (stack.size() >= MAX_DEPTH) {
                throw new SAXException("elements nest deeper than " + MAX_DEPTH + " levels at line "
                        + (locator == null ? 0 : locator.getLineNumber()) + "; refusing to read further");
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                String name =
                        attributes.getLocalName(i).isEmpty() ? attributes.getQName(i) : attributes.getLocalName(i);
                attrs.putIfAbsent(name, attributes.getValue(i));
            }
            String name = localName == null || localName.isEmpty() ? qName : localName;
            stack.push(new Open(name, uri == null ? "" : uri, attrs, locator == null ? 0 : locator.getLineNumber()));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            Open top = stack.peek();
            if (top != null) {
                top.text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Open done = stack.pop();
            XmlElement element = new XmlElement(
                    done.name, done.namespace, done.attrs, done.children, done.text.toString(), done.line);
            if (stack.isEmpty()) {
                root = element;
            } else {
                stack.peek().children.add(element);
            }
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
