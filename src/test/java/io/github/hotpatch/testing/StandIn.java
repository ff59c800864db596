package io.github.hotpatch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A recorded-argument stand-in for a tool this machine does not have (vswhere, MSBuild, cmake on Windows):
 * an executable script that appends each argument it receives, one per line, to {@code <name>.args} beside
 * it, prints a canned output and exits with a chosen code. Tests that use it cover only the process
 * boundary (which arguments we pass, how we read the answer), never the real Windows tool.
 */
public final class StandIn {
    private final Path executable;
    private final Path record;

    private StandIn(Path executable, Path record) {
        this.executable = executable;
        this.record = record;
    }

    public static StandIn create(Path dir, String name, String output, int exitCode) throws IOException {
        Files.createDirectories(dir);
        Path exe = dir.resolve(name);
        Path record = dir.resolve(name + ".args");
        Path out = dir.resolve(name + ".out");
        Files.writeString(out, output, StandardCharsets.UTF_8);
        String script = "#!/bin/sh\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + record + "'; done\n"
                + "printf -- '--\\n' >> '" + record + "'\n"
                + "cat '" + out + "'\n"
                + "exit " + exitCode + "\n";
        Files.writeString(exe, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new StandIn(exe, record);
    }

    public Path executable() {
        return executable;
    }

    /** The arguments of the first invocation. */
    public List<String> arguments() throws IOException {
        return invocations().get(0);
    }

    /** Every invocation's arguments, in order. */
    public List<List<String>> invocations() throws IOException {
        if (!Files.exists(record)) {
            return List.of();
        }
        List<List<String>> result = new java.util.ArrayList<>();
        List<String> current = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
            if (line.equals("--")) {
                result.add(List.copyOf(current));
                current.clear();
            } else {
                current.add(line);
            }
        }
        return result;
    }
}
