package io.github.hotpatch.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hotpatch.testing.ReaderFuzzTest;
import io.github.hotpatch.testing.ReaderFuzzing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@link JsonReader#parse} on fuzzed text: a value or a {@link JsonSyntaxException}, nothing else, within
 * {@link ReaderFuzzing#TIME_BOUND} and the fuzzing JVM's heap. Differential too: whatever it accepts, Jackson
 * (strict, as configured below) accepts as well and reads into the same tree. Seeds: a File API index and target
 * reply and a vswhere-like array ({@code JsonReaderFuzzTestInputs/read/}).
 */
class JsonReaderFuzzTest {

    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** The reader's format exception, as an IOException for {@link ReaderFuzzing#readOrReject}. */
    static final class Rejected extends IOException {
        private static final long serialVersionUID = 1L;

        Rejected(JsonSyntaxException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @DictionaryEntries({"\\u", "\\ud83d", "true", "false", "null", "1e", "-0.", "E+", "\"\":", "[]", "{}"})
    @ReaderFuzzTest
    void read(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);
        ReaderFuzzing.readOrReject(Rejected.class, () -> {
            Object ours;
            try {
                ours = JsonReader.parse(text);
            } catch (JsonSyntaxException e) {
                throw new Rejected(e);
            }
            Object theirs = JACKSON.readValue(text.startsWith("\uFEFF") ? text.substring(1) : text, Object.class);
            assertEquals(JsonReaderTest.normalize(theirs), JsonReaderTest.normalize(ours), text);
        });
    }
}
