package io.github.hotpatch.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static Map<String, Object> sample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("size", 320);
        inner.put("offset", 4_294_967_296L);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("zeta", "first key stays first");
        map.put("flags", List.of("/hotpatchcompatible", "/profile"));
        map.put("none", List.of());
        map.put("empty", Map.of());
        map.put("loadConfig", inner);
        map.put("ok", true);
        map.put("deviation", null);
        map.put("big", new BigInteger("18446744073709551616"));
        map.put("kind", StatusForTest.PASS);
        return map;
    }

    private enum StatusForTest {
        PASS
    }

    @Test
    void prettyPrintsWithTwoSpacesLfAndTheMapsOwnOrder() {
        assertEquals("""
                {
                  "zeta": "first key stays first",
                  "flags": [
                    "/hotpatchcompatible",
                    "/profile"
                  ],
                  "none": [ ],
                  "empty": { },
                  "loadConfig": {
                    "size": 320,
                    "offset": 4294967296
                  },
                  "ok": true,
                  "deviation": null,
                  "big": 18446744073709551616,
                  "kind": "PASS"
                }
                """, JsonWriter.toString(sample()));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersOnly() {
        assertEquals(
                "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001F/é😀\"\n",
                JsonWriter.toString("a\"b\\c\n\r\t\b\f\u0001\u001f/é😀"));
    }

    @Test
    void writesUtf8AndLeavesTheStreamOpen() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonWriter.write(List.of("é"), out);
        out.write('!');
        assertEquals("[\n  \"é\"\n]\n!", out.toString(StandardCharsets.UTF_8));
    }

    /** Differential: Jackson and the plugin's own reader read back exactly what was written. */
    @Test
    void whatItWritesReadsBackTheSame() throws Exception {
        Map<String, Object> value = sample();
        value.put("kind", "PASS");
        value.put("text", "tab\there \u0000 nul, quote \" and \\ and \u2028");
        value.put("nested", List.of(List.of(), Map.of("k", List.of(1, 2)), Arrays.asList(null, false)));
        String json = JsonWriter.toString(value);
        Object expected = JsonReaderTest.normalize(value);
        assertEquals(expected, JsonReaderTest.normalize(new ObjectMapper().readValue(json, Object.class)));
        assertEquals(expected, JsonReaderTest.normalize(JsonReader.parse(json)));
    }

    @Test
    void refusesTypesThatAreNotJsonValues() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> JsonWriter.toString(Map.of("file", Path.of("x.dll"))));
        assertTrue(e.getMessage().contains("cannot write a sun.nio.fs.UnixPath as JSON"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.toString(1.5d));
    }
}
