package io.github.hotpatch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recorded-argument stand-in for a tool this machine does not have (vswhere, MSBuild, cmake on Windows): it
 * appends each argument it receives to {@code <name>.args} beside it, prints a canned output and exits with a chosen
 * code. Tests that use it cover only the process boundary (which arguments we pass, how we read the answer), never
 * the real Windows tool.
 *
 * <p>The work is done by a Java main of the test classes ({@link StandInMain} or another), so that it runs on every
 * OS. The executable is a launcher for it: a {@code sh} script elsewhere, a {@code .cmd} file on Windows (which
 * cmd.exe runs, forwarding the arguments with {@code %*}).
 */
public final class StandIn {
    private final Path executable;
    private final Path record;

    private StandIn(Path executable, Path record) {
        this.executable = executable;
        this.record = record;
    }

    /** True when this JVM runs on Windows (read, never set: tests do not pretend to be Windows). */
    public static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** A stand-in that records its arguments, prints {@code output} and exits with {@code exitCode}. */
    public static StandIn create(Path dir, String name, String output, int exitCode) throws IOException {
        Files.createDirectories(dir);
        Path base = dir.resolve(name);
        Files.writeString(dir.resolve(name + ".out"), output, StandardCharsets.UTF_8);
        Path exe = launcher(dir, name, StandInMain.class, base.toString(), Integer.toString(exitCode));
        return new StandIn(exe, dir.resolve(name + ".args"));
    }

    /**
     * An executable {@code name} in {@code dir} that runs {@code main} with {@code fixedArgs} followed by the
     * arguments it was given.
     */
    public static Path launcher(Path dir, String name, Class<?> main, String... fixedArgs) throws IOException {
        Files.createDirectories(dir);
        List<String> prefix = new ArrayList<>(JavaMain.command(main, fixedArgs));
        if (onWindows()) {
            StringBuilder cmd = new StringBuilder("@");
            for (String part : prefix) {
                cmd.append('"').append(part).append("\" ");
            }
            cmd.append("%*\r\n@exit /b %ERRORLEVEL%\r\n");
            Path exe = dir.resolve(name + ".cmd");
            Files.writeString(exe, cmd.toString(), StandardCharsets.UTF_8);
            return exe;
        }
        StringBuilder sh = new StringBuilder("#!/bin/sh\nexec");
        for (String part : prefix) {
            sh.append(" '").append(part.replace("'", "'\\''")).append('\'');
        }
        sh.append(" \"$@\"\n");
        Path exe = dir.resolve(name);
        Files.writeString(exe, sh.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    /** Makes the executable a different file (another size and time) that still does the same. */
    public void changeExecutable() throws IOException {
        String comment = onWindows() ? "@rem changed\r\n" : "# changed\n";
        Files.writeString(executable, Files.readString(executable, StandardCharsets.UTF_8) + comment);
    }

    public Path executable() {
        return executable;
    }

    /** The file whose content the stand-in prints. */
    public Path outputFile() {
        return record.resolveSibling(record.getFileName().toString().replaceFirst("\\.args$", ".out"));
    }

    /** The arguments of the first invocation. */
    public List<String> arguments() throws IOException {
        return invocations().get(0);
    }

    /** Every invocation's arguments, in order. */
    public List<List<String>> invocations() throws IOException {
        return StandInMain.read(record);
    }
}
