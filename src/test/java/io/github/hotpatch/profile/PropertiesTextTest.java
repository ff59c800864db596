package io.github.hotpatch.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {

    @Test
    void javaUtilPropertiesReadsBackEveryAwkwardValue() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("flags", "/hotpatchcompatible /profile /incremental:no");
        entries.put("deviation", " leading space, = and : and # and ! and \\ and\ttab\nnewline\r\f");
        entries.put("key with spaces=and:colon", "value");
        entries.put("generator", "Visual Studio 18 2026 — é ü 中 😀");
        entries.put("empty", "");
        String text = PropertiesText.of("a comment\nspanning lines — ü", entries);

        Properties loaded = new Properties();
        loaded.load(new StringReader(text));
        assertEquals(entries.size(), loaded.size());
        entries.forEach((k, v) -> assertEquals(v, loaded.getProperty(k), k));
        assertTrue(text.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), "printable ASCII only: " + text);
    }

    @Test
    void noTimestampSoTheSameContentGivesTheSameBytes() {
        String text = PropertiesText.of("written by hotpatch:configure", Map.of("arch", "ARM64"));
        assertEquals("#written by hotpatch:configure\narch=ARM64\n", text);
    }
}
