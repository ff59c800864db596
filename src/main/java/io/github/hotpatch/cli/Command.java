package io.github.hotpatch.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code java -jar ... <command>}; {@link Main} dispatches on {@link #name()}. */
interface Command {

    /** What the user types, e.g. {@code inspect}. */
    String name();

    /** One line for the top-level help. */
    String summary();

    /** The full {@code <command> --help} text, lines ending in {@code \n}. */
    String usage();

    /**
     * Runs the command on its arguments (the command name removed); {@code --help} is handled by {@link Main}.
     *
     * @return the exit code: {@link Main#OK}, {@link Main#NOT_READY} or {@link Main#ERROR}
     * @throws UsageException for bad usage (unknown option, missing value, no PATH), as one line
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
