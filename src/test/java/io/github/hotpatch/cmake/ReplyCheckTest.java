package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.fileapi.FileApiQuery;
import io.github.hotpatch.fileapi.FileApiReply;
import io.github.hotpatch.fileapi.FileApiReplyReader;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * buildConfig and target against replies CMake really wrote: one project (a DLL {@code msquic}, a static library
 * {@code core}) configured once with single-config Ninja (CMAKE_BUILD_TYPE=Release) and once with Ninja
 * Multi-Config, cross-compiling with clang-cl-22.
 */
class ReplyCheckTest {
    @TempDir
    static Path root;

    static FileApiReply ninja;
    static FileApiReply multi;

    @BeforeAll
    static void configureBoth() throws IOException {
        Path src = Files.createDirectories(root.resolve("src"));
        Files.writeString(src.resolve("CMakeLists.txt"), """
                cmake_minimum_required(VERSION 3.20)
                project(replycheck C)
                add_library(core STATIC core.c)
                add_library(msquic SHARED msquic.c)
                target_link_libraries(msquic PRIVATE core)
                """);
        Files.writeString(src.resolve("core.c"), "int Core(int v) { return v; }\n");
        Files.writeString(
                src.resolve("msquic.c"), "int Core(int v);\n__declspec(dllexport) int M(void) { return Core(1); }\n");
        Path toolchain = NativeFixtures.writeSdkLessArm64Toolchain(root.resolve("toolchain.cmake"));
        ninja = configure(src, toolchain, "ninja", "Ninja", "-DCMAKE_BUILD_TYPE=Release");
        multi = configure(src, toolchain, "multi", "Ninja Multi-Config");
    }

    private static FileApiReply configure(Path src, Path toolchain, String name, String generator, String... extra)
            throws IOException {
        Path build = root.resolve(name);
        FileApiQuery.write(build);
        List<String> command = new java.util.ArrayList<>(List.of(
                NativeFixtures.onPath("cmake").toString(),
                "-S",
                src.toString(),
                "-B",
                build.toString(),
                "-G",
                generator,
                "-DCMAKE_TOOLCHAIN_FILE=" + toolchain,
                "-DCMAKE_MAKE_PROGRAM=" + NativeFixtures.onPath("ninja")));
        command.addAll(List.of(extra));
        NativeFixtures.run(root, command.toArray(String[]::new));
        return FileApiReplyReader.read(build);
    }

    @Test
    void lowerCaseReleaseIsRefusedWithTheRightSpelling() {
        assertEquals(
                List.of("buildConfig 'release' is not a configuration CMake generated (configurations: Debug, Release,"
                        + " RelWithDebInfo); did you mean 'Release'? Configuration names are case-sensitive"),
                ReplyCheck.problems(multi, Optional.of("release"), "msquic"));
        assertEquals(List.of(), ReplyCheck.problems(multi, Optional.of("Release"), "msquic"));
        assertEquals(List.of(), ReplyCheck.problems(multi, Optional.of("Debug"), "msquic"));
    }

    @Test
    void debugInASingleConfigReleaseTreeIsRefused() {
        assertEquals(
                List.of("buildConfig 'Debug' cannot be built here: the generator 'Ninja' is single-config and this"
                        + " build directory was configured for Release only (CMAKE_BUILD_TYPE). Use"
                        + " -Dhotpatch.buildConfig=Release, or configure with a multi-config generator (Ninja"
                        + " Multi-Config, Visual Studio) to build other configurations"),
                ReplyCheck.problems(ninja, Optional.of("Debug"), "msquic"));
        assertEquals(List.of(), ReplyCheck.problems(ninja, Optional.of("Release"), "msquic"));
    }

    @Test
    void unknownAndStaticTargetsNameTheSharedLibraries() {
        assertEquals(
                List.of("target 'msquicc' is not a target of this CMake project (shared-library targets: msquic); did"
                        + " you mean 'msquic'? Set <target> or -Dhotpatch.target to the target that makes the DLL"),
                ReplyCheck.problems(multi, Optional.empty(), "msquicc"));
        assertEquals(
                List.of("target 'core' is a STATIC_LIBRARY, not a shared library (DLL): the hotpatch flags are link"
                        + " flags of a DLL (shared-library targets: msquic). Set <target> or -Dhotpatch.target to the"
                        + " target that makes the DLL"),
                ReplyCheck.problems(ninja, Optional.of("Release"), "core"));
    }

    @Test
    void requireAllNamesEachVariantOnceAndAMissingReply(@TempDir Path buildRoot) throws Exception {
        Files.createDirectories(FileApiReply.replyDir(buildRoot.resolve("a")).getParent());
        Path replyDir = FileApiReply.replyDir(multi.buildDir());
        Path copy = FileApiReply.replyDir(buildRoot.resolve("a"));
        try (var files = Files.walk(replyDir)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(replyDir.relativize(file).toString()));
            }
        }
        List<BuildVariant> variants = List.of(
                new BuildVariant("a", io.github.hotpatch.profile.Arch.ARM64, java.util.Map.of()),
                new BuildVariant("b", io.github.hotpatch.profile.Arch.ARM64, java.util.Map.of()));
        ToolException e = assertThrows(
                ToolException.class,
                () -> ReplyCheck.requireAll(buildRoot, variants, Optional.of("Release"), "core", "hotpatch:build"));
        assertTrue(
                e.getMessage()
                        .startsWith("hotpatch:build: 2 configuration problems:\n  [a] target 'core' is a"
                                + " STATIC_LIBRARY"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\n  [b] " + buildRoot.resolve("b")), e.getMessage());
        assertTrue(e.getMessage().endsWith("(run hotpatch:configure first)"), e.getMessage());
        // verify leaves an unreadable reply to its own, more specific message
        ToolException onlyA = assertThrows(
                ToolException.class,
                () -> ReplyCheck.requireReadable(buildRoot, variants, Optional.empty(), "core", "hotpatch:verify"));
        assertTrue(onlyA.getMessage().startsWith("hotpatch:verify: [a] target 'core'"), onlyA.getMessage());
    }

    @Test
    void closestIsCaseInsensitiveFirstThenTwoEditsAtMost() {
        assertEquals(Optional.of("Release"), ReplyCheck.closest("RELEASE", List.of("Debug", "Release")));
        assertEquals(Optional.of("Release"), ReplyCheck.closest("Relase", List.of("Debug", "Release")));
        assertEquals(Optional.empty(), ReplyCheck.closest("Debug", List.of("Release")));
        assertEquals(3, ReplyCheck.distance("kitten", "sitting"));
    }
}
