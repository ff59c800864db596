package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.cmake.BuildVariant;
import io.github.hotpatch.testing.FileApiReplies;
import io.github.hotpatch.testing.StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hotpatch:build as Maven builds it from the plugin descriptor. There is no Windows or MSBuild here: the
 * builders are recorded-argument stand-ins, so these tests cover which command the mojo runs, not a build.
 */
@MojoTest
class BuildMojoTest {

    @TempDir
    Path tempDir;

    /** A variant directory as the Visual Studio generator leaves it: a cache and the msquic target's project. */
    private Path fakeConfiguredVariant(String name) throws Exception {
        Path variant = Files.createDirectories(tempDir.resolve("build").resolve(name));
        Files.writeString(variant.resolve("CMakeCache.txt"), "");
        Files.createDirectories(variant.resolve("src/bin"));
        Files.writeString(variant.resolve("src/bin/msquic.vcxproj"), "<Project/>");
        FileApiReplies.of("Visual Studio 17 2022", true)
                .configurations("Debug", "Release")
                .target("msquic", "SHARED_LIBRARY")
                .writeTo(variant);
        return variant;
    }

    @Test
    @InjectMojo(goal = "build")
    void defaults_buildMsquicInReleaseWithCMake(BuildMojo mojo) throws Exception {
        assertEquals("Release", mojo.buildConfig);
        assertEquals("msquic", mojo.target);
        assertEquals("cmake", mojo.builder);
        assertEquals("cmake", mojo.cmakeExecutable);
        assertNull(mojo.msbuildExecutable);
        assertFalse(mojo.skip);
        assertEquals(
                List.of("arm64_schannel", "arm64_openssl"),
                mojo.selectedVariants().stream().map(BuildVariant::name).toList());
        assertEquals(
                Path.of(MojoExtension.getBasedir()).toAbsolutePath().normalize().resolve("build/windows"),
                mojo.buildPath());
    }

    @Test
    @InjectMojo(goal = "build")
    @MojoParameter(name = "builder", value = "msbuild")
    void msbuildStandIn_receivesEachVariantsProjectReleaseAndPlatform(BuildMojo mojo) throws Exception {
        Path schannel = fakeConfiguredVariant("arm64_schannel");
        Path openssl = fakeConfiguredVariant("arm64_openssl");
        StandIn msbuild = StandIn.create(tempDir.resolve("tools"), "MSBuild.exe", "Build succeeded.\n", 0);
        // Per-test temp paths, so set after injection.
        mojo.buildDirectory = tempDir.resolve("build").toFile();
        mojo.msbuildExecutable = msbuild.executable().toFile();
        // One at a time: the stand-in appends to one record file, and this test checks the order too.
        mojo.parallel = 1;

        mojo.execute();

        assertEquals(
                List.of(
                        List.of(
                                schannel.resolve("src/bin/msquic.vcxproj").toString(),
                                "/p:Configuration=Release",
                                "/p:Platform=ARM64",
                                "/m",
                                "/nr:false",
                                "/nologo"),
                        List.of(
                                openssl.resolve("src/bin/msquic.vcxproj").toString(),
                                "/p:Configuration=Release",
                                "/p:Platform=ARM64",
                                "/m",
                                "/nr:false",
                                "/nologo")),
                msbuild.invocations());
    }

    @Test
    @InjectMojo(goal = "build")
    @MojoParameter(name = "buildConfig", value = "Debug")
    @MojoParameter(name = "selectedVariants", value = "arm64_openssl")
    void cmakeStandIn_buildsOnlyTheSelectedVariantInTheGivenConfig(BuildMojo mojo) throws Exception {
        fakeConfiguredVariant("arm64_schannel");
        Path openssl = fakeConfiguredVariant("arm64_openssl");
        StandIn cmake = StandIn.create(tempDir.resolve("tools"), "cmake", "", 0);
        mojo.buildDirectory = tempDir.resolve("build").toFile();
        mojo.cmakeExecutable = cmake.executable().toString();

        mojo.execute();

        assertEquals(
                List.of(List.of("--build", openssl.toString(), "--config", "Debug", "--target", "msquic")),
                cmake.invocations());
    }

    @Test
    @InjectMojo(goal = "build")
    @MojoParameter(name = "builder", value = "ninja")
    void unknownBuilder_failsNamingTheAcceptedOnes(BuildMojo mojo) throws Exception {
        fakeConfiguredVariant("arm64_schannel");
        fakeConfiguredVariant("arm64_openssl");
        mojo.buildDirectory = tempDir.resolve("build").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("unknown builder 'ninja': expected cmake or msbuild", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "build")
    void unconfiguredVariant_failsAskingForConfigureFirst(BuildMojo mojo) throws Exception {
        mojo.buildDirectory = tempDir.resolve("build").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("[arm64_schannel] is not configured"), e.getMessage());
        assertTrue(e.getMessage().endsWith("run hotpatch:configure first"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "build")
    @MojoParameter(name = "skip", value = "true")
    void skip_runsNoBuilder(BuildMojo mojo) throws Exception {
        StandIn cmake = StandIn.create(tempDir.resolve("tools"), "cmake", "", 0);
        fakeConfiguredVariant("arm64_schannel");
        fakeConfiguredVariant("arm64_openssl");
        mojo.buildDirectory = tempDir.resolve("build").toFile();
        mojo.cmakeExecutable = cmake.executable().toString();
        mojo.execute();
        assertEquals(List.of(), cmake.invocations());
    }
}
