package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.testing.FileApiReplies;
import io.github.hotpatch.testing.RecordingLog;
import io.github.hotpatch.testing.StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build goal at the process boundary: stand-in cmake and MSBuild record what they are given. */
class VariantBuilderStandInTest {
    @TempDir
    Path dir;

    private Path configured(String variant) throws Exception {
        Path v = Files.createDirectories(dir.resolve("build").resolve(variant));
        Files.writeString(v.resolve("CMakeCache.txt"), "");
        Files.createDirectories(v.resolve("src/bin"));
        Files.writeString(v.resolve("src/bin/msquic.vcxproj"), "<Project/>");
        FileApiReplies.msquicMultiConfig().target("core", "STATIC_LIBRARY").writeTo(v);
        return v;
    }

    private BuildRequest request(StandIn cmake, String buildConfig, String target) {
        return new BuildRequest(
                dir.resolve("build"),
                BuildVariant.msquicDefaults(),
                buildConfig,
                target,
                "cmake",
                cmake.executable().toString(),
                Optional.empty(),
                Optional.empty());
    }

    private ToolException buildFails(BuildRequest request) {
        return assertThrows(
                ToolException.class,
                () -> new VariantBuilder(
                                new StandInHost(false, dir.resolve("tools"), null),
                                new ToolRunner(),
                                new RecordingLog())
                        .buildAll(request));
    }

    @Test
    void misspeltBuildConfigIsRefusedWithTheRightSpellingBeforeAnythingRuns() throws Exception {
        configured("arm64_schannel");
        configured("arm64_openssl");
        StandIn cmake = StandIn.create(dir.resolve("tools"), "cmake", "", 0);
        ToolException e = buildFails(request(cmake, "release", "msquic"));
        assertEquals(
                "hotpatch:build: [arm64_schannel, arm64_openssl] buildConfig 'release' is not a configuration CMake"
                        + " generated (configurations: Debug, Release, RelWithDebInfo); did you mean 'Release'?"
                        + " Configuration names are case-sensitive",
                e.getMessage());
        assertEquals(List.of(), cmake.invocations(), "no build started");
    }

    @Test
    void unknownTargetIsOneErrorListingTheSharedLibraries() throws Exception {
        configured("arm64_schannel");
        configured("arm64_openssl");
        StandIn cmake = StandIn.create(dir.resolve("tools"), "cmake", "", 0);
        ToolException e = buildFails(request(cmake, "Release", "msquicc"));
        assertEquals(
                "hotpatch:build: [arm64_schannel, arm64_openssl] target 'msquicc' is not a target of this CMake"
                        + " project (shared-library targets: msquic); did you mean 'msquic'? Set <target> or"
                        + " -Dhotpatch.target to the target that makes the DLL",
                e.getMessage());
        assertEquals(List.of(), cmake.invocations());
    }

    @Test
    void staticLibraryTargetIsRefusedNamingItsType() throws Exception {
        configured("arm64_schannel");
        configured("arm64_openssl");
        StandIn cmake = StandIn.create(dir.resolve("tools"), "cmake", "", 0);
        ToolException e = buildFails(request(cmake, "Release", "core"));
        assertTrue(
                e.getMessage()
                        .startsWith("hotpatch:build: [arm64_schannel, arm64_openssl] target 'core' is a STATIC_LIBRARY,"
                                + " not a shared library (DLL)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(shared-library targets: msquic)"), e.getMessage());
        assertEquals(List.of(), cmake.invocations());
    }

    @Test
    void msbuildStandIn_receivesTheTargetProjectConfigurationAndPlatform() throws Exception {
        Path v = configured("arm64_schannel");
        StandIn msbuild = StandIn.create(dir.resolve("tools"), "MSBuild.exe", "Build succeeded.\n", 0);
        RecordingLog log = new RecordingLog();
        BuildRequest request = new BuildRequest(
                dir.resolve("build"),
                List.of(BuildVariant.msquicDefaults().get(0)),
                "Release",
                "msquic",
                "msbuild",
                "cmake",
                Optional.of(msbuild.executable()),
                Optional.empty());
        new VariantBuilder(new StandInHost(false, dir.resolve("tools"), null), new ToolRunner(), log).buildAll(request);
        assertEquals(
                List.of(
                        v.resolve("src/bin/msquic.vcxproj").toString(),
                        "/p:Configuration=Release",
                        "/p:Platform=ARM64",
                        "/m",
                        "/nologo"),
                msbuild.arguments());
        assertTrue(log.text().contains("[arm64_schannel] Build succeeded."), log.text());
    }

    @Test
    void cmakeStandIn_buildsEachSelectedVariantsTarget() throws Exception {
        configured("arm64_schannel");
        configured("arm64_openssl");
        StandIn cmake = StandIn.create(dir.resolve("tools"), "cmake", "", 0);
        BuildRequest request = new BuildRequest(
                dir.resolve("build"),
                BuildVariant.msquicDefaults(),
                "Debug",
                "msquic",
                "cmake",
                cmake.executable().toString(),
                Optional.empty(),
                Optional.empty());
        new VariantBuilder(new StandInHost(false, dir.resolve("tools"), null), new ToolRunner(), new RecordingLog())
                .buildAll(request);
        assertEquals(
                List.of(
                        List.of(
                                "--build",
                                dir.resolve("build/arm64_schannel").toString(),
                                "--config",
                                "Debug",
                                "--target",
                                "msquic"),
                        List.of(
                                "--build",
                                dir.resolve("build/arm64_openssl").toString(),
                                "--config",
                                "Debug",
                                "--target",
                                "msquic")),
                cmake.invocations());
    }

    @Test
    void unconfiguredVariantIsAClearError() {
        BuildRequest request = new BuildRequest(
                dir.resolve("build"),
                BuildVariant.msquicDefaults(),
                "Release",
                "msquic",
                "cmake",
                "cmake",
                Optional.empty(),
                Optional.empty());
        ToolException e = assertThrows(
                ToolException.class,
                () -> new VariantBuilder(new StandInHost(false, dir, null), new ToolRunner(), new RecordingLog())
                        .buildAll(request));
        assertTrue(e.getMessage().contains("[arm64_schannel] is not configured"), e.getMessage());
        assertTrue(e.getMessage().contains("run hotpatch:configure first"), e.getMessage());
    }

    @Test
    void failingBuildNamesTheVariantCommandAndExitCode() throws Exception {
        configured("arm64_schannel");
        StandIn cmake =
                StandIn.create(dir.resolve("tools"), "cmake", "FAILED: msquic.dll\nerror: undefined symbol\n", 1);
        BuildRequest request = new BuildRequest(
                dir.resolve("build"),
                List.of(BuildVariant.msquicDefaults().get(0)),
                "Release",
                "msquic",
                "cmake",
                cmake.executable().toString(),
                Optional.empty(),
                Optional.empty());
        ToolException e = assertThrows(
                ToolException.class,
                () -> new VariantBuilder(new StandInHost(false, dir, null), new ToolRunner(), new RecordingLog())
                        .buildAll(request));
        assertTrue(
                e.getMessage().startsWith("[arm64_schannel] " + cmake.executable() + " failed with exit code 1"),
                e.getMessage());
        assertTrue(e.getMessage().contains("error: undefined symbol"), e.getMessage());
    }
}
