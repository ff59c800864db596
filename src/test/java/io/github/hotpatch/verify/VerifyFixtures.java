package io.github.hotpatch.verify;

import io.github.hotpatch.fileapi.FileApiQuery;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test inputs for the verify package: private copies of the shared native fixtures (a test that deletes or adds a
 * file works on its copy, never on target/native-fixtures), and small CMake projects configured for real with
 * CMake, Ninja Multi-Config and the clang-cl-22 / lld-link-22 ARM64 cross toolchain, so the File API replies and
 * binaries under test are the ones the tools wrote.
 */
final class VerifyFixtures {

    static final Path CMAKE_ROOT = Paths.get("target", "verify-cmake").toAbsolutePath();

    /** Exported code with absolute pointers in data, so the DLL has base relocations (as msquic.dll does). */
    private static final String SOURCE = """
            static int counter;
            int *volatile pointers[] = { &counter, &counter, 0 };
            __declspec(dllexport) int MsQuicOpenVersion(int version) { counter += version; return *pointers[version & 1]; }
            """;

    /** msquic's own Release flags (FACTS §1) with the lld ARM64 profile appended, as hotpatch:configure does. */
    static final String HOTPATCH_RELEASE_FLAGS =
            "/INCREMENTAL:NO /DEBUG /OPT:REF /OPT:ICF /hotpatchcompatible /profile /functionpadmin:8 /map";
    /** The profile, then a bare /INCREMENTAL that turns incremental linking back on. */
    static final String LEAKY_RELEASE_FLAGS =
            "/INCREMENTAL:NO /hotpatchcompatible /profile /functionpadmin:8 /map /INCREMENTAL";
    /**
     * CMake's Debug default (/debug /INCREMENTAL) plus hotpatch flags that belong to Release only, one of them in the
     * '-' spelling both linkers accept.
     */
    static final String LEAKY_DEBUG_FLAGS = "/debug /INCREMENTAL /hotpatchcompatible -PROFILE";

    private static final Map<String, Path> CONFIGURED = new HashMap<>();
    private static Path toolchain;

    private VerifyFixtures() {}

    /** Copies the fixture's DLL and PDB (and its map when {@code withMap}) into {@code dir}; returns the DLL copy. */
    static Path copy(NativeFixtures.Built fixture, Path dir, boolean withMap) throws IOException {
        Files.createDirectories(dir);
        Files.copy(fixture.pdb(), dir.resolve(fixture.pdb().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        if (withMap) {
            Files.copy(fixture.map(), dir.resolve(fixture.map().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.copy(fixture.dll(), dir.resolve(fixture.dll().getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A build directory of a one-DLL project (target {@code msquic}) configured with Ninja Multi-Config and the given
     * linker flags, its File API reply in place; each configuration in {@code build} is built. Configured once per
     * JVM and key (the directory is wiped first, so no stale CMakeCache.txt survives from an earlier run).
     *
     * @param debugFlags CMAKE_SHARED_LINKER_FLAGS_DEBUG, or {@code null} for CMake's default
     */
    static synchronized Path cmakeBuild(String key, String releaseFlags, String debugFlags, String... build)
            throws IOException {
        return cmakeBuild(key, CMAKE_ROOT.resolve("src"), List.of(), releaseFlags, debugFlags, build);
    }

    /**
     * As msquic's src/bin/CMakeLists.txt does on Windows: the msquic target's LINK_FLAGS get {@code /DEF:...} and,
     * with {@code QUIC_CI} (what build.ps1 -CI passes), {@code /PROFILE}, in every configuration. Configured with
     * -DQUIC_CI=ON and {@link #HOTPATCH_RELEASE_FLAGS}; Release and Debug built.
     */
    static synchronized Path msquicCiProject() throws IOException {
        Path src = CMAKE_ROOT.resolve("src-quic-ci");
        Files.createDirectories(src);
        Files.writeString(src.resolve("CMakeLists.txt"), """
                cmake_minimum_required(VERSION 3.20)
                project(verify_fixture C)
                add_library(msquic SHARED msquic.c)
                set(MSQUIC_LINK_FLAGS "/DEF:${CMAKE_CURRENT_SOURCE_DIR}/msquic.def") # msquic quotes the path; no spaces here
                if(QUIC_CI)
                    string(APPEND MSQUIC_LINK_FLAGS " /PROFILE")
                endif()
                SET_TARGET_PROPERTIES(msquic PROPERTIES LINK_FLAGS "${MSQUIC_LINK_FLAGS}")
                # a flag of the profile from the target's own link options, in Debug only
                target_link_options(msquic PRIVATE $<$<CONFIG:Debug>:/functionpadmin:8>)
                """);
        Files.writeString(src.resolve("msquic.c"), SOURCE);
        Files.writeString(src.resolve("msquic.def"), "EXPORTS\n    MsQuicOpenVersion\n");
        return cmakeBuild("quic-ci", src, List.of("-DQUIC_CI=ON"), HOTPATCH_RELEASE_FLAGS, null, "Release", "Debug");
    }

    private static Path cmakeBuild(
            String key, Path src, List<String> extra, String releaseFlags, String debugFlags, String... build)
            throws IOException {
        Path existing = CONFIGURED.get(key);
        if (existing != null) {
            return existing;
        }
        if (toolchain == null) {
            Path defaultSrc = CMAKE_ROOT.resolve("src");
            // each key's build directory is wiped before its configure (below), so no stale cache survives
            Files.createDirectories(defaultSrc);
            Files.writeString(defaultSrc.resolve("CMakeLists.txt"), """
                    cmake_minimum_required(VERSION 3.20)
                    project(verify_fixture C)
                    add_library(msquic SHARED msquic.c)
                    """);
            Files.writeString(defaultSrc.resolve("msquic.c"), SOURCE);
            Path file = NativeFixtures.writeSdkLessArm64Toolchain(CMAKE_ROOT.resolve("clang-cl-22-arm64.cmake"));
            toolchain = file;
        }
        Path dir = CMAKE_ROOT.resolve(key);
        NativeFixtures.deleteRecursively(dir);
        FileApiQuery.write(dir);
        List<String> configure = new ArrayList<>(List.of(
                NativeFixtures.onPath("cmake").toString(),
                "-S",
                src.toString(),
                "-B",
                dir.toString(),
                "-G",
                "Ninja Multi-Config",
                "-DCMAKE_TOOLCHAIN_FILE=" + toolchain,
                "-DCMAKE_MAKE_PROGRAM=" + NativeFixtures.onPath("ninja"),
                "-DCMAKE_SHARED_LINKER_FLAGS_RELEASE=" + releaseFlags));
        if (debugFlags != null) {
            configure.add("-DCMAKE_SHARED_LINKER_FLAGS_DEBUG=" + debugFlags);
        }
        configure.addAll(extra);
        NativeFixtures.run(CMAKE_ROOT, configure.toArray(String[]::new));
        for (String config : build) {
            NativeFixtures.run(
                    CMAKE_ROOT,
                    NativeFixtures.onPath("cmake").toString(),
                    "--build",
                    dir.toString(),
                    "--config",
                    config);
        }
        CONFIGURED.put(key, dir);
        return dir;
    }

    /** Configured with {@link #HOTPATCH_RELEASE_FLAGS}, Release and Debug built. */
    static Path hotpatchProject() throws IOException {
        return cmakeBuild("hotpatch", HOTPATCH_RELEASE_FLAGS, null, "Release", "Debug");
    }

    /** Configured (not built) with {@link #LEAKY_RELEASE_FLAGS} and {@link #LEAKY_DEBUG_FLAGS}. */
    static Path leakyProject() throws IOException {
        return cmakeBuild("leaky", LEAKY_RELEASE_FLAGS, LEAKY_DEBUG_FLAGS);
    }

    /** The one result with {@code ruleId}; fails when there is none or more than one. */
    static RuleResult result(List<RuleResult> results, String ruleId) {
        List<RuleResult> matching =
                results.stream().filter(r -> r.id().equals(ruleId)).toList();
        if (matching.size() != 1) {
            throw new AssertionError(
                    "expected exactly one " + ruleId + " result, found " + matching.size() + " in " + results);
        }
        return matching.get(0);
    }

    static RuleResult result(SubjectReport report, String ruleId) {
        return result(report.results(), ruleId);
    }
}
