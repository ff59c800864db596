package io.github.hotpatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar hotpatch-maven-plugin-<version>.jar <command> [options] ...}: the jar's Main-Class. Dispatches to
 * one {@link Command} by name; no reflection, no service loading, so the cold path loads only what the command uses.
 */
public final class Main {

    /** Ready, or reported without {@code --fail-on-violation}. */
    public static final int OK = 0;
    /** NOT_READY with {@code --fail-on-violation}. */
    public static final int NOT_READY = 1;
    /** Unreadable input or bad usage: one line on stderr names it. */
    public static final int ERROR = 2;

    static final String PROGRAM = "hotpatch";
    static final String INVOCATION = "java -jar hotpatch-maven-plugin-<version>.jar";

    /** The subcommands, in help order; a new one is one more entry here. */
    private static final List<Command> COMMANDS = List.of(new InspectCommand(), new DiffCommand());

    private Main() {}

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** The whole command line, in process: the exit code is returned, output goes to {@code out} and {@code err}. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(PROGRAM + ": no command given; usage: " + INVOCATION + " <command> ... (see --help)");
            return ERROR;
        }
        String first = args.get(0);
        switch (first) {
            case "--help", "-h", "help" -> {
                if (first.equals("help") && args.size() > 1) {
                    Command command = find(args.get(1));
                    if (command == null) {
                        return unknownCommand(args.get(1), err);
                    }
                    out.print(command.usage());
                    return OK;
                }
                out.print(usage());
                return OK;
            }
            case "--version", "-V" -> {
                out.println(PROGRAM + " " + version());
                return OK;
            }
            default -> {
                Command command = find(first);
                if (command == null) {
                    return unknownCommand(first, err);
                }
                List<String> rest = args.subList(1, args.size());
                if (rest.contains("--help") || rest.contains("-h")) {
                    int end = rest.indexOf("--");
                    int help = Math.max(rest.indexOf("--help"), rest.indexOf("-h"));
                    if (end < 0 || help < end) {
                        out.print(command.usage());
                        return OK;
                    }
                }
                try {
                    return command.run(rest, out, err);
                } catch (UsageException e) {
                    err.println(PROGRAM + " " + command.name() + ": " + e.getMessage() + " (see " + PROGRAM + " "
                            + command.name() + " --help)");
                    return ERROR;
                }
            }
        }
    }

    private static Command find(String name) {
        for (Command command : COMMANDS) {
            if (command.name().equals(name)) {
                return command;
            }
        }
        return null;
    }

    private static int unknownCommand(String name, PrintStream err) {
        StringBuilder names = new StringBuilder();
        for (Command command : COMMANDS) {
            names.append(names.length() == 0 ? "" : ", ").append(command.name());
        }
        err.println(PROGRAM + ": unknown command \"" + name + "\"; commands: " + names + " (see --help)");
        return ERROR;
    }

    static String usage() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: ").append(INVOCATION).append(" <command> [options] ...\n\n");
        text.append("Proves from PE files and their PDBs that Windows binaries are hotpatch-ready, as the\n");
        text.append("hotpatch-maven-plugin goals do, without Maven.\n\nCommands:\n");
        for (Command command : COMMANDS) {
            text.append("  ")
                    .append(command.name())
                    .append(" ".repeat(Math.max(1, 10 - command.name().length())))
                    .append(command.summary())
                    .append('\n');
        }
        text.append("\nOptions:\n");
        text.append("  --help     this text; <command> --help for the command's options\n");
        text.append("  --version  the plugin version\n\n");
        text.append("Exit codes: 0 ready (or reported without --fail-on-violation), 1 NOT_READY with\n");
        text.append("--fail-on-violation, 2 unreadable input or bad usage.\n");
        return text.toString();
    }

    /** The plugin's version, from the resource the build filters ({@code ${project.version}}). */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.txt")) {
            if (in != null) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!text.isEmpty() && !text.startsWith("$")) {
                    return text;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String manifest = Main.class.getPackage().getImplementationVersion();
        return manifest == null ? "unknown" : manifest;
    }
}
