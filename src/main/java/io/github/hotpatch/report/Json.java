package io.github.hotpatch.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The one JSON output style shared by the JSON and SARIF reports: UTF-8, two-space indent, LF only. */
final class Json {

    private static final ObjectWriter WRITER = createWriter();

    private Json() {
    }

    /** Writes {@code value} (maps, lists, scalars) and a final newline; leaves {@code out} open. */
    static void write(Object value, OutputStream out) throws IOException {
        WRITER.writeValue(out, value);
        out.write('\n');
        out.flush();
    }

    static String toString(Object value) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        write(value, buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static ObjectWriter createWriter() {
        ObjectMapper mapper = new ObjectMapper();
        // The caller owns the stream (ReportFiles may write more after us, tests read a buffer).
        mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        // Maps are LinkedHashMaps whose order is the report's order: never re-sort them.
        mapper.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
        // A fixed "\n" (not the platform separator) keeps reports byte-identical on Windows and Linux.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return mapper.writer(printer);
    }
}
