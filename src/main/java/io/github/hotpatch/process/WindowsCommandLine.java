package io.github.hotpatch.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Windows command lines, built by the documented rules instead of the JDK's join.
 *
 * <p>On Windows a process gets one command line, not an argument array; the child splits it again, almost always by
 * the Microsoft C runtime rules (the same as {@code CommandLineToArgvW}): whitespace separates arguments, {@code "}
 * toggles quoting, 2n backslashes before a {@code "} become n backslashes and the quote toggles, 2n+1 backslashes
 * before a {@code "} become n backslashes and a literal {@code "}, and backslashes not before a quote are literal.
 * {@link #quote} is the inverse of those rules: every argument is wrapped in quotes, each embedded quote gets a
 * backslash, and the backslashes before an embedded or the closing quote are doubled.
 *
 * <p>How the line reaches the child ({@link #forProcessBuilder}): in its default mode (no security manager and
 * {@code jdk.lang.Process.allowAmbiguousCommands} not {@code false}) the JDK's Windows {@code ProcessImpl} builds the
 * line as the executable (quoted when it holds a space or tab) followed by each argument, and it appends an argument
 * that already begins and ends with {@code "} unchanged (read in {@code java.lang.ProcessImpl} for Windows, both the
 * JDK 9-17 code with {@code isQuoted} and the 2024 rewrite with {@code unQuote}; they differ only in how they quote an
 * unquoted argument: one extra backslash before the closing quote, or all trailing backslashes doubled). (It would otherwise quote an argument holding a space or
 * tab without escaping its quotes, which loses them.) So every argument is handed over already quoted, and the line
 * the child parses is exactly {@link #join}. In the other mode the JDK rewrites quoted arguments (it doubles the
 * backslashes before their last quote again, or refuses them), so the runner refuses to start the tool rather than
 * pass something else.
 *
 * <p>A {@code .cmd}/{@code .bat} runs in cmd.exe, which reads the line before the batch file does: {@code %} (and
 * {@code !} with delayed expansion) expand even inside quotes, a {@code "} flips cmd's own quoting so that the
 * {@code & | < > ^} after it act, and a line break ends the command. Such values are refused with an error naming
 * the argument. Inside the quotes {@link #quote} always adds, {@code & | < > ^ ( )} and spaces are literal to cmd, so
 * a batch file that passes {@code %*} on to a program hands it the same arguments.
 */
public final class WindowsCommandLine {
    private WindowsCommandLine() {}

    /** True for a program that cmd.exe runs: a name ending in {@code .cmd} or {@code .bat}, in any case. */
    public static boolean isBatchFile(String executable) {
        String upper = executable.toUpperCase(Locale.ROOT);
        return upper.endsWith(".CMD") || upper.endsWith(".BAT");
    }

    /** One argument quoted so that the C runtime's parser gives back exactly {@code arg}. */
    public static String quote(String arg) {
        StringBuilder sb = new StringBuilder(arg.length() + 2).append('"');
        int backslashes = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                sb.append("\\".repeat(2 * backslashes + 1)); // 2n+1 backslashes + quote = n backslashes, literal "
            } else {
                sb.append("\\".repeat(backslashes)); // not before a quote: literal
            }
            backslashes = 0;
            sb.append(c);
        }
        sb.append("\\".repeat(2 * backslashes)); // before the closing quote: 2n backslashes = n backslashes
        return sb.append('"').toString();
    }

    /**
     * Why cmd.exe cannot pass {@code arg} to a batch file unchanged, or null when it can. A quote would end the
     * quoting cmd.exe sees; {@code %} and {@code !} are expanded as variables even inside quotes; a line break or NUL
     * ends the command.
     */
    public static String whyNotForBatchFile(String arg) {
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            switch (c) {
                case '"':
                    return "it holds a double quote, which cmd.exe takes as the end of the quoting";
                case '%':
                    return "it holds %, which cmd.exe expands as a variable even inside quotes";
                case '!':
                    return "it holds !, which cmd.exe expands as a variable when delayed expansion is on";
                case '\r':
                case '\n':
                    return "it holds a line break, which ends the command in cmd.exe";
                case '\0':
                    return "it holds a NUL character";
                default:
                    break;
            }
        }
        return null;
    }

    /**
     * The command line the child parses: the executable (in quotes when it holds a space or tab; a Windows path never
     * holds a quote) and each argument {@link #quote quoted}.
     *
     * @throws IllegalArgumentException naming the argument, when the program is a batch file and cmd.exe would change
     *     an argument, or when the executable path holds a quote
     */
    public static String join(List<String> command) {
        StringBuilder sb = new StringBuilder(executable(command.get(0)));
        for (String arg : checkedArguments(command)) {
            sb.append(' ').append(quote(arg));
        }
        return sb.toString();
    }

    /**
     * The list to give {@link ProcessBuilder} on Windows so that the JDK (in its default mode) builds exactly
     * {@link #join}: the executable as it is, then every argument already quoted.
     *
     * @throws IllegalArgumentException as {@link #join}
     */
    public static List<String> forProcessBuilder(List<String> command) {
        executable(command.get(0));
        List<String> out = new ArrayList<>(command.size());
        out.add(command.get(0));
        for (String arg : checkedArguments(command)) {
            out.add(quote(arg));
        }
        return out;
    }

    /**
     * Whether this JVM's ProcessBuilder passes pre-quoted arguments unchanged on Windows (the JDK's default mode), or
     * why not.
     */
    public static String whyJdkWouldRequote(String allowAmbiguousCommands, boolean securityManager) {
        if (securityManager) {
            return "a security manager is installed, so the JDK re-checks and re-quotes each argument";
        }
        if ("false".equalsIgnoreCase(allowAmbiguousCommands)) {
            return "-Djdk.lang.Process.allowAmbiguousCommands=false is set, so the JDK re-quotes each argument";
        }
        return null;
    }

    private static String executable(String exe) {
        if (exe.indexOf('"') >= 0) {
            throw new IllegalArgumentException("the program path " + exe + " holds a double quote");
        }
        boolean space = exe.isEmpty() || exe.indexOf(' ') >= 0 || exe.indexOf('\t') >= 0;
        return space ? '"' + exe + '"' : exe;
    }

    private static List<String> checkedArguments(List<String> command) {
        List<String> args = command.subList(1, command.size());
        if (isBatchFile(command.get(0))) {
            for (int i = 0; i < args.size(); i++) {
                String why = whyNotForBatchFile(args.get(i));
                if (why != null) {
                    throw new IllegalArgumentException("argument " + (i + 1) + " (" + args.get(i) + ") cannot be"
                            + " passed to the batch file " + command.get(0) + ": " + why
                            + ". Use the program's .exe instead of a .cmd/.bat wrapper, or change the value");
                }
            }
        }
        return args;
    }
}
