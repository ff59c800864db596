package io.github.hotpatch.process;

import java.util.ArrayList;
import java.util.List;

/** Splitting a linker command line (CMake link flags, vcxproj AdditionalOptions, the line a PDB records). */
public final class CommandLine {
    private CommandLine() {}

    /**
     * Whitespace separates arguments, double quotes group (quotes removed), and {@code \"} is a literal quote, as the
     * MSVC tools read their command lines.
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                current.append('"');
                inToken = true;
                i++;
            } else if (c == '"') {
                quoted = !quoted;
                inToken = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inToken) {
                    out.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (inToken) {
            out.add(current.toString());
        }
        return out;
    }
}
