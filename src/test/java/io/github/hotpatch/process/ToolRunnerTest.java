package io.github.hotpatch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.RecordingLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRunnerTest {
    @TempDir
    Path dir;

    private final ToolRunner runner = new ToolRunner();

    @Test
    void streamsEveryLinePrefixedWithTheLabel() throws Exception {
        RecordingLog log = new RecordingLog();
        runner.runChecked(
                ToolRun.of("arm64_schannel", dir, List.of("sh", "-c", "echo one; echo two >&2; echo three")),
                log.prefixed("arm64_schannel"));
        assertEquals(
                List.of("INFO [arm64_schannel] one", "INFO [arm64_schannel] two", "INFO [arm64_schannel] three"),
                log.lines);
    }

    @Test
    void failureNamesLabelCommandExitCodeAndLastLines() {
        ToolException e = assertThrows(
                ToolException.class,
                () -> runner.runChecked(
                        ToolRun.of(
                                "arm64_openssl",
                                dir,
                                List.of("sh", "-c", "for i in $(seq 1 40); do echo line$i; done; exit 3")),
                        line -> {}));
        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().startsWith("[arm64_openssl] sh failed with exit code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("command: sh -c \"for i in"), e.getMessage());
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
    void timeoutKillsTheToolAndItsChildren() {
        long start = System.nanoTime();
        ToolException e = assertThrows(
                ToolException.class,
                () -> runner.runChecked(
                        ToolRun.of("v", dir, List.of("sh", "-c", "echo started; sleep 30 & sleep 30"))
                                .withTimeout(Duration.ofMillis(500)),
                        line -> {}));
        assertTrue(e.getMessage().contains("timed out after"), e.getMessage());
        assertTrue(e.getMessage().contains("started"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
    }

    @Test
    void argumentsReachTheToolLiterallyWithoutAShell() throws Exception {
        StringBuilder out = new StringBuilder();
        String tricky = "a b;c \"q\" $(touch pwned) `x` 'y'";
        runner.runChecked(ToolRun.of("v", dir, List.of("printf", "%s", tricky)), out::append);
        assertEquals(tricky, out.toString());
        assertTrue(!dir.resolve("pwned").toFile().exists());
    }
}
