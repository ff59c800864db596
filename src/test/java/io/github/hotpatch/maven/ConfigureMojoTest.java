package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.cmake.BuildVariant;
import io.github.hotpatch.profile.Arch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hotpatch:configure as Maven builds it from the plugin descriptor: defaults, parameter conversion and the
 * errors a user sees for a bad configuration. None of these tests reaches cmake.
 */
@MojoTest
class ConfigureMojoTest {

    @TempDir
    Path tempDir;

    /**
     * Points the mojo at a CMake project in a temp dir (paths are per test, so they are set after injection),
     * so that the only thing wrong with a configuration is what the test put into it.
     */
    private Path aimAtTempProject(ConfigureMojo mojo) throws Exception {
        Path source = Files.createDirectories(tempDir.resolve("src"));
        Files.writeString(source.resolve("CMakeLists.txt"), "cmake_minimum_required(VERSION 3.20)\nproject(tiny C)\n");
        Path build = tempDir.resolve("build");
        mojo.sourceDirectory = source.toFile();
        mojo.buildDirectory = build.toFile();
        return build;
    }

    private static List<String> names(List<BuildVariant> variants) {
        return variants.stream().map(BuildVariant::name).toList();
    }

    @Test
    @InjectMojo(goal = "configure")
    void defaults_areMsquicsTwoArm64VariantsBuiltUnderSourceBuildWindows(ConfigureMojo mojo) throws Exception {
        Path basedir = Path.of(MojoExtension.getBasedir()).toAbsolutePath().normalize();
        assertEquals(basedir, mojo.sourcePath(), "sourceDirectory defaults to ${project.basedir}");
        assertNull(mojo.buildDirectory);
        assertEquals(basedir.resolve("build").resolve("windows"), mojo.buildPath());

        List<BuildVariant> variants = mojo.selectedVariants();
        assertEquals(List.of("arm64_schannel", "arm64_openssl"), names(variants));
        assertTrue(variants.stream().allMatch(v -> v.arch() == Arch.ARM64), variants.toString());
        assertEquals(Map.of("QUIC_TLS_LIB", "schannel"), variants.get(0).cacheEntries());
        assertEquals(Map.of("QUIC_TLS_LIB", "openssl"), variants.get(1).cacheEntries());

        assertEquals("auto", mojo.generator);
        assertEquals("auto", mojo.linker);
        assertTrue(mojo.hotpatch);
        assertFalse(mojo.skip);
        assertEquals("cmake", mojo.cmakeExecutable);
        assertNull(mojo.toolchainFile);
        // An unset property-backed List parameter arrives as an empty list (not null): both mean "the profile's flags".
        assertTrue(mojo.hotpatchFlags == null || mojo.hotpatchFlags.isEmpty(), String.valueOf(mojo.hotpatchFlags));
    }

    @Test
    @InjectMojo(goal = "configure", pom = "classpath:/unit/configure-variants/pom.xml")
    void pomConfiguration_becomesVariantsCacheEntriesAndFlags(ConfigureMojo mojo) throws Exception {
        // The harness converts <variants> into List<Variant> (element type from the field's generics).
        List<BuildVariant> variants = mojo.selectedVariants();
        assertEquals(List.of("arm64_schannel", "x64_openssl"), names(variants));
        assertEquals(Arch.ARM64, variants.get(0).arch(), "arch defaults to ARM64");
        assertEquals(Arch.X64, variants.get(1).arch());
        // The fields are LinkedHashMaps, so the POM's order is kept and -D arguments follow it.
        assertEquals(
                java.util.List.of("QUIC_TLS_LIB", "QUIC_ENABLE_LOGGING"),
                new java.util.ArrayList<>(variants.get(1).cacheEntries().keySet()));
        assertEquals(
                Map.of("QUIC_TLS_LIB", "openssl", "QUIC_ENABLE_LOGGING", "OFF"),
                variants.get(1).cacheEntries());
        assertEquals(Map.of("QUIC_BUILD_TEST", "OFF"), mojo.cacheEntries);
        assertEquals(List.of("/hotpatchcompatible", "/incremental:no"), mojo.hotpatchFlags);
    }

    @Test
    @InjectMojo(goal = "configure")
    @MojoParameter(name = "skip", value = "true")
    void skip_doesNothing(ConfigureMojo mojo) throws Exception {
        // Everything else is wrong too: a goal that ran despite skip would fail on the missing sources.
        mojo.sourceDirectory = tempDir.resolve("missing").toFile();
        mojo.buildDirectory = tempDir.resolve("build").toFile();
        mojo.execute();
        assertFalse(Files.exists(tempDir.resolve("build")), "skip must not create the build directory");
    }

    @Test
    @InjectMojo(goal = "configure")
    @MojoParameter(name = "selectedVariants", value = " arm64_openssl ,")
    void variantSelection_narrowsTheDefaultsToTheNamedVariant(ConfigureMojo mojo) throws Exception {
        assertEquals(List.of("arm64_openssl"), names(mojo.selectedVariants()));
    }

    @Test
    @InjectMojo(goal = "configure", pom = "classpath:/unit/configure-variants/pom.xml")
    @MojoParameter(name = "selectedVariants", value = "x64_openssl,arm64_schannel")
    void variantSelection_keepsTheConfiguredOrder(ConfigureMojo mojo) throws Exception {
        assertEquals(List.of("arm64_schannel", "x64_openssl"), names(mojo.selectedVariants()));
    }

    @Test
    @InjectMojo(goal = "configure")
    @MojoParameter(name = "selectedVariants", value = "arm64_openssl,arm64_nope")
    void variantSelection_ofAnUnknownNameFailsListingTheConfiguredNames(ConfigureMojo mojo) throws Exception {
        Path build = aimAtTempProject(mojo);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "selectedVariants (-Dhotpatch.selectedVariants) names 'arm64_nope', which is not a configured variant;"
                        + " configured: arm64_schannel, arm64_openssl",
                e.getMessage());
        assertFalse(Files.exists(build), "nothing is written before the configuration is checked");
    }

    @Test
    @InjectMojo(goal = "configure", pom = "classpath:/unit/configure-invalid-variant-name/pom.xml")
    void variantNameThatLeavesTheBuildDirectory_fails(ConfigureMojo mojo) throws Exception {
        Path build = aimAtTempProject(mojo);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("invalid variant name '../x':"), e.getMessage());
        assertTrue(e.getMessage().contains("no '..'"), e.getMessage());
        assertFalse(Files.exists(build));
        assertFalse(Files.exists(tempDir.resolve("x")), "the escaping directory must not be created");
    }

    @Test
    @InjectMojo(goal = "configure", pom = "classpath:/unit/configure-duplicate-variants/pom.xml")
    void duplicateVariantNames_fail(ConfigureMojo mojo) throws Exception {
        Path build = aimAtTempProject(mojo);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("variant names must be unique: [arm64_x, arm64_x]", e.getMessage());
        assertFalse(Files.exists(build));
    }

    @Test
    @InjectMojo(goal = "configure")
    void missingSourceDirectory_failsNamingIt(ConfigureMojo mojo) throws Exception {
        Path missing = tempDir.resolve("no-such-project");
        mojo.sourceDirectory = missing.toFile();
        mojo.buildDirectory = tempDir.resolve("build").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("sourceDirectory " + missing + " does not exist or is not a directory", e.getMessage());
        assertFalse(Files.exists(tempDir.resolve("build")));
    }

    @Test
    @InjectMojo(goal = "configure")
    void sourceDirectoryWithoutCMakeLists_failsSayingWhereToPointIt(ConfigureMojo mojo) throws Exception {
        Path notAProject = Files.createDirectories(tempDir.resolve("docs"));
        mojo.sourceDirectory = notAProject.toFile();
        mojo.buildDirectory = tempDir.resolve("build").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                e.getMessage().startsWith("sourceDirectory " + notAProject + " has no CMakeLists.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("top-level directory"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "configure", pom = "classpath:/unit/configure-bad-arch/pom.xml")
    void unknownArch_failsNamingTheAcceptedOnes(ConfigureMojo mojo) throws Exception {
        Path build = aimAtTempProject(mojo);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("unknown arch 'arm': expected ARM64 or x64", e.getMessage());
        assertFalse(Files.exists(build));
    }

    @Test
    @InjectMojo(goal = "configure")
    @MojoParameter(name = "linker", value = "gold")
    void unknownLinker_failsNamingTheParameterAndTheAcceptedOnes(ConfigureMojo mojo) throws Exception {
        Path build = aimAtTempProject(mojo);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("hotpatch.linker: unknown linker 'gold': expected auto, msvc or lld", e.getMessage());
        assertFalse(Files.exists(build));
    }

    @Test
    @InjectMojo(goal = "configure", pom = "classpath:/unit/configure-spaced-hotpatch-flag/pom.xml")
    void hotpatchFlagWithASpace_failsAskingForOneSwitchPerEntry(ConfigureMojo mojo) throws Exception {
        Path build = aimAtTempProject(mojo);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                e.getMessage()
                        .startsWith("hotpatchFlags entry 1: hotpatch linker flag '/hotpatchcompatible /profile'"
                                + " contains whitespace"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("give one switch per entry"), e.getMessage());
        assertFalse(Files.exists(build));
    }

    @Test
    @InjectMojo(goal = "configure", pom = "classpath:/unit/configure-empty-hotpatch-flag/pom.xml")
    void anEmptyHotpatchFlagEntry_failsNamingItsPosition(ConfigureMojo mojo) throws Exception {
        Path build = aimAtTempProject(mojo);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("hotpatchFlags entry 2 of 3 is empty"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(build));
    }
}
