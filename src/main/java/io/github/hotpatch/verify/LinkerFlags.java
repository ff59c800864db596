package io.github.hotpatch.verify;

import io.github.hotpatch.process.CommandLine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Linker switches as link.exe and lld-link read them: '/' or '-', names case-insensitive, quoted arguments whole. */
public final class LinkerFlags {
    private LinkerFlags() {}

    /** Splits a command line into arguments, keeping "quoted parts" together (quotes removed). */
    public static List<String> tokens(String commandLine) {
        return CommandLine.split(commandLine);
    }

    /** The switch normalised for comparison: leading '-' becomes '/', lower case. */
    public static String normalise(String flag) {
        String f = flag.startsWith("-") ? "/" + flag.substring(1) : flag;
        return f.toLowerCase(Locale.ROOT);
    }

    /** The last argument equal to {@code flag} (normalised), if any. */
    public static Optional<String> find(List<String> tokens, String flag) {
        String wanted = normalise(flag);
        Optional<String> found = Optional.empty();
        for (String token : tokens) {
            if (normalise(token).equals(wanted)) {
                found = Optional.of(token);
            }
        }
        return found;
    }

    /** The last argument whose switch name ({@code /name} or {@code /name:...}) is {@code name}. */
    public static Optional<String> findSwitch(List<String> tokens, String name) {
        String wanted = normalise(name);
        Optional<String> found = Optional.empty();
        for (String token : tokens) {
            String t = normalise(token);
            if (t.equals(wanted) || t.startsWith(wanted + ":")) {
                found = Optional.of(token);
            }
        }
        return found;
    }

    /**
     * The last {@code /OPT:} argument whose comma-separated options include {@code option} (or {@code option=n}), when
     * no later {@code /OPT:} argument turns it off with {@code no<option>}: {@code /OPT:REF,ICF=3} has ICF.
     */
    public static Optional<String> lastOptOption(List<String> tokens, String option) {
        Optional<String> found = Optional.empty();
        String on = option.toLowerCase(Locale.ROOT);
        for (String token : tokens) {
            String t = normalise(token);
            if (!t.startsWith("/opt:")) {
                continue;
            }
            for (String part : t.substring(5).split(",")) {
                if (part.equals(on) || part.startsWith(on + "=")) {
                    found = Optional.of(token);
                } else if (part.equals("no" + on)) {
                    found = Optional.empty();
                }
            }
        }
        return found;
    }

    /** Flags that mark an image as built for hotpatching; {@code /incremental:no} is common in every configuration. */
    public static boolean isDistinctive(String flag) {
        String f = normalise(flag);
        return !f.equals("/incremental:no");
    }
}
