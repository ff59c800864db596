package io.github.hotpatch.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs tools with argument arrays, streams every output line to a sink as it arrives, and turns a
 * failure into a {@link ToolException} naming the label, the command, the exit code and the last lines.
 */
public final class ToolRunner {
    /** How many trailing output lines a failure message repeats. */
    public static final int TAIL_LINES = 25;

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
        ProcessBuilder builder = new ProcessBuilder(run.command())
                .directory(run.workingDirectory().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(run.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ToolException("[" + run.label() + "] cannot start "
                    + run.command().get(0) + ": " + e.getMessage() + "\n  command: " + run.displayCommand());
        }
        try {
            process.getOutputStream().close(); // tools must never wait for input from a build
        } catch (IOException ignored) {
            // nothing was written; a close failure changes nothing
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread pump = new Thread(() -> pump(process, sink, tail), "hotpatch-output-" + run.label());
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
            pump.join();
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

    private static void pump(Process process, LineSink sink, Deque<String> tail) {
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
