package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.profile.LinkerKind;
import io.github.hotpatch.testing.HangingTool;
import io.github.hotpatch.testing.StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorResolverTest {
    /** What Debian 12's cmake prints for --version. */
    static final String CMAKE_3_25 =
            "cmake version 3.25.1\n\nCMake suite maintained and supported by Kitware (kitware.com/cmake).\n";

    @TempDir
    Path dir;

    private ConfigureRequest request(String generator, Optional<Path> toolchain, boolean hotpatch) {
        return new ConfigureRequest(
                dir.resolve("src"),
                dir.resolve("build"),
                BuildVariant.msquicDefaults(),
                Map.of(),
                generator,
                toolchain,
                Optional.empty(),
                hotpatch,
                List.of(),
                "cmake",
                Optional.empty());
    }

    private static GeneratorResolver resolver(Path bin) {
        return new GeneratorResolver(new StandInHost(false, bin, null), new ToolRunner());
    }

    private Path path(String... tools) throws Exception {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        for (String tool : tools) {
            StandIn.create(bin, tool, tool.equals("cmake") ? CMAKE_3_25 : "", 0);
        }
        return bin;
    }

    @Test
    void linuxAutoIsNinjaMultiConfigWithTheNewestCompleteLlvm() throws Exception {
        Path bin = path(
                "cmake",
                "ninja",
                "clang-cl-19",
                "lld-link-19",
                "llvm-lib-19",
                "clang-cl-22",
                "lld-link-22",
                "llvm-lib-22",
                "llvm-rc-22");
        GeneratorSetup s = resolver(bin).resolve(request("auto", Optional.empty(), true));
        assertEquals("Ninja Multi-Config", s.generator());
        assertTrue(s.multiConfig());
        assertEquals(LinkerKind.LLD, s.linker());
        assertEquals(22, s.llvmToolchain().orElseThrow().version());
        assertTrue(s.llvmToolchain().get().llvmMt().isEmpty());
    }

    @Test
    void everythingMissingIsOneErrorSayingWhatToInstall() throws Exception {
        Path bin = path();
        ToolException e =
                assertThrows(ToolException.class, () -> resolver(bin).resolve(request("auto", Optional.empty(), true)));
        assertTrue(e.getMessage().contains("not found on PATH: cmake, ninja, clang-cl-NN"), e.getMessage());
        assertTrue(
                e.getMessage().contains("apt-get install cmake ninja-build clang-22 lld-22 llvm-22"), e.getMessage());
    }

    @Test
    void lldOlderThan22IsRefusedNamingTheVersionNeeded() throws Exception {
        Path bin = path("cmake", "ninja", "clang-cl-19", "lld-link-19", "llvm-lib-19");
        ToolException e =
                assertThrows(ToolException.class, () -> resolver(bin).resolve(request("auto", Optional.empty(), true)));
        assertTrue(e.getMessage().contains("lld-link-19 is the newest"), e.getMessage());
        assertTrue(e.getMessage().contains("needs lld-link 22 or newer"), e.getMessage());
        // Without hotpatch flags an older lld is fine.
        assertEquals(
                19,
                resolver(bin)
                        .resolve(request("auto", Optional.empty(), false))
                        .llvmToolchain()
                        .orElseThrow()
                        .version());
    }

    @Test
    void userToolchainFileDecidesTheLinker() throws Exception {
        Path bin = path("cmake", "ninja");
        Path lld = dir.resolve("lld.cmake");
        Files.writeString(lld, "set(CMAKE_LINKER /usr/bin/lld-link-22)\n");
        Path msvc = dir.resolve("msvc.cmake");
        Files.writeString(msvc, "set(CMAKE_C_COMPILER cl.exe)\n");
        GeneratorResolver resolver = resolver(bin);
        assertEquals(
                LinkerKind.LLD,
                resolver.resolve(request("Ninja", Optional.of(lld), true)).linker());
        GeneratorSetup s = resolver.resolve(request("Ninja", Optional.of(msvc), true));
        assertEquals(LinkerKind.MSVC, s.linker());
        assertTrue(!s.multiConfig() && s.llvmToolchain().isEmpty());
    }

    private static final String VS_2022_AND_18 = """
            [{"installationPath": "C:\\\\VS\\\\2022", "installationVersion": "17.14.36310.24"},
             {"installationPath": "C:\\\\VS\\\\18", "installationVersion": "18.0.11111.16"}]
            """;

    private GeneratorSetup windowsAuto(String cmakeVersion, String vswhereJson, boolean prerelease, StandIn[] vswhere)
            throws Exception {
        StandIn cmake = cmakeSaying("cmake version " + cmakeVersion + "\n", 0);
        vswhere[0] = StandIn.create(dir.resolve("vs-" + cmakeVersion), "vswhere", vswhereJson, 0);
        return new GeneratorResolver(
                        new StandInHost(true, path(), vswhere[0].executable(), prerelease, "amd64"), new ToolRunner())
                .resolve(requestWith(cmake));
    }

    @Test
    void windowsAutoChoosesTheNewestVisualStudioTheFoundCmakeSupports_standIn() throws Exception {
        StandIn[] vswhere = new StandIn[1];
        GeneratorSetup s = windowsAuto("4.2.0", VS_2022_AND_18, false, vswhere);
        assertEquals("Visual Studio 18 2026", s.generator());
        assertEquals(Path.of("C:\\VS\\18"), s.vsInstance().orElseThrow().installationPath());
        assertEquals(LinkerKind.MSVC, s.linker());
        assertTrue(s.visualStudio() && s.multiConfig());
        assertEquals(
                List.of(
                        "-products",
                        "*",
                        "-requires",
                        "Microsoft.VisualStudio.Component.VC.Tools.ARM64",
                        "-format",
                        "json",
                        "-utf8",
                        "-nologo"),
                vswhere[0].arguments(),
                "no -prerelease unless hotpatch.vsPrerelease");

        // CMake 3.31 (windows-2022's) has no "Visual Studio 18 2026": the 2022 installation is chosen.
        s = windowsAuto("3.31.6", VS_2022_AND_18, false, vswhere);
        assertEquals("Visual Studio 17 2022", s.generator());
        assertEquals(Path.of("C:\\VS\\2022"), s.vsInstance().orElseThrow().installationPath());

        s = windowsAuto("3.30.1", VS_2022_AND_18, true, vswhere);
        assertTrue(vswhere[0].arguments().contains("-prerelease"), "asked for previews");
    }

    @Test
    void windowsAutoWithOnlyAVisualStudioTheCmakeIsTooOldForNamesBothVersions_standIn() throws Exception {
        StandIn[] vswhere = new StandIn[1];
        ToolException e = assertThrows(ToolException.class, () -> windowsAuto("3.31.6", """
                        [{"installationPath": "C:\\\\VS\\\\18", "installationVersion": "18.0.11111.16"}]
                        """, false, vswhere));
        assertTrue(e.getMessage().startsWith("cmake 3.31.6 at "), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("Visual Studio 18.0.11111.16 at C:\\VS\\18 (generator \"Visual Studio 18 2026\" needs"
                                + " CMake 4.2 or newer)"),
                e.getMessage());
    }

    @Test
    void anExplicitVisualStudioGeneratorTheCmakeLacksIsRefused() throws Exception {
        StandIn cmake = cmakeSaying("cmake version 3.31.6\n", 0);
        ConfigureRequest r = new ConfigureRequest(
                dir.resolve("src"),
                dir.resolve("build"),
                BuildVariant.msquicDefaults(),
                Map.of(),
                "Visual Studio 18 2026",
                Optional.empty(),
                Optional.empty(),
                true,
                List.of(),
                cmake.executable().toString(),
                Optional.empty());
        ToolException e =
                assertThrows(ToolException.class, () -> resolver(path()).resolve(r));
        assertTrue(
                e.getMessage()
                        .startsWith("generator \"Visual Studio 18 2026\" needs CMake 4.2 or newer, but cmake at "
                                + cmake.executable() + " is 3.31.6"),
                e.getMessage());
    }

    @Test
    void theSetupCarriesTheCmakeAndNinjaThatWereFound() throws Exception {
        Path bin = path("cmake", "ninja", "clang-cl-22", "lld-link-22", "llvm-lib-22");
        GeneratorSetup s = resolver(bin).resolve(request("auto", Optional.empty(), true));
        assertEquals(host(bin).finder().find("cmake").orElseThrow(), s.cmake());
        assertEquals(
                host(bin).finder().find("ninja").orElseThrow(), s.makeProgram().orElseThrow());
        assertTrue(s.cmake().isAbsolute() && s.vsInstance().isEmpty());
    }

    private static StandInHost host(Path bin) {
        return new StandInHost(false, bin, null);
    }

    /** A cmake stand-in answering --version with {@code versionOutput}; any other call is recorded and fails. */
    private StandIn cmakeSaying(String versionOutput, int exitCode) throws Exception {
        return StandIn.create(
                dir.resolve("cmake-" + Math.abs(versionOutput.hashCode())), "cmake", versionOutput, exitCode);
    }

    private ConfigureRequest requestWith(StandIn cmake) {
        return new ConfigureRequest(
                dir.resolve("src"),
                dir.resolve("build"),
                BuildVariant.msquicDefaults(),
                Map.of(),
                "auto",
                Optional.empty(),
                Optional.empty(),
                true,
                List.of(),
                cmake.executable().toString(),
                Optional.empty());
    }

    @Test
    void cmakeOlderThan320IsRefusedNamingItsVersionAndPath() throws Exception {
        Path bin = path("ninja", "clang-cl-22", "lld-link-22", "llvm-lib-22");
        StandIn old = cmakeSaying("cmake version 3.10.2\n\nCMake suite maintained and supported by Kitware.\n", 0);
        ToolException e = assertThrows(ToolException.class, () -> resolver(bin).resolve(requestWith(old)));
        assertTrue(
                e.getMessage()
                        .startsWith("cmake 3.10.2 at " + old.executable() + " is too old: hotpatch-maven-plugin"
                                + " needs CMake 3.20 or newer (msquic requires it)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dhotpatch.cmakeExecutable"), e.getMessage());
        assertEquals(List.of(List.of("--version")), old.invocations(), "only asked for its version");
    }

    @Test
    void cmake320AndNewerFormsAreAccepted() throws Exception {
        Path bin = path("ninja", "clang-cl-22", "lld-link-22", "llvm-lib-22");
        for (String out : List.of(
                "cmake version 3.20.0\n",
                "cmake3 version 3.20.6\n",
                "cmake version 4.1.2\n",
                "cmake version 3.31.0-rc2\n",
                "warning: something first\ncmake version 3.28.20240101-g1234abc\n")) {
            StandIn cmake = cmakeSaying(out, 0);
            assertEquals(
                    "Ninja Multi-Config",
                    resolver(bin).resolve(requestWith(cmake)).generator(),
                    out);
        }
    }

    @Test
    void cmakeWhoseVersionCannotBeToldIsRefusedQuotingItsOutput() throws Exception {
        Path bin = path("ninja", "clang-cl-22", "lld-link-22", "llvm-lib-22");
        StandIn odd = cmakeSaying("usage: not really cmake\n", 0);
        ToolException e = assertThrows(ToolException.class, () -> resolver(bin).resolve(requestWith(odd)));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "cannot tell which CMake " + odd.executable() + " is: `" + odd.executable()
                                        + " --version` printed no \"cmake version X.Y.Z\" line; its output began:\n    usage: not really cmake"),
                e.getMessage());

        StandIn failing = cmakeSaying("error while loading shared libraries: libjsoncpp.so.25\n", 127);
        e = assertThrows(ToolException.class, () -> resolver(bin).resolve(requestWith(failing)));
        assertTrue(e.getMessage().contains("--version` failed with exit code 127"), e.getMessage());
        assertTrue(e.getMessage().contains("libjsoncpp.so.25"), e.getMessage());
    }

    @Test
    void hangingCmakeVersionIsKilledWithinTheRequestsTimeout() throws Exception {
        Path bin = path("ninja", "clang-cl-22", "lld-link-22", "llvm-lib-22");
        Path hanging = StandIn.launcher(
                dir.resolve("hang"),
                "cmake",
                HangingTool.class,
                dir.resolve("hang.pid").toString(),
                "-");
        ConfigureRequest request = new ConfigureRequest(
                dir.resolve("src"),
                dir.resolve("build"),
                BuildVariant.msquicDefaults(),
                Map.of(),
                "auto",
                Optional.empty(),
                Optional.empty(),
                true,
                List.of(),
                hanging.toString(),
                Optional.empty(),
                java.time.Duration.ofSeconds(1));
        long start = System.nanoTime();
        ToolException e = assertThrows(ToolException.class, () -> resolver(bin).resolve(request));
        assertTrue(e.getMessage().contains("timed out after 1 s and was killed"), e.getMessage());
        assertTrue(System.nanoTime() - start < java.time.Duration.ofSeconds(15).toNanos());
    }

    @Test
    void missingToolsAreListedBeforeAnyCmakeRuns() throws Exception {
        Path bin = path();
        StandIn old = cmakeSaying("cmake version 3.10.2\n", 0);
        ToolException e = assertThrows(ToolException.class, () -> resolver(bin).resolve(requestWith(old)));
        assertTrue(e.getMessage().contains("not found on PATH: ninja, clang-cl-NN"), e.getMessage());
        assertEquals(List.of(), old.invocations());
    }

    @Test
    void aCheckedCmakeIsNotProbedAgainUntilTheExecutableChanges() throws Exception {
        Path bin = path("ninja", "clang-cl-22", "lld-link-22", "llvm-lib-22");
        StandIn cmake = cmakeSaying("cmake version 3.25.1\n", 0);
        CMakeVersionCache cache = new CMakeVersionCache(Optional.of(dir.resolve("state/cmake-version.properties")));
        GeneratorResolver resolver = new GeneratorResolver(new StandInHost(false, bin, null), new ToolRunner(), cache);
        resolver.resolve(requestWith(cmake));
        resolver.resolve(requestWith(cmake));
        new GeneratorResolver(new StandInHost(false, bin, null), new ToolRunner(), cache).resolve(requestWith(cmake));
        assertEquals(List.of(List.of("--version")), cmake.invocations(), "probed once, then remembered");
        assertEquals("3.25.1", cache.lookup(cmake.executable()).orElseThrow().text());

        // Replaced by an older cmake (a different file at the same path): probed again and refused.
        Path out = cmake.outputFile();
        Files.writeString(out, Files.readString(out).replace("3.25.1", "3.10.2"));
        cmake.changeExecutable();
        ToolException e = assertThrows(ToolException.class, () -> resolver.resolve(requestWith(cmake)));
        assertTrue(e.getMessage().startsWith("cmake 3.10.2 at "), e.getMessage());
        assertEquals(2, cmake.invocations().size());
    }

    @Test
    void anUnreadableVersionCacheOnlyMeansProbingAgain() throws Exception {
        Path bin = path("ninja", "clang-cl-22", "lld-link-22", "llvm-lib-22");
        StandIn cmake = cmakeSaying("cmake version 3.25.1\n", 0);
        Path file = dir.resolve("cmake-version.properties");
        Files.write(file, new byte[] {(byte) 0xff, '\\', 'u', 'z', '\n', '=', 0});
        CMakeVersionCache cache = new CMakeVersionCache(Optional.of(file));
        assertTrue(cache.lookup(cmake.executable()).isEmpty());
        new GeneratorResolver(new StandInHost(false, bin, null), new ToolRunner(), cache).resolve(requestWith(cmake));
        assertEquals(1, cmake.invocations().size());
        assertEquals("3.25.1", cache.lookup(cmake.executable()).orElseThrow().text(), "rewritten after the probe");

        // A cache file that cannot be written (its directory is a regular file) does not fail the check either.
        Path blocked = dir.resolve("not-a-dir");
        Files.writeString(blocked, "x");
        CMakeVersionCache unwritable = new CMakeVersionCache(Optional.of(blocked.resolve("cmake-version.properties")));
        new GeneratorResolver(new StandInHost(false, bin, null), new ToolRunner(), unwritable)
                .resolve(requestWith(cmake));
        assertEquals(2, cmake.invocations().size());
    }

    private ConfigureRequest request(String cmake, Optional<Path> toolchain, String linker) {
        return new ConfigureRequest(
                dir.resolve("src"),
                dir.resolve("build"),
                BuildVariant.msquicDefaults(),
                Map.of(),
                "auto",
                toolchain,
                LinkerKind.parseChoice(linker),
                true,
                List.of(),
                cmake,
                Optional.empty());
    }

    @Test
    void aCmakePathThatDoesNotExistIsNamedAsAPathWithoutInstallAdvice() throws Exception {
        Path bin = path("cmake", "ninja", "clang-cl-22", "lld-link-22", "llvm-lib-22");
        ToolException e = assertThrows(
                ToolException.class, () -> resolver(bin).resolve(request("/opt/nope/cmake", Optional.empty(), "auto")));
        assertEquals(
                "hotpatch:configure cannot run: cmakeExecutable /opt/nope/cmake does not exist (it is a path, so PATH"
                        + " is not searched); point -Dhotpatch.cmakeExecutable at an existing cmake, or give just"
                        + " \"cmake\" to use the one on PATH",
                e.getMessage());

        Path notExecutable = Files.writeString(dir.resolve("cmake-copy"), "#!/bin/sh\n");
        e = assertThrows(
                ToolException.class,
                () -> resolver(bin).resolve(request(notExecutable.toString(), Optional.empty(), "auto")));
        assertTrue(
                e.getMessage()
                        .endsWith(notExecutable + " exists but is not executable (chmod +x, or point at"
                                + " another cmake)"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("apt-get"), e.getMessage());
    }

    @Test
    void aMissingToolchainFileIsNamedOnceSayingItDoesNotExist() throws Exception {
        Path bin = path("cmake", "ninja");
        Path missing = dir.resolve("nope/toolchain.cmake");
        ToolException e = assertThrows(
                ToolException.class, () -> resolver(bin).resolve(request("cmake", Optional.of(missing), "auto")));
        assertEquals(
                "toolchainFile " + missing + " does not exist: fix the path, or leave toolchainFile out to let the"
                        + " plugin write one",
                e.getMessage());
        // also when linker is explicit, so the file is never read for its linker
        e = assertThrows(
                ToolException.class, () -> resolver(bin).resolve(request("cmake", Optional.of(missing), "lld")));
        assertTrue(e.getMessage().startsWith("toolchainFile " + missing + " does not exist"), e.getMessage());
    }

    @Test
    void anUnknownLinkerIsRefusedEvenWithoutAToolchainFile() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> request("cmake", Optional.empty(), "gold"));
        assertEquals("unknown linker 'gold': expected auto, msvc or lld", e.getMessage());
    }
}
