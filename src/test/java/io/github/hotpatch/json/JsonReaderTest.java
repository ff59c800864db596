package io.github.hotpatch.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValueInOrder() throws Exception {
        Object value =
                JsonReader.parse(" {\"b\": [1, -2, 3.5, 1e3, true, false, null, \"x\"], \"a\": {}, \"c\": []}\n");
        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(map.keySet()));
        assertEquals(
                Arrays.asList(1L, -2L, new BigDecimal("3.5"), new BigDecimal("1e3"), true, false, null, "x"),
                map.get("b"));
        assertEquals(Map.of(), map.get("a"));
        assertEquals(List.of(), map.get("c"));
    }

    @Test
    void decodesEscapes() throws Exception {
        assertEquals(
                "a\"b\\c/d\b\f\n\r\t\u00e9\uD83D\uDE00",
                JsonReader.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00E9\\ud83d\\ude00\""));
        assertEquals("C:\\Program Files\\cmake", JsonReader.parse("\"C:\\\\Program Files\\\\cmake\""));
    }

    @Test
    void integersBeyondSixtyFourBitsAreBigIntegers() throws Exception {
        assertEquals(Long.MAX_VALUE, JsonReader.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, JsonReader.parse("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), JsonReader.parse("9223372036854775808"));
    }

    @Test
    void laterDuplicateKeyWins() throws Exception {
        assertEquals(Map.of("a", 2L), JsonReader.parse("{\"a\": 1, \"a\": 2}"));
    }

    @Test
    void skipsALeadingByteOrderMark() throws Exception {
        assertEquals(List.of(), JsonReader.parse("\uFEFF[]"));
    }

    @Test
    void parsedContainersCannotBeChanged() throws Exception {
        Map<?, ?> map = (Map<?, ?>) JsonReader.parse("{\"a\": [1]}");
        assertThrows(UnsupportedOperationException.class, () -> map.clear());
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) map.get("a")).clear());
    }

    @Test
    void nullIsAValueNotAMissingField() throws Exception {
        Map<?, ?> map = (Map<?, ?>) JsonReader.parse("{\"a\": null}");
        assertTrue(map.containsKey("a"));
        assertNull(map.get("a"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``|1|1|no JSON value (the input is empty)",
                "`   `|1|4|no JSON value (the input is empty)",
                "{\"a\": 1,}|1|9|expected a field name in double quotes",
                "{\"a\" 1}|1|6|expected ':' after field name \"a\"",
                "[1 2]|1|4|expected ',' or ']' in an array",
                "[1,|1|4|input ends inside an array",
                "{\"a\": 1|1|8|expected ',' or '}' in an object",
                "\"abc|1|1|string never closed",
                "\"a\\x\"|1|3|invalid escape '\\x'",
                "\"\\u12g4\"|1|2|\\u escape needs four hex digits",
                "01|1|2|number with a leading zero",
                "-|1|2|'-' not followed by a digit",
                "1.|1|3|'.' not followed by a digit",
                "1e|1|3|exponent without digits",
                "tru|1|1|expected a JSON value",
                "NaN|1|1|unexpected 'N', expected a JSON value",
                "{} x|1|4|unexpected 'x' after the JSON value",
                "// c|1|1|unexpected '/', expected a JSON value",
                "{'a': 1}|1|2|expected a field name in double quotes",
            })
    void rejectsWhatIsNotJsonSayingWhere(String text, int line, int column, String problem) {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(text));
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at line " + line + ", column " + column), e.getMessage());
    }

    @Test
    void countsLinesAndColumnsAcrossLineBreaks() {
        JsonSyntaxException e =
                assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("{\n  \"a\": [\n    1,\n    ]\n}"));
        assertEquals("unexpected ']', expected a JSON value at line 4, column 5", e.getMessage());
        assertEquals(22, e.offset());
    }

    @Test
    void rejectsRawControlCharactersInStrings() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("\"a\tb\""));
        assertTrue(e.problem().contains("control character U+0009"), e.getMessage());
    }

    @Test
    void refusesNestingDeeperThanTheLimitWithoutOverflowingTheStack() throws Exception {
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        JsonReader.parse(ok);
        String deep = "[".repeat(100_000);
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(deep));
        assertTrue(e.problem().contains("nesting deeper than " + JsonReader.MAX_DEPTH), e.getMessage());
        assertEquals(JsonReader.MAX_DEPTH + 1, e.column());
    }

    @Test
    void refusesHugeNumberLiterals() {
        String digits = "1".repeat(JsonReader.MAX_NUMBER_LENGTH + 1);
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(digits));
        assertTrue(e.problem().startsWith("number literal of 1001 characters"), e.getMessage());
        assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("1e99999999999"));
    }

    /**
     * Differential: every reply file CMake wrote for the fuzz seed (a real Ninja Multi-Config configure) reads
     * into the same tree as Jackson, the widely used reader the plugin used before.
     */
    @Test
    void readsRealFileApiRepliesLikeJackson() throws Exception {
        Path seeds = Path.of("src/test/resources/io/github/hotpatch/fileapi/FileApiReplyFuzzTestInputs/read");
        ObjectMapper jackson = new ObjectMapper()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
        int files = 0;
        try (Stream<Path> list = Files.list(seeds)) {
            for (Path seed : list.filter(p -> p.getFileName().toString().startsWith("seed-"))
                    .toList()) {
                byte[] bundle = Files.readAllBytes(seed);
                int start = 0;
                for (int i = 0; i <= bundle.length; i++) {
                    if (i == bundle.length || bundle[i] == 0) {
                        String entry = new String(bundle, start, i - start, StandardCharsets.UTF_8);
                        String json = entry.substring(entry.indexOf('\n') + 1);
                        assertEquals(
                                normalize(jackson.readValue(json, Object.class)),
                                normalize(JsonReader.parse(json)),
                                entry.substring(0, entry.indexOf('\n')));
                        files++;
                        start = i + 1;
                    }
                }
            }
        }
        assertTrue(files >= 5, "only " + files + " reply files in " + seeds);
    }

    /** Numbers as BigDecimal, containers as plain LinkedHashMap/ArrayList, so both readers' trees compare. */
    static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, normalize(v)));
            return out;
        } else if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(normalize(v)));
            return out;
        } else if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        } else if (value instanceof BigInteger || value instanceof Long || value instanceof Integer) {
            return new BigDecimal(value.toString()).stripTrailingZeros();
        }
        return value;
    }
}
