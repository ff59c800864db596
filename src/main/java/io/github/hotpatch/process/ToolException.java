package io.github.hotpatch.process;

import java.util.List;

/** A tool could not be started, failed, or ran out of time; the message is meant for the build log. */
public class ToolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public ToolException(String message) {
        this(message, -1);
    }

    public ToolException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The tool's exit code, or -1 when it did not run to an exit. */
    public int exitCode() {
        return exitCode;
    }

    static String describe(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (String arg : command) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            // Quote only for display: the process itself always gets the argument array.
            boolean plain = !arg.isEmpty()
                    && arg.chars().noneMatch(ch -> Character.isWhitespace(ch) || ch == '"' || ch == '\'');
            sb.append(plain ? arg : '"' + arg.replace("\"", "\\\"") + '"');
        }
        return sb.toString();
    }
}
