package io.github.hotpatch.profile;

import java.util.Map;

/**
 * The text {@link java.util.Properties#store} would write for some entries, without its timestamp line: so a state
 * file's bytes depend only on its content, and writing one does not load the JDK's time-zone and calendar classes
 * for a {@code new Date().toString()} nobody reads (about 7 ms of a cold configure goal). Readable by
 * {@link java.util.Properties#load}; every character outside printable ASCII is written as a {@code \\uXXXX} escape.
 */
public final class PropertiesText {

    private PropertiesText() {}

    /** {@code # comment}, then one {@code key=value} line per entry, in the map's order. */
    public static String of(String comment, Map<String, String> entries) {
        StringBuilder sb = new StringBuilder("#");
        escape(sb, comment.replace('\n', ' ').replace('\r', ' '), false, true);
        sb.append('\n');
        entries.forEach((key, value) -> {
            escape(sb, key, true, false);
            sb.append('=');
            escape(sb, value, false, false);
            sb.append('\n');
        });
        return sb.toString();
    }

    private static void escape(StringBuilder sb, String s, boolean key, boolean comment) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (comment) {
                appendUnicode(sb, c);
                continue;
            }
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(i == 0 || key ? "\\ " : " ");
                default -> appendUnicode(sb, c);
            }
        }
    }

    private static void appendUnicode(StringBuilder sb, char c) {
        if (c >= 0x20 && c < 0x7f) {
            sb.append(c);
        } else {
            sb.append("\\u");
            String hex = Integer.toHexString(c).toUpperCase();
            sb.append("0".repeat(4 - hex.length())).append(hex);
        }
    }
}
