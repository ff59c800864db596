package io.github.hotpatch.vcxproj;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses project XML with DTDs and external entities off: a project file is input we did not write
 * (it may come from a checkout), so no entity may reach the file system or the network (XXE).
 */
final class SecureXmlParser {

    /** Generated projects are kilobytes; anything near this is not a project. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private SecureXmlParser() {}

    static Document parse(Path file) throws IOException {
        byte[] bytes = readChecked(file);
        try {
            return newBuilder().parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            throw new VcxprojFormatException(file, describe(e), e);
        } catch (SAXException e) {
            throw new VcxprojFormatException(file, "not an XML document: " + e.getMessage(), e);
        } catch (IOException e) {
            // The bytes are in memory, so this is the XML declaration's fault, e.g. encoding="ut-f8" (found by
            // fuzzing).
            throw new VcxprojFormatException(
                    file,
                    "unreadable XML declaration: " + e + "; expected an MSBuild project" + " in UTF-8 or UTF-16",
                    e);
        }
    }

    /** The file's bytes after the size checks every project read gets (empty, larger than {@link #MAX_BYTES}). */
    static byte[] readChecked(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new VcxprojFormatException(
                    file, "file is empty; expected an MSBuild project (<Project> root element)");
        }
        if (size > MAX_BYTES) {
            throw new VcxprojFormatException(
                    file,
                    "file has " + size + " bytes, more than the " + MAX_BYTES
                            + " a project file may have; refusing to parse it");
        }
        return Files.readAllBytes(file);
    }

    static String describe(SAXParseException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("DOCTYPE")) {
            return "has a DOCTYPE declaration; MSBuild projects need none, and it is refused so that no "
                    + "entity (XXE) is expanded or fetched";
        }
        return "malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + text
                + "; expected an MSBuild project";
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' refused");
            });
            builder.setErrorHandler(THROWING);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required security feature", e);
        }
    }

    /** The default handler prints "[Fatal Error]" to stderr; errors become exceptions instead. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not change what was parsed
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
