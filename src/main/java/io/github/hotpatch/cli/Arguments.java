package io.github.hotpatch.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A subcommand's command line split into positional arguments and options, the way every command reads it:
 * {@code --name value} or {@code --name=value} for the options that take a value, bare flags, {@code --} ending the
 * options. Errors are {@link UsageException}s of one line.
 */
final class Arguments {

    /** One option as given: its name and its value ({@code null} for a flag). */
    record Option(String name, String value) {}

    final List<String> positional = new ArrayList<>();
    final List<Option> options = new ArrayList<>();

    private Arguments() {}

    /**
     * @param valued the options that take a value
     * @param flags  the options that take none
     */
    static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) throws UsageException {
        Arguments parsed = new Arguments();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                parsed.positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (value.isEmpty()) {
                    throw new UsageException(name + " needs a value");
                }
            } else {
                throw new UsageException("unknown option " + name);
            }
            parsed.options.add(new Option(name, value));
        }
        return parsed;
    }

    /** {@code value}, refusing a second one for the same option. */
    static <T> T once(String name, T previous, T value) throws UsageException {
        if (previous != null) {
            throw new UsageException(name + " given twice");
        }
        return value;
    }

    /** An absolute path, resolved against the working directory as Maven resolves the goal's File parameters. */
    static Path path(String name, String value) throws UsageException {
        try {
            Path path = Path.of(value);
            return path.isAbsolute() ? path : path.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(name + ": not a path: " + value + " (" + e.getReason() + ")");
        }
    }
}
