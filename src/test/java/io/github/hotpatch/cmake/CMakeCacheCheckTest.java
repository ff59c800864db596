package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.hotpatch.process.ExecutableFinder;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CMakeCacheCheckTest {
    @TempDir
    Path dir;

    private Path source() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("CMakeLists.txt"), "cmake_minimum_required(VERSION 3.20)\nproject(t NONE)\n");
        return src;
    }

    private Path variantWithCache(byte[] cache) throws Exception {
        Path variant = Files.createDirectories(dir.resolve("build").resolve("arm64_x"));
        Files.write(variant.resolve("CMakeCache.txt"), cache);
        return variant;
    }

    private Path variantWithCache(String cache) throws Exception {
        return variantWithCache(cache.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noCacheYetIsFine() throws Exception {
        assertEquals(Optional.empty(), CMakeCacheCheck.problem(dir.resolve("build/arm64_x"), source()));
        assertEquals(
                Optional.empty(),
                CMakeCacheCheck.problem(Files.createDirectories(dir.resolve("build/arm64_y")), source()));
    }

    @Test
    void aCacheAsCmakeWritesItIsFine() throws Exception {
        Path src = source();
        Path variant = variantWithCache("""
                # This is the CMakeCache file.
                # For build in directory: /b/arm64_x

                //Semicolon separated list of supported configuration types
                CMAKE_CONFIGURATION_TYPES:STRING=Debug;Release;RelWithDebInfo
                //A value with everything in it
                WEIRD:UNINITIALIZED=a "quoted" value; with $(touch pwned) and spaces
                "QUOTED:NAME":STRING=x=y
                UNTYPED=1
                   INDENTED:BOOL=ON\r
                EMPTY:STRING=
                CMAKE_HOME_DIRECTORY:INTERNAL=%s
                """.formatted(src));
        assertEquals(Optional.empty(), CMakeCacheCheck.problem(variant, src));
        CMakeCacheCheck.check("arm64_x", variant, src);
    }

    @Test
    void garbageIsNotACmakeCacheNamingTheLineAndTheFix() throws Exception {
        Path variant = variantWithCache("# header\nGOOD:STRING=1\nthis is not a cache entry\nMORE:STRING=2\n");
        String problem = CMakeCacheCheck.problem(variant, source()).orElseThrow();
        assertEquals(
                "CMakeCache.txt in " + variant + " is not a CMake cache (line 3: \"this is not a cache entry\"):"
                        + " delete " + variant + " (hotpatch:configure creates it again) and run again",
                problem);
        ToolException e = assertThrows(ToolException.class, () -> CMakeCacheCheck.check("arm64_x", variant, source()));
        assertEquals("[arm64_x] " + problem, e.getMessage());
        assertEquals(Optional.of(problem), CMakeCacheCheck.problem(variant), "the build goal's form finds it too");
    }

    @Test
    void aCacheCutOffMidWriteIsCaughtOnItsLastLine() throws Exception {
        Path variant = variantWithCache("CMAKE_BUILD_TYPE:STRING=Release\nCMAKE_HOME_DIR");
        assertTrue(CMakeCacheCheck.problem(variant, source()).orElseThrow().contains("(line 2: \"CMAKE_HOME_DIR\")"));
    }

    @Test
    void binaryBytesAreShownEscapedAndLongLinesCut() throws Exception {
        byte[] junk = new byte[200];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i % 7 == 0 ? 0xC3 : 'a' + i % 26);
        }
        junk[5] = 0x01;
        String problem =
                CMakeCacheCheck.problem(variantWithCache(junk), source()).orElseThrow();
        assertTrue(problem.contains("(line 1: \"\\xC3bcde\\x01g"), problem);
        assertTrue(problem.contains("...\"):"), problem);
        assertTrue(problem.length() < 400, problem);
    }

    @Test
    void anEqualsSignAfterANulByteDoesNotCountAsCmakeStopsReadingTheLineThere() throws Exception {
        Path variant = variantWithCache("GOOD:STRING=1\nBROKEN\0=value\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(
                CMakeCacheCheck.problem(variant, source()).orElseThrow().contains("(line 2: \"BROKEN\\x00=value\")"));
    }

    @Test
    void aCacheMadeForAnotherSourceDirectoryIsNamed() throws Exception {
        Path variant = variantWithCache("CMAKE_HOME_DIRECTORY:INTERNAL=/somewhere/else\n");
        String problem = CMakeCacheCheck.problem(variant, source()).orElseThrow();
        assertEquals(
                "CMakeCache.txt in " + variant + " was made for source directory /somewhere/else, not " + source()
                        + ": delete " + variant
                        + " (hotpatch:configure creates it again) and run again, or choose another"
                        + " buildDirectory",
                problem);
        // The same directory through a symbolic link is the same source.
        assertEquals(Optional.empty(), CMakeCacheCheck.problem(variant), "without a source directory: not compared");
        CMakeCacheCheck.check("arm64_x", variant);
        Path link = Files.createSymbolicLink(dir.resolve("src-link"), source());
        Path v2 = variantWithCache("CMAKE_HOME_DIRECTORY:INTERNAL=" + link + "\n");
        assertEquals(Optional.empty(), CMakeCacheCheck.problem(v2, source()));
    }

    @Test
    void aDirectoryNamedCMakeCacheTxtIsNotACache() throws Exception {
        Path variant = Files.createDirectories(dir.resolve("build/arm64_x"));
        Files.createDirectories(variant.resolve("CMakeCache.txt"));
        assertEquals(
                "CMakeCache.txt in " + variant + " is not a regular file: delete " + variant
                        + " (hotpatch:configure creates it again) and run again",
                CMakeCacheCheck.problem(variant, source()).orElseThrow());
    }

    @Test
    void theCheckNeverChangesTheCache() throws Exception {
        byte[] garbage = "garbage\n".getBytes(StandardCharsets.UTF_8);
        Path variant = variantWithCache(garbage);
        CMakeCacheCheck.problem(variant, source());
        assertTrue(java.util.Arrays.equals(garbage, Files.readAllBytes(variant.resolve("CMakeCache.txt"))));
    }

    /** Against the real cmake 3.25: what it writes passes, and the first line it cannot parse is the line we name. */
    @Test
    void agreesWithRealCmake() throws Exception {
        Optional<Path> cmake = ExecutableFinder.fromEnvironment().find("cmake");
        assumeTrue(
                cmake.isPresent()
                        && ExecutableFinder.fromEnvironment().find("ninja").isPresent(),
                "needs cmake and ninja");
        Path src = source();
        Path variant = dir.resolve("build/real");
        List<String> out = new ArrayList<>();
        ToolRunner runner = new ToolRunner();
        runner.runChecked(
                ToolRun.of(
                        "real",
                        dir,
                        List.of(
                                cmake.get().toString(),
                                "-S",
                                src.toString(),
                                "-B",
                                variant.toString(),
                                "-G",
                                "Ninja",
                                "-DWEIRD=a \"quoted\" value; with $(touch pwned)")),
                out::add);
        assertEquals(Optional.empty(), CMakeCacheCheck.problem(variant, src), "a cache cmake wrote itself");

        for (String garbage : List.of(
                "garbage line\nFOO:STRING=1\n", "# ok\n\nA:STRING=1\n  \t broken\n", "A=1\nB\n", "CMAKE_HOME_DIR")) {
            Files.writeString(variant.resolve("CMakeCache.txt"), garbage);
            out.clear();
            ToolRunner.Result result = runner.run(
                    ToolRun.of(
                            "real",
                            dir,
                            List.of(
                                    cmake.get().toString(),
                                    "-S",
                                    src.toString(),
                                    "-B",
                                    variant.toString(),
                                    "-G",
                                    "Ninja")),
                    out::add);
            assertTrue(result.exitCode() != 0, garbage);
            Matcher m = Pattern.compile("Parse error in cache file .* on line (\\d+)\\.")
                    .matcher(String.join("\n", out));
            assertTrue(m.find(), out.toString());
            // cmake rewrote the cache on its failed run: check what we would have said about the garbage.
            Files.writeString(variant.resolve("CMakeCache.txt"), garbage);
            String problem = CMakeCacheCheck.problem(variant, src).orElseThrow();
            assertTrue(problem.contains("(line " + m.group(1) + ": "), problem + " vs cmake: " + out);
        }
        assertFalse(Files.exists(dir.resolve("pwned")));
    }
}
