package io.github.hotpatch.process;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent implementation of how a Windows program splits its command line: the Microsoft C runtime rules
 * (learn.microsoft.com, "Parsing C command-line arguments"; {@code CommandLineToArgvW} follows the same rules). Written
 * from the documented rules, not from {@link WindowsCommandLine}, so that a test can check one against the other.
 */
final class CrtCommandLineParser {
    private CrtCommandLineParser() {}

    static List<String> parse(String line) {
        List<String> argv = new ArrayList<>();
        int i = 0;
        int n = line.length();
        // argv[0], the program name: up to the next quote if it starts with one, else up to whitespace; no escapes.
        StringBuilder program = new StringBuilder();
        if (i < n && line.charAt(i) == '"') {
            i++;
            while (i < n && line.charAt(i) != '"') {
                program.append(line.charAt(i++));
            }
            i++;
        } else {
            while (i < n && !blank(line.charAt(i))) {
                program.append(line.charAt(i++));
            }
        }
        argv.add(program.toString());
        while (true) {
            while (i < n && blank(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return argv;
            }
            StringBuilder arg = new StringBuilder();
            boolean quoted = false;
            while (i < n) {
                char c = line.charAt(i);
                if (blank(c) && !quoted) {
                    break;
                }
                if (c == '\\') {
                    int start = i;
                    while (i < n && line.charAt(i) == '\\') {
                        i++;
                    }
                    int count = i - start;
                    if (i < n && line.charAt(i) == '"') {
                        arg.append("\\".repeat(count / 2));
                        if (count % 2 == 1) {
                            arg.append('"'); // odd: the last backslash escapes the quote
                            i++;
                        }
                        // even: the quote is a delimiter, read by the next round
                    } else {
                        arg.append("\\".repeat(count)); // not before a quote: literal
                    }
                } else if (c == '"') {
                    if (quoted && i + 1 < n && line.charAt(i + 1) == '"') {
                        arg.append('"'); // "" inside quotes: a literal quote (runtime 2008 and later)
                        i += 2;
                    } else {
                        quoted = !quoted;
                        i++;
                    }
                } else {
                    arg.append(c);
                    i++;
                }
            }
            argv.add(arg.toString());
        }
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }
}
