package io.github.hotpatch.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One invocation of an external tool: the argument array (never a shell string), where it runs,
 * extra environment, a time limit and a label naming what it is for (e.g. the variant).
 */
public record ToolRun(
        String label, List<String> command, Path workingDirectory, Map<String, String> environment, Duration timeout) {

    /** The time limit of a run nobody set one for. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(4);

    public ToolRun {
        Objects.requireNonNull(label, "label");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
    }

    public static ToolRun of(String label, Path workingDirectory, List<String> command) {
        return new ToolRun(label, command, workingDirectory, Map.of(), DEFAULT_TIMEOUT);
    }

    public ToolRun withTimeout(Duration newTimeout) {
        return new ToolRun(label, command, workingDirectory, environment, newTimeout);
    }

    public ToolRun withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(extra);
        return new ToolRun(label, command, workingDirectory, merged, timeout);
    }

    /** The command line as a person would type it, for logs and error messages only. */
    public String displayCommand() {
        return ToolException.describe(new ArrayList<>(command));
    }
}
