package io.github.hotpatch.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict RFC 8259 JSON into plain Java values: objects become insertion-ordered {@code Map<String, Object>}, arrays
 * {@code List<Object>}, strings {@code String}, {@code true}/{@code false} {@code Boolean}, {@code null} Java
 * {@code null}, integers {@code Long} (or {@code BigInteger} beyond 64 bits) and other numbers {@code BigDecimal}.
 * The returned maps and lists are unmodifiable.
 *
 * <p>The plugin reads only small, machine-written JSON (CMake File API replies, vswhere output), so this is a
 * recursive descent over a string with a nesting limit, not a streaming parser. A later duplicate key replaces the
 * earlier value, as most readers do.
 */
public final class JsonReader {

    /** Deeper nesting is refused rather than risking the stack; no File API reply comes near it. */
    public static final int MAX_DEPTH = 256;

    /** Longer number literals are refused: converting them would cost time out of proportion to any real input. */
    static final int MAX_NUMBER_LENGTH = 1000;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** Parses one JSON value; anything but whitespace after it is an error. A leading UTF-8 BOM is skipped. */
    public static Object parse(String text) throws JsonSyntaxException {
        JsonReader reader = new JsonReader(text);
        if (text.startsWith("\uFEFF")) {
            reader.pos = 1;
        }
        reader.skipWhitespace();
        if (reader.pos >= text.length()) {
            throw reader.error("no JSON value (the input is empty)");
        }
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.error("unexpected " + reader.describeHere() + " after the JSON value");
        }
        return value;
    }

    /** A name for a parsed value's JSON type, for messages ("object", "array", "string", ...). */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "object";
        } else if (value instanceof List) {
            return "array";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Boolean) {
            return "boolean";
        }
        return "number";
    }

    private Object value() throws JsonSyntaxException {
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw error("unexpected " + describeHere() + ", expected a JSON value");
        }
    }

    private Map<String, Object> object() throws JsonSyntaxException {
        enter();
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("unexpected " + describeHere() + ", expected a field name in double quotes");
            }
            String key = string();
            skipWhitespace();
            if (peek() != ':') {
                throw error(
                        "unexpected " + describeHere() + ", expected ':' after field name \"" + shorten(key) + "\"");
            }
            pos++;
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("input ends where the value of field \"" + shorten(key) + "\" should be");
            }
            map.put(key, value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                pos--;
                throw error("unexpected " + describeHere() + ", expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() throws JsonSyntaxException {
        enter();
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("input ends inside an array");
            }
            list.add(value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                pos--;
                throw error("unexpected " + describeHere() + ", expected ',' or ']' in an array");
            }
        }
    }

    private void enter() throws JsonSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() throws JsonSyntaxException {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw error("string never closed (no '\"' before the end of the input)");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null
                        ? text.substring(runStart, pos)
                        : sb.append(text, runStart, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error(String.format("control character U+%04X inside a string (must be escaped)", (int) c));
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, runStart, pos);
            if (pos + 1 >= text.length()) {
                throw error("string ends inside an escape sequence");
            }
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 6 > text.length()) {
                        throw error("string ends inside a \\u escape");
                    }
                    int code = 0;
                    for (int i = pos + 2; i < pos + 6; i++) {
                        int digit = Character.digit(text.charAt(i), 16);
                        if (digit < 0) {
                            throw error(
                                    "\\u escape needs four hex digits, found '" + text.substring(pos, pos + 6) + "'");
                        }
                        code = code * 16 + digit;
                    }
                    sb.append((char) code);
                    pos += 4;
                }
                default -> throw error("invalid escape '\\" + printable(e) + "' in a string");
            }
            pos += 2;
            runStart = pos;
        }
    }

    private Object literal(String word, Object value) throws JsonSyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describeHere() + ", expected a JSON value");
        }
        pos += word.length();
        return value;
    }

    private Object number() throws JsonSyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("number with a leading zero");
            }
        } else if (!digits()) {
            throw error("'-' not followed by a digit");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!digits()) {
                throw error("'.' not followed by a digit");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("exponent without digits");
            }
        }
        String literal = text.substring(start, pos);
        if (literal.length() > MAX_NUMBER_LENGTH) {
            pos = start;
            throw error("number literal of " + literal.length() + " characters (at most " + MAX_NUMBER_LENGTH + ")");
        }
        if (integral) {
            if (literal.length() <= 18) {
                return Long.parseLong(literal);
            }
            BigInteger big = new BigInteger(literal);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        try {
            return new BigDecimal(literal);
        } catch (NumberFormatException | ArithmeticException e) {
            pos = start;
            throw error("number out of range: " + shorten(literal));
        }
    }

    private boolean digits() {
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        return pos > start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "end of input";
        }
        return "'" + printable(text.charAt(pos)) + "'";
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("U+%04X", (int) c);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private JsonSyntaxException error(String message) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(pos, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonSyntaxException(message, line, end - lineStart + 1, end);
    }
}
