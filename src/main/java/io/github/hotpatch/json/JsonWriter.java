package io.github.hotpatch.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Pretty-printed JSON of plain values: {@code Map} (keys written with {@code toString}, in the map's own order),
 * {@code Collection}, {@code String}, {@code Boolean}, integral numbers, {@code BigDecimal}, {@code Enum} (its name)
 * and {@code null}. Two-space indent, {@code "key": value}, LF line ends whatever the platform, so reports are
 * byte-identical on Windows and Linux; an empty object is {@code { }} and an empty array {@code [ ]}.
 *
 * <p>Any other type is a programming error and is refused, so a report never silently carries a
 * {@code toString()} of something.
 */
public final class JsonWriter {

    private JsonWriter() {}

    /** Writes {@code value} and a final newline as UTF-8; flushes, and leaves {@code out} open. */
    public static void write(Object value, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(4096);
        append(sb, value, 0);
        sb.append('\n');
        writer.write(sb.toString());
        writer.flush();
    }

    /** The text {@link #write} writes, final newline included. */
    public static String toString(Object value) {
        StringBuilder sb = new StringBuilder(4096);
        append(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void append(StringBuilder sb, Object value, int level) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof String s) {
            quote(sb, s);
        } else if (value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger
                || value instanceof BigDecimal) {
            sb.append(value);
        } else if (value instanceof Enum<?> e) {
            quote(sb, e.name());
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{ }");
                return;
            }
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> entry = it.next();
                newline(sb, level + 1);
                quote(sb, String.valueOf(entry.getKey()));
                sb.append(": ");
                append(sb, entry.getValue(), level + 1);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            newline(sb, level);
            sb.append('}');
        } else if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                sb.append("[ ]");
                return;
            }
            sb.append('[');
            Iterator<?> it = list.iterator();
            while (it.hasNext()) {
                newline(sb, level + 1);
                append(sb, it.next(), level + 1);
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            newline(sb, level);
            sb.append(']');
        } else {
            throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getName()
                            + " as JSON: report values are maps, lists, strings, booleans, integers or null");
        }
    }

    private static void newline(StringBuilder sb, int level) {
        sb.append('\n');
        for (int i = 0; i < level; i++) {
            sb.append("  ");
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** RFC 8259 escaping: quote, backslash and the C0 controls; everything else as it is (UTF-8 on output). */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
