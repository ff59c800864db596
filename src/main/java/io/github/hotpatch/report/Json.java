package io.github.hotpatch.report;

import io.github.hotpatch.json.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;

/** The one JSON output style shared by the JSON and SARIF reports: UTF-8, two-space indent, LF only. */
final class Json {

    private Json() {
    }

    /** Writes {@code value} (maps, lists, scalars) and a final newline; leaves {@code out} open. */
    static void write(Object value, OutputStream out) throws IOException {
        JsonWriter.write(value, out);
    }

    static String toString(Object value) {
        return JsonWriter.toString(value);
    }
}
