package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.LinkerKind;
import io.github.hotpatch.testing.FileApiReplies;
import io.github.hotpatch.testing.HangingTool;
import io.github.hotpatch.testing.RecordingLog;
import io.github.hotpatch.testing.StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The requests' toolTimeout reaches the cmake runs of configure and build (stand-ins that hang). */
class ToolTimeoutStandInTest {
    @TempDir
    Path dir;

    /** A cmake that answers --version like 3.25 and hangs on anything else, writing its sleeper's pid. */
    private Path hangingCmake() throws Exception {
        return StandIn.launcher(
                dir.resolve("tools"),
                "cmake",
                HangingTool.class,
                dir.resolve("sleeper.pid").toString(),
                "cmake version 3.25.1");
    }

    private void assertSleeperGone() throws Exception {
        Path pidFile = dir.resolve("sleeper.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        // SIGKILL is sent to it before the runner returns; the kernel and init need a moment to take it away.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(
                ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true),
                "the tool's child " + pid + " was killed too");
    }

    @Test
    void defaultsAreTheToolRunDefault() {
        assertEquals(
                ToolRun.DEFAULT_TIMEOUT,
                new BuildRequest(
                                dir,
                                List.of(),
                                "Release",
                                "",
                                Builder.CMAKE,
                                "cmake",
                                Optional.empty(),
                                Optional.empty())
                        .toolTimeout());
        assertEquals(
                Duration.ofHours(4),
                new ConfigureRequest(
                                dir,
                                dir.resolve("b"),
                                List.of(),
                                Map.of(),
                                "auto",
                                Optional.empty(),
                                Optional.empty(),
                                true,
                                List.of(),
                                "cmake",
                                Optional.empty())
                        .toolTimeout());
        assertThrows(
                IllegalArgumentException.class,
                () -> new BuildRequest(
                        dir,
                        List.of(),
                        "Release",
                        "",
                        Builder.CMAKE,
                        "cmake",
                        Optional.empty(),
                        Optional.empty(),
                        Duration.ZERO));
    }

    @Test
    void buildIsKilledAfterTheTimeout() throws Exception {
        Path v = Files.createDirectories(dir.resolve("build/arm64_x"));
        Files.writeString(v.resolve("CMakeCache.txt"), "");
        FileApiReplies.msquicMultiConfig().target("impl", "SHARED_LIBRARY").writeTo(v);
        BuildRequest request = new BuildRequest(
                dir.resolve("build"),
                List.of(new BuildVariant("arm64_x", Arch.ARM64, Map.of())),
                "Release",
                "impl",
                Builder.CMAKE,
                hangingCmake().toString(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(4));
        long start = System.nanoTime();
        ToolException e = assertThrows(
                ToolException.class,
                () -> new VariantBuilder(
                                new StandInHost(false, dir.resolve("tools"), null),
                                new ToolRunner(),
                                new RecordingLog())
                        .buildAll(request));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(25).toNanos());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "[arm64_x] " + dir.resolve("tools").resolve(StandIn.onWindows() ? "cmake.cmd" : "cmake")
                                        + " timed out after 4 s and was killed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("stand-in: hanging on --build"), e.getMessage());
        assertSleeperGone();
    }

    @Test
    void configureIsKilledAfterTheTimeout() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("CMakeLists.txt"), "project(t NONE)\n");
        Path toolchain = Files.writeString(dir.resolve("tc.cmake"), "set(CMAKE_SYSTEM_NAME Windows)\n");
        StandIn.create(dir.resolve("tools"), "ninja", "", 0);
        ConfigureRequest request = new ConfigureRequest(
                src,
                dir.resolve("build"),
                List.of(new BuildVariant("arm64_x", Arch.ARM64, Map.of())),
                Map.of(),
                "Ninja",
                Optional.of(toolchain),
                Optional.of(LinkerKind.MSVC),
                true,
                List.of(),
                hangingCmake().toString(),
                Optional.empty(),
                Duration.ofSeconds(4));
        ToolException e = assertThrows(
                ToolException.class,
                () -> new VariantConfigurer(
                                new StandInHost(false, dir.resolve("tools"), null),
                                new ToolRunner(),
                                new RecordingLog())
                        .configureAll(request));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "[arm64_x] " + dir.resolve("tools").resolve(StandIn.onWindows() ? "cmake.cmd" : "cmake")
                                        + " timed out after 4 s and was killed"),
                e.getMessage());
        assertTrue(e.getMessage().contains("stand-in: hanging on -S"), e.getMessage());
        assertSleeperGone();
    }
}
