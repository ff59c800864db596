package io.github.hotpatch.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tools with argument arrays, streams every output line to a sink as it arrives, and turns a
 * failure into a {@link ToolException} naming the label, the command, the exit code and the last lines.
 *
 * <p>On Windows the argument array becomes one command line built by {@link WindowsCommandLine} (the JDK's own join
 * loses embedded quotes).
 */
public final class ToolRunner {
    /** How many trailing output lines a failure message repeats. */
    public static final int TAIL_LINES = 25;

    /**
     * How long the output is still read after the tool exited. A process the tool started may keep the pipe open
     * (mspdbsrv, an MSBuild node, a daemonised compiler server); the goal does not wait for it.
     */
    public static final Duration DEFAULT_OUTPUT_GRACE = Duration.ofSeconds(10);

    private final Duration outputGrace;
    private final boolean windows;

    public ToolRunner() {
        this(DEFAULT_OUTPUT_GRACE);
    }

    /** @param outputGrace how long to go on reading output after the tool exited */
    public ToolRunner(Duration outputGrace) {
        this(
                outputGrace,
                System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .startsWith("windows"));
    }

    private ToolRunner(Duration outputGrace, boolean windows) {
        this.outputGrace = outputGrace;
        this.windows = windows;
    }

    /**
     * A runner that builds Windows command lines whatever the OS, for tests of the refusals that happen before any
     * process starts. (On a non-Windows OS a process it does start would see the quotes.)
     */
    static ToolRunner withWindowsCommandLines() {
        return new ToolRunner(DEFAULT_OUTPUT_GRACE, true);
    }

    /** Exit code and the last output lines of a finished run. */
    public record Result(int exitCode, List<String> tail) {}

    /** Runs {@code run}; returns normally only on exit code 0. */
    public void runChecked(ToolRun run, LineSink sink) throws ToolException {
        Result result = run(run, sink);
        if (result.exitCode() != 0) {
            throw new ToolException(
                    "[" + run.label() + "] " + run.command().get(0) + " failed with exit code " + result.exitCode()
                            + "\n  command: " + run.displayCommand() + tailText(result.tail()),
                    result.exitCode());
        }
    }

    /** Runs {@code run} to its end (or its time limit) and returns the exit code and output tail. */
    public Result run(ToolRun run, LineSink sink) throws ToolException {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(processArguments(run.command()))
                    .directory(run.workingDirectory().toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(run.environment());
            process = builder.start();
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a value the Windows command line cannot carry (WindowsCommandLine), or one the
            // JDK refuses (a NUL character); a message naming the argument, never a stack trace.
            throw new ToolException("[" + run.label() + "] cannot start "
                    + run.command().get(0) + ": " + e.getMessage() + "\n  command: " + run.displayCommand());
        }
        try {
            process.getOutputStream().close(); // tools must never wait for input from a build
        } catch (IOException ignored) {
            // nothing was written; a close failure changes nothing
        }
        Deque<String> tail = new ArrayDeque<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread pump = new Thread(() -> pump(process, sink, tail, abandoned), "hotpatch-output-" + run.label());
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(run.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                pump.join(2000);
                throw new ToolException("[" + run.label() + "] " + run.command().get(0) + " timed out after "
                        + run.timeout().toSeconds() + " s and was killed\n  command: " + run.displayCommand()
                        + tailText(snapshot(tail)));
            }
            pump.join(outputGrace.toMillis());
            if (pump.isAlive()) {
                abandoned.set(true);
                sink.line("hotpatch: " + run.command().get(0) + " exited with code " + process.exitValue()
                        + ", but its output stayed open " + outputGrace.toSeconds() + " s later (a process it started,"
                        + " such as mspdbsrv or an MSBuild node, holds it); the output stream is closed and"
                        + " no longer read");
                closeInBackground(process, run.label());
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new ToolException("[" + run.label() + "] interrupted; "
                    + run.command().get(0) + " was killed\n  command: " + run.displayCommand());
        }
        return new Result(process.exitValue(), snapshot(tail));
    }

    /** Kills the tool and everything it started (compilers under ninja), then waits briefly for it to go. */
    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        // The tool first, so it cannot react to its children dying (a shell's `wait` returning and the script going
        // on); the children it had are still in the list taken before.
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            // The goal fails right after this: the compilers ninja started must be gone by then, not later.
            for (ProcessHandle child : children) {
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a child that outlives SIGKILL for 5 s is beyond our reach; the failure is reported either way
        }
    }

    /** The arguments for ProcessBuilder: the array itself, or on Windows the pre-quoted form. */
    private List<String> processArguments(List<String> command) {
        if (!windows) {
            return command;
        }
        @SuppressWarnings("removal")
        boolean securityManager = System.getSecurityManager() != null;
        String why = WindowsCommandLine.whyJdkWouldRequote(
                System.getProperty("jdk.lang.Process.allowAmbiguousCommands"), securityManager);
        if (why != null) {
            throw new IllegalArgumentException(
                    "the plugin builds the Windows command line itself, but " + why + "; run Maven without it");
        }
        return WindowsCommandLine.forProcessBuilder(command);
    }

    /**
     * Closes the tool's output on a thread of its own: a close may block while the pump thread is inside a read on
     * some platforms, and the goal must not wait for that either.
     */
    private static void closeInBackground(Process process, String label) {
        Thread closer = new Thread(
                () -> {
                    try {
                        process.getInputStream().close();
                    } catch (IOException ignored) {
                        // nothing more can be done about a pipe that will not close
                    }
                },
                "hotpatch-close-output-" + label);
        closer.setDaemon(true);
        closer.start();
    }

    private static void pump(Process process, LineSink sink, Deque<String> tail, AtomicBoolean abandoned) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                if (abandoned.get()) {
                    return; // the run is over; lines after that belong to nobody
                }
                sink.line(line);
            }
        } catch (IOException e) {
            // the stream closes when the process is killed; the caller reports the cause
        }
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }

    private static String tailText(List<String> tail) {
        if (tail.isEmpty()) {
            return "\n  (no output)";
        }
        StringBuilder sb = new StringBuilder("\n  last " + tail.size() + " lines of output:");
        for (String line : tail) {
            sb.append("\n    ").append(line);
        }
        return sb.toString();
    }
}
