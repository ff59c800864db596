package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.profile.VariantState;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A real hotpatch:configure through the mojo: cmake 3.25, Ninja Multi-Config and the LLVM cross toolchain
 * the plugin generates (clang-cl-22 + lld-link-22), on a tiny DLL project written under target/.
 * Needs those tools on PATH (Debian: cmake ninja-build clang-22 lld-22 llvm-22).
 */
@MojoTest
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class ConfigureMojoEndToEndTest {

    /** Where the pom's {@code ${project.basedir}/target/mojo-configure-e2e} points. */
    private static final Path ROOT =
            Path.of(MojoExtension.getBasedir(), "target", "mojo-configure-e2e").toAbsolutePath();

    /** A DLL that links without a Windows SDK: no C runtime, no entry point, no stack cookies. */
    private static void writeTinyProject(Path source) throws IOException {
        Files.createDirectories(source);
        Files.writeString(source.resolve("CMakeLists.txt"), """
                cmake_minimum_required(VERSION 3.20)
                project(tiny C)
                set(CMAKE_C_STANDARD_LIBRARIES "")
                add_compile_options(/GS-)
                add_library(impl SHARED impl.c)
                target_link_options(impl PRIVATE /NODEFAULTLIB /NOENTRY)
                """);
        Files.writeString(source.resolve("impl.c"), "__declspec(dllexport) int f(int a) { return a + 1; }\n");
    }

    /** The {@code LINK_FLAGS = ...} line of the impl DLL's link rule in one configuration's ninja file. */
    private static String implLinkFlags(Path variantDir, String config) throws IOException {
        Path ninja = variantDir.resolve("CMakeFiles").resolve("impl-" + config + ".ninja");
        List<String> lines = Files.readAllLines(ninja, StandardCharsets.UTF_8).stream()
                .map(String::trim)
                .filter(l -> l.startsWith("LINK_FLAGS = ") && l.contains("/machine:ARM64"))
                .toList();
        assertEquals(1, lines.size(), ninja + " should link impl once for ARM64: " + lines);
        return lines.get(0);
    }

    @Test
    @InjectMojo(goal = "configure", pom = "classpath:/unit/configure-end-to-end/pom.xml")
    void configuresTheVariantWithHotpatchFlagsInReleaseOnly(ConfigureMojo mojo) throws Exception {
        // Fresh every run, so a CMakeCache.txt from an earlier run cannot make this pass.
        NativeFixtures.deleteRecursively(ROOT);
        writeTinyProject(ROOT.resolve("src"));
        assertEquals(ROOT.resolve("src"), mojo.sourcePath(), "the pom's ${project.basedir} expression");

        mojo.execute();

        Path variant = ROOT.resolve("build").resolve("arm64_x");
        assertTrue(Files.isRegularFile(variant.resolve("CMakeCache.txt")));
        assertTrue(Files.isRegularFile(variant.resolve("hotpatch-project-include.cmake")));
        assertTrue(Files.isRegularFile(variant.resolve(".cmake/api/v1/query/codemodel-v2")), "File API query");
        assertTrue(Files.isRegularFile(variant.resolve("hotpatch-toolchain.cmake")), "generated LLVM cross toolchain");

        Properties state = new Properties();
        try (Reader r = Files.newBufferedReader(variant.resolve(VariantState.FILE_NAME), StandardCharsets.UTF_8)) {
            state.load(r);
        }
        assertEquals("true", state.getProperty("hotpatch"));
        assertEquals("LLD", state.getProperty("linker"));
        assertEquals("ARM64", state.getProperty("arch"));
        assertEquals("Ninja Multi-Config", state.getProperty("generator"));

        String release = implLinkFlags(variant, "Release");
        String debug = implLinkFlags(variant, "Debug");
        assertTrue(release.contains(" /hotpatchcompatible"), release);
        assertTrue(release.contains(" /functionpadmin:8"), release);
        assertFalse(debug.toLowerCase().contains("/hotpatchcompatible"), "hotpatch flags are Release only: " + debug);
        try (Stream<Path> files = Files.list(ROOT.resolve("src"))) {
            assertEquals(
                    List.of("CMakeLists.txt", "impl.c"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "the native project is never written to");
        }
    }
}
