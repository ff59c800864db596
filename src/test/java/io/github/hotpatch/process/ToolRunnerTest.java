package io.github.hotpatch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.JavaMain;
import io.github.hotpatch.testing.RecordingLog;
import io.github.hotpatch.testing.StandIn;
import io.github.hotpatch.testing.Tool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against real processes: a small Java tool ({@link Tool}) instead of shell one-liners, on every OS. */
class ToolRunnerTest {
    @TempDir
    Path dir;

    private final ToolRunner runner = new ToolRunner();

    @Test
    void streamsEveryLinePrefixedWithTheLabel() throws Exception {
        RecordingLog log = new RecordingLog();
        runner.runChecked(
                ToolRun.of("arm64_schannel", dir, JavaMain.command(Tool.class, "out:one", "err:two", "out:three")),
                log.prefixed("arm64_schannel"));
        assertEquals(
                List.of("INFO [arm64_schannel] one", "INFO [arm64_schannel] two", "INFO [arm64_schannel] three"),
                log.lines);
    }

    @Test
    void failureNamesLabelCommandExitCodeAndLastLines() {
        List<String> command = JavaMain.command(Tool.class, "lines:40", "exit:3");
        ToolException e = assertThrows(
                ToolException.class, () -> runner.runChecked(ToolRun.of("arm64_openssl", dir, command), line -> {}));
        assertEquals(3, e.exitCode());
        assertTrue(
                e.getMessage().startsWith("[arm64_openssl] " + command.get(0) + " failed with exit code 3"),
                e.getMessage());
        assertTrue(e.getMessage().contains(" " + Tool.class.getName() + " lines:40 exit:3"), e.getMessage());
        assertTrue(e.getMessage().contains("line40") && e.getMessage().contains("line16"), e.getMessage());
        assertTrue(!e.getMessage().contains("line15\n"), "only the last " + ToolRunner.TAIL_LINES + " lines");
    }

    @Test
    void missingExecutableIsAClearError() {
        ToolException e = assertThrows(
                ToolException.class,
                () -> runner.runChecked(
                        ToolRun.of("v", dir, List.of("no-such-tool-hotpatch", "--version")), line -> {}));
        assertTrue(e.getMessage().contains("cannot start no-such-tool-hotpatch"), e.getMessage());
    }

    @Test
    void timeoutKillsTheToolAndItsChildren() throws Exception {
        long start = System.nanoTime();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        ToolException e = assertThrows(
                ToolException.class,
                () -> runner.runChecked(
                        ToolRun.of("v", dir, JavaMain.command(Tool.class, "out:started", "spawn:30000", "sleep:30000"))
                                .withTimeout(Duration.ofSeconds(3)),
                        lines::add));
        assertTrue(e.getMessage().contains("timed out after"), e.getMessage());
        assertTrue(e.getMessage().contains("started"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(25).toNanos());
        assertChildGone(lines);
    }

    /** A grandchild that keeps the output pipe open (mspdbsrv, an MSBuild node) cannot hold the goal. */
    @Test
    void outputHeldOpenByAGrandchildIsClosedAfterTheGraceAndSaidSo() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ToolRunner.Result result = new ToolRunner(Duration.ofSeconds(1))
                .run(ToolRun.of("v", dir, JavaMain.command(Tool.class, "spawn:60000", "out:parent done")), lines::add);
        long took = System.nanoTime() - start;
        try {
            assertEquals(0, result.exitCode());
            assertTrue(took < Duration.ofSeconds(30).toNanos(), "returned long before the grandchild's 60 s: " + took);
            assertTrue(lines.contains("parent done"), lines.toString());
            String note = lines.get(lines.size() - 1);
            assertTrue(
                    note.startsWith("hotpatch: " + JavaMain.java()
                            + " exited with code 0, but its output stayed open 1 s" + " later"),
                    note);
            assertTrue(note.contains("the output stream is closed and no longer read"), note);
        } finally {
            childPid(lines).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static java.util.Optional<Long> childPid(List<String> lines) {
        synchronized (lines) {
            return lines.stream()
                    .filter(l -> l.startsWith("child "))
                    .map(l -> Long.parseLong(l.substring(6).trim()))
                    .findFirst();
        }
    }

    private static void assertChildGone(List<String> lines) throws InterruptedException {
        long pid = childPid(lines).orElseThrow(() -> new AssertionError("no child pid in " + lines));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(
                ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the tool's child " + pid + " was killed");
    }

    @Test
    void argumentsReachTheToolLiterallyWithoutAShell() throws Exception {
        List<String> tricky = List.of(
                "a b;c \"q\" $(touch pwned) `x` 'y'", "", "C:\\dir\\", "%PATH%", "a & b", "^", "\\\"", "tab\there");
        StandIn tool = StandIn.create(dir.resolve("bin"), "tool", "", 0);
        List<String> command = new ArrayList<>(List.of(tool.executable().toString()));
        command.addAll(tricky.stream()
                .filter(a -> !WindowsCommandLine.isBatchFile(tool.executable().toString())
                        || WindowsCommandLine.whyNotForBatchFile(a) == null)
                .toList());
        runner.runChecked(ToolRun.of("v", dir, command), line -> {});
        assertEquals(command.subList(1, command.size()), tool.arguments());
        assertTrue(!dir.resolve("pwned").toFile().exists());
    }
}
