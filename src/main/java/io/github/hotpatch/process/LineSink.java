package io.github.hotpatch.process;

/** Receives a tool's output one whole line at a time (stdout and stderr merged, in arrival order). */
@FunctionalInterface
public interface LineSink {
    void line(String line);
}
