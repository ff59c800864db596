package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generated include file in real CMake (script mode) the way CMake runs it after project():
 * the flag merging is CMake code, so it is tested in CMake.
 */
class ProjectIncludeFileTest {
    @TempDir
    Path dir;

    private static final String MSQUIC_RELEASE_APPEND =
            "set(CMAKE_SHARED_LINKER_FLAGS_RELEASE \"${CMAKE_SHARED_LINKER_FLAGS_RELEASE} /LTCG /IGNORE:4075 /DEBUG /OPT:REF /OPT:ICF\")\n";

    /** Sets the cache defaults, includes the file {@code includes} times, runs {@code after}, prints the result. */
    private List<String> run(String includeText, int includes, String after) throws Exception {
        Path include = ProjectIncludeFile.write(dir, includeText);
        StringBuilder driver = new StringBuilder();
        driver.append("set(CMAKE_SHARED_LINKER_FLAGS_RELEASE \"/INCREMENTAL:NO\")\n");
        driver.append("set(CMAKE_SHARED_LINKER_FLAGS_DEBUG \"/debug /INCREMENTAL\")\n");
        for (int i = 0; i < includes; i++) {
            driver.append("include(").append(CMakeScript.path(include)).append(")\n");
        }
        driver.append(after);
        driver.append("message(\"RELEASE=${CMAKE_SHARED_LINKER_FLAGS_RELEASE}\")\n");
        driver.append("message(\"DEBUG=${CMAKE_SHARED_LINKER_FLAGS_DEBUG}\")\n");
        Path script = dir.resolve("driver.cmake");
        Files.writeString(script, driver);
        List<String> out = new ArrayList<>();
        new ToolRunner().runChecked(ToolRun.of("test", dir, List.of("cmake", "-P", script.toString())), out::add);
        return out;
    }

    private static String value(List<String> out, String key) {
        return out.stream()
                .filter(l -> l.startsWith(key + "="))
                .findFirst()
                .orElseThrow()
                .substring(key.length() + 1);
    }

    @Test
    void appendsTheProfileToReleaseOnlyAndKeepsTheProjectsOwnFlags() throws Exception {
        String text = ProjectIncludeFile.render(
                "arm64_schannel", Optional.of(HotpatchProfile.of(Arch.ARM64, LinkerKind.MSVC)), Optional.empty());
        List<String> out = run(text, 1, MSQUIC_RELEASE_APPEND);
        // /incremental:no is already there as CMake's /INCREMENTAL:NO: the linker reads switches case-insensitively.
        assertEquals(
                "/INCREMENTAL:NO /hotpatchcompatible /profile /pdbinject:mapfile /LTCG /IGNORE:4075 /DEBUG /OPT:REF /OPT:ICF",
                value(out, "RELEASE"));
        assertEquals("/debug /INCREMENTAL", value(out, "DEBUG"));
    }

    @Test
    void nestedProjectCallsDoNotDuplicateAFlag() throws Exception {
        String text = ProjectIncludeFile.render(
                "v", Optional.of(HotpatchProfile.of(Arch.X64, LinkerKind.MSVC)), Optional.empty());
        List<String> out = run(text, 3, "");
        assertEquals("/INCREMENTAL:NO /hotpatchcompatible /profile /FUNCTIONPADMIN:6", value(out, "RELEASE"));
        assertEquals(
                1,
                out.stream()
                        .filter(l -> l.contains("hotpatch: CMAKE_SHARED_LINKER_FLAGS_RELEASE +="))
                        .count(),
                "announced once per configure: " + out);
    }

    @Test
    void hotpatchOffAddsNothing() throws Exception {
        String text = ProjectIncludeFile.render("v", Optional.empty(), Optional.empty());
        List<String> out = run(text, 1, MSQUIC_RELEASE_APPEND);
        assertEquals("/INCREMENTAL:NO /LTCG /IGNORE:4075 /DEBUG /OPT:REF /OPT:ICF", value(out, "RELEASE"));
    }

    @Test
    void flagsWithCMakeSpecialCharactersArriveLiterally() throws Exception {
        HotpatchProfile p = HotpatchProfile.of(Arch.ARM64, LinkerKind.LLD)
                .withFlags(List.of("/map:C:\\out\\$x.map", "/opt:${NOPE}"));
        List<String> out = run(ProjectIncludeFile.render("v", Optional.of(p), Optional.empty()), 1, "");
        assertEquals("/INCREMENTAL:NO /map:C:\\out\\$x.map /opt:${NOPE}", value(out, "RELEASE"));
    }

    @Test
    void chainsTheUsersOwnProjectInclude() throws Exception {
        Path user = dir.resolve("user include.cmake");
        Files.writeString(user, "set(USER_INCLUDE_RAN yes)\n");
        String text = ProjectIncludeFile.render("v", Optional.empty(), Optional.of(user.toString()));
        List<String> out = run(text, 1, "message(\"USER=${USER_INCLUDE_RAN}\")\n");
        assertEquals("yes", value(out, "USER"));
    }

    @Test
    void rewritingTheSameTextKeepsTheFileTimestamp() throws Exception {
        String text = ProjectIncludeFile.render("v", Optional.empty(), Optional.empty());
        Path file = ProjectIncludeFile.write(dir, text);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        ProjectIncludeFile.write(dir, text);
        assertEquals(1_000_000, Files.getLastModifiedTime(file).toMillis());
        assertTrue(Files.readString(file).contains("hotpatch is off"));
    }
}
