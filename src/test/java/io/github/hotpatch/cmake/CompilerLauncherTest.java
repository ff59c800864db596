package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.process.ExecutableFinder;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the compiler launcher, the cache entries it adds, and reading ccache's own statistics. */
class CompilerLauncherTest {
    @TempDir
    Path dir;

    private Path executable(String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private ExecutableFinder finder() {
        return new ExecutableFinder(List.of(dir), false);
    }

    @Test
    void autoPrefersSccacheThenCcacheAndNoneIsNone() throws Exception {
        assertEquals(Optional.empty(), CompilerLauncher.resolve("auto", finder(), false), "nothing on PATH");
        Path ccache = executable("ccache");
        assertEquals(
                ccache,
                CompilerLauncher.resolve("auto", finder(), false).orElseThrow().executable());
        Path sccache = executable("sccache");
        CompilerLauncher auto = CompilerLauncher.resolve("auto", finder(), true).orElseThrow();
        assertEquals(sccache, auto.executable());
        assertEquals("sccache", auto.kind());
        assertEquals(List.of(sccache.toString()), auto.command(), "sccache finds the compiler type itself");
        assertEquals(Optional.empty(), CompilerLauncher.resolve("none", finder(), false));
        assertEquals(Optional.empty(), CompilerLauncher.resolve(" ", finder(), false));
    }

    @Test
    void ccacheIsToldItRunsClangClWhenTheCompilerNameHidesIt() throws Exception {
        Path ccache = executable("ccache");
        Path env = executable("env");
        CompilerLauncher launcher =
                CompilerLauncher.resolve(ccache.toString(), finder(), true).orElseThrow();
        assertEquals(List.of(env.toString(), "CCACHE_COMPILERTYPE=clang-cl", ccache.toString()), launcher.command());
        assertEquals(env + ";CCACHE_COMPILERTYPE=clang-cl;" + ccache, launcher.cmakeList());
        assertEquals(
                List.of(ccache.toString()),
                CompilerLauncher.resolve("ccache", finder(), false)
                        .orElseThrow()
                        .command());
    }

    @Test
    void aNamedLauncherThatDoesNotExistIsAnError() {
        ToolException path = assertThrows(
                ToolException.class,
                () -> CompilerLauncher.resolve(dir.resolve("no/ccache").toString(), finder(), false));
        assertTrue(path.getMessage().contains(dir.resolve("no/ccache").toString()), path.getMessage());
        ToolException name =
                assertThrows(ToolException.class, () -> CompilerLauncher.resolve("buildcache", finder(), false));
        assertTrue(
                name.getMessage().contains("'buildcache' not found on PATH")
                        && name.getMessage().contains(dir.toString()),
                name.getMessage());
    }

    @Test
    void launcherEntriesAskForEmbeddedDebugInfoAndTheUsersOwnEntryWins() throws Exception {
        CompilerLauncher launcher = new CompilerLauncher(Path.of("/usr/bin/ccache"), List.of("/usr/bin/ccache"));
        Map<String, String> entries = VariantConfigurer.launcherEntries(Optional.of(launcher), Map.of());
        assertEquals(
                Map.of(
                        "CMAKE_C_COMPILER_LAUNCHER:STRING", "/usr/bin/ccache",
                        "CMAKE_CXX_COMPILER_LAUNCHER:STRING", "/usr/bin/ccache",
                        "CMAKE_MSVC_DEBUG_INFORMATION_FORMAT:STRING", "Embedded",
                        "CMAKE_POLICY_DEFAULT_CMP0141:STRING", "NEW"),
                entries);
        Map<String, String> user = Map.of("CMAKE_MSVC_DEBUG_INFORMATION_FORMAT", "ProgramDatabase");
        Map<String, String> withUser = VariantConfigurer.launcherEntries(Optional.of(launcher), user);
        assertEquals(3, withUser.size());
        assertTrue(!withUser.containsKey("CMAKE_MSVC_DEBUG_INFORMATION_FORMAT:STRING"), withUser.toString());
        assertEquals(Map.of(), VariantConfigurer.launcherEntries(Optional.empty(), Map.of()));
    }

    @Test
    void theLauncherIsPartOfTheConfigureStamp() throws Exception {
        Path include = Files.writeString(dir.resolve("inc.cmake"), "# include\n");
        List<String> plain = List.of("cmake", "-S", "s", "-B", "b");
        List<String> cached = new ArrayList<>(plain);
        cached.add("-DCMAKE_C_COMPILER_LAUNCHER:STRING=/usr/bin/ccache");
        List<String> other = new ArrayList<>(plain);
        other.add("-DCMAKE_C_COMPILER_LAUNCHER:STRING=/usr/bin/sccache");
        String a = ConfigureStamp.of(plain, List.of(include));
        String b = ConfigureStamp.of(cached, List.of(include));
        String c = ConfigureStamp.of(other, List.of(include));
        assertTrue(!a.equals(b) && !b.equals(c) && !a.equals(c));
    }

    @Test
    void ccacheOfReadsTheLauncherFromTheCache() throws IOException {
        Files.writeString(
                dir.resolve("CMakeCache.txt"),
                "CMAKE_BUILD_TYPE:STRING=\nCMAKE_C_COMPILER_LAUNCHER:STRING=/usr/bin/env;CCACHE_COMPILERTYPE=clang-cl;"
                        + "/usr/bin/ccache\n");
        assertEquals(Optional.of(Path.of("/usr/bin/ccache")), CompilerCacheStats.launcherOf(dir));
        Files.writeString(dir.resolve("CMakeCache.txt"), "CMAKE_C_COMPILER_LAUNCHER:STRING=/opt/sccache\n");
        assertEquals(Optional.of(Path.of("/opt/sccache")), CompilerCacheStats.launcherOf(dir));
        Files.writeString(dir.resolve("CMakeCache.txt"), "CMAKE_C_COMPILER_LAUNCHER:STRING=/opt/distcc\n");
        assertEquals(Optional.empty(), CompilerCacheStats.launcherOf(dir), "no statistics to read from others");
    }

    /**
     * Real ccache, real clang-cl-22: through the launcher command the plugin builds ({@code env
     * CCACHE_COMPILERTYPE=clang-cl ccache}), a /Z7 compile is a miss then a hit, a /Zi compile is refused; the
     * statistics say so.
     */
    @Test
    void realCcacheCountsHitsMissesAndRefusedZiCompiles() throws Exception {
        Path cacheDir = dir.resolve("ccache");
        Path ccache = NativeFixtures.onPath("ccache");
        List<String> launcher = CompilerLauncher.resolve("ccache", ExecutableFinder.fromEnvironment(), true)
                .orElseThrow()
                .command();
        assertEquals(3, launcher.size(), launcher.toString());
        Files.writeString(dir.resolve("a.c"), "int twice(int x) { return 2 * x; }\n");
        ToolRunner runner = new ToolRunner();
        Map<String, String> env = Map.of("CCACHE_DIR", cacheDir.toString());
        Map<String, Long> before = stats(runner, ccache, env);
        for (String debug : List.of("/Z7", "/Z7", "/Zi")) {
            List<String> compile = new ArrayList<>(launcher);
            compile.addAll(List.of(
                    NativeFixtures.onPath("clang-cl-22").toString(),
                    "--target=aarch64-pc-windows-msvc",
                    "/nologo",
                    debug,
                    "/c",
                    "a.c",
                    "/Foa.obj"));
            runner.runChecked(ToolRun.of("cc", dir, compile).withEnvironment(env), line -> {});
        }
        Map<String, Long> after = stats(runner, ccache, env);
        assertEquals(
                "1 hits, 1 misses (50 % hits), 1 not cacheable (unsupported_compiler_option 1)",
                CompilerCacheStats.describe(before, after));
    }

    private Map<String, Long> stats(ToolRunner runner, Path ccache, Map<String, String> env) throws ToolException {
        List<String> lines = new ArrayList<>();
        runner.runChecked(
                ToolRun.of("ccache", dir, List.of(ccache.toString(), "--print-stats"))
                        .withEnvironment(env),
                lines::add);
        return new LinkedHashMap<>(CompilerCacheStats.normalizeCcache(CompilerCacheStats.parse(lines)));
    }

    /**
     * Real sccache (its own server, on a port of this test's, in this test's directory): the same compile of an
     * absolute source path, as CMake's Ninja rules give it, is a miss then a hit.
     */
    @Test
    void realSccacheCountsAMissThenAHit() throws Exception {
        Path sccache = NativeFixtures.onPath("sccache");
        Files.createDirectories(dir.resolve("src"));
        Path source = Files.writeString(dir.resolve("src/a.c"), "int thrice(int x) { return 3 * x; }\n");
        ToolRunner runner = new ToolRunner();
        Map<String, String> env = Map.of(
                "SCCACHE_DIR", dir.resolve("sccache").toString(),
                "SCCACHE_SERVER_PORT",
                        String.valueOf(20000 + (int) (ProcessHandle.current().pid() % 20000)),
                "SCCACHE_IDLE_TIMEOUT", "60");
        try {
            Map<String, Long> before = sccacheStats(runner, sccache, env);
            for (String out : List.of("a.obj", "b.obj")) {
                runner.runChecked(
                        ToolRun.of(
                                        "cc",
                                        dir,
                                        List.of(
                                                sccache.toString(),
                                                NativeFixtures.onPath("clang-cl-22")
                                                        .toString(),
                                                "--target=aarch64-pc-windows-msvc",
                                                "/nologo",
                                                "-Z7",
                                                "/Fo" + out,
                                                "-c",
                                                "--",
                                                source.toString()))
                                .withEnvironment(env),
                        line -> {});
            }
            Map<String, Long> after = sccacheStats(runner, sccache, env);
            assertEquals("1 hits, 1 misses (50 % hits), 0 not cacheable", CompilerCacheStats.describe(before, after));
        } finally {
            runner.run(
                    ToolRun.of("sccache", dir, List.of(sccache.toString(), "--stop-server"))
                            .withEnvironment(env),
                    line -> {});
        }
    }

    private Map<String, Long> sccacheStats(ToolRunner runner, Path sccache, Map<String, String> env)
            throws ToolException {
        List<String> lines = new ArrayList<>();
        runner.runChecked(
                ToolRun.of("sccache", dir, List.of(sccache.toString(), "--show-stats"))
                        .withEnvironment(env),
                lines::add);
        return CompilerCacheStats.parseSccache(lines);
    }
}
