package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code hotpatch:help} prints comes from the plugin-help.xml (and the site from plugin.xml) that maven-plugin-plugin writes at
 * process-classes (before the tests run), from the pom and the mojos' Javadoc.
 */
class PluginHelpTest {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path HELP =
            Path.of("target/classes/META-INF/maven/io.github.hotpatch/hotpatch-maven-plugin/plugin-help.xml");

    @Test
    void noDescriptionHasAStrayLineBreak() throws Exception {
        String xml = Files.readString(HELP);
        Matcher m = Pattern.compile("<description>(.*?)</description>", Pattern.DOTALL)
                .matcher(xml);
        int descriptions = 0;
        while (m.find()) {
            descriptions++;
            // the help goal's own generated description has one deliberate break before "Call mvn ..."
            assertFalse(m.group(1).matches("(?s).*\\n\\s+.*"), "indented line break in: " + m.group(1));
        }
        assertTrue(descriptions > 20, "read the descriptions: " + descriptions);
    }

    @Test
    void theVariantSubsetHasOneWordForParameterAndUserProperty() throws Exception {
        String xml = Files.readString(DESCRIPTOR);
        Matcher m = Pattern.compile("<parameter>\\s*<name>selectedVariants</name>(.*?)</parameter>", Pattern.DOTALL)
                .matcher(xml);
        assertTrue(m.find(), "a parameter selectedVariants");
        assertTrue(m.group(1).contains("<alias>variantSelection</alias>"), m.group(1));
        assertTrue(
                xml.contains("<selectedVariants implementation=\"java.lang.String\">${hotpatch.selectedVariants}"),
                "its user property");
        assertEquals(-1, xml.indexOf("<name>variantSelection</name>"), "the old name is an alias only");
    }
}
