package io.github.hotpatch.process;

/** Where the plugin's own messages go; the Maven side adapts its Log to this, tests record it. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    /** A sink that prefixes every tool output line with {@code [label]} and logs it at info level. */
    default LineSink prefixed(String label) {
        return line -> info("[" + label + "] " + line);
    }
}
