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
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
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
                Builder.CMAKE,
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
                Builder.MSBUILD,
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
                        "/nr:false",
                        "/nologo"),
                msbuild.arguments());
        assertTrue(log.text().contains("[arm64_schannel] Build succeeded."), log.text());
    }

    /**
     * builder=msbuild runs MSBuild from the Visual Studio installation CMake configured the variant with (its cache's
     * CMAKE_GENERATOR_INSTANCE, as CMake writes it with forward slashes), the amd64 host build on an x64 host, with
     * that Visual Studio's VisualStudioVersion; vswhere is not asked.
     */
    @Test
    @DisabledOnOs(
            value = OS.WINDOWS,
            disabledReason = "the stand-in must be a file named MSBuild.exe, which a .cmd launcher cannot be; the"
                    + " Windows IT set runs the real MSBuild this way")
    void msbuildStandIn_comesFromTheInstanceInTheVariantsCache() throws Exception {
        Path v = configured("arm64_schannel");
        Path vs = dir.resolve("VS/2022/Enterprise");
        Path bin = vs.resolve("MSBuild/Current/Bin");
        StandIn.create(bin, "MSBuild.exe", "plain host build\n", 0);
        StandIn amd64 = StandIn.create(bin.resolve("amd64"), "MSBuild.exe", "amd64 host build\n", 0);
        Files.writeString(
                v.resolve("CMakeCache.txt"),
                "CMAKE_GENERATOR:INTERNAL=Visual Studio 17 2022\nCMAKE_GENERATOR_INSTANCE:INTERNAL="
                        + vs.toString().replace('\\', '/') + "\n");
        BuildRequest request = new BuildRequest(
                dir.resolve("build"),
                List.of(BuildVariant.msquicDefaults().get(0)),
                "Release",
                "msquic",
                Builder.MSBUILD,
                "cmake",
                Optional.empty(),
                Optional.empty());
        RecordingLog log = new RecordingLog();
        new VariantBuilder(
                        new StandInHost(true, dir.resolve("tools"), dir.resolve("no-vswhere"), false, "amd64"),
                        new ToolRunner(),
                        log)
                .buildAll(request);
        assertTrue(
                log.text().contains(bin.resolve("amd64").resolve("MSBuild.exe").toString()), log.text());
        assertTrue(log.text().contains("/p:VisualStudioVersion=17.0 /m /nr:false /nologo"), log.text());
        assertTrue(log.text().contains("[arm64_schannel] amd64 host build"), log.text());
        assertEquals("/p:VisualStudioVersion=17.0", amd64.arguments().get(3));

        // An instance that has gone: a clear error naming it, not vswhere's newest.
        Files.writeString(
                v.resolve("CMakeCache.txt"),
                "CMAKE_GENERATOR:INTERNAL=Visual Studio 17 2022\nCMAKE_GENERATOR_INSTANCE:INTERNAL="
                        + dir.resolve("VS/gone") + "\n");
        ToolException e = assertThrows(
                ToolException.class,
                () -> new VariantBuilder(
                                new StandInHost(true, dir.resolve("tools"), dir.resolve("no-vswhere"), false, "amd64"),
                                new ToolRunner(),
                                new RecordingLog())
                        .buildAll(request));
        assertTrue(
                e.getMessage().contains("configured with the Visual Studio at " + dir.resolve("VS/gone")),
                e.getMessage());
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
                Builder.CMAKE,
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
                Builder.CMAKE,
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
                Builder.CMAKE,
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

    @Test
    void jobsPerBuild_sharesTheCoresBetweenTheVariantsRunningAtOnce() {
        assertEquals(0, VariantBuilder.jobsPerBuild(2, 1), "one variant at a time: the build tool's own default");
        assertEquals(0, VariantBuilder.jobsPerBuild(16, 1));
        assertEquals(1, VariantBuilder.jobsPerBuild(2, 2));
        assertEquals(1, VariantBuilder.jobsPerBuild(3, 2));
        assertEquals(2, VariantBuilder.jobsPerBuild(4, 2));
        assertEquals(2, VariantBuilder.jobsPerBuild(8, 3));
        assertEquals(1, VariantBuilder.jobsPerBuild(1, 2), "never less than one job");
        assertEquals(1, VariantBuilder.jobsPerBuild(2, 4));
    }

    /**
     * A stand-in cmake that writes its arguments into the build directory it is given ({@code --build DIR}), so that
     * variants building at the same time do not write into one record.
     */
    private Path perDirectoryCMake() throws Exception {
        Path exe = Files.createDirectories(dir.resolve("tools")).resolve("cmake");
        Files.writeString(exe, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$2/cmake.args\"\n");
        Files.setPosixFilePermissions(exe, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    private List<String> buildBothVariants(int parallel, int cores) throws Exception {
        Path schannel = configured("arm64_schannel");
        Path openssl = configured("arm64_openssl");
        BuildRequest request = new BuildRequest(
                dir.resolve("build"),
                BuildVariant.msquicDefaults(),
                "Release",
                "msquic",
                Builder.CMAKE,
                perDirectoryCMake().toString(),
                Optional.empty(),
                Optional.empty());
        new VariantBuilder(
                        new StandInHost(false, dir.resolve("tools"), null), new ToolRunner(), new RecordingLog(), cores)
                .buildAll(request, new RunOptions(parallel, false, java.time.Duration.ofSeconds(5)));
        List<String> first = Files.readAllLines(schannel.resolve("cmake.args"));
        assertEquals(
                first.subList(2, first.size()),
                Files.readAllLines(openssl.resolve("cmake.args")).subList(2, first.size()),
                "both variants get the same share");
        return first;
    }

    @Test
    void twoVariantsAtOnce_eachBuildGetsItsShareOfTheCores() throws Exception {
        assertEquals(
                List.of(
                        "--build",
                        dir.resolve("build/arm64_schannel").toString(),
                        "--config",
                        "Release",
                        "--target",
                        "msquic",
                        "--parallel",
                        "2"),
                buildBothVariants(2, 4));
    }

    @Test
    void twoVariantsAtOnceOnTwoCores_oneJobEach() throws Exception {
        List<String> args = buildBothVariants(2, 2);
        assertEquals(List.of("--parallel", "1"), args.subList(args.size() - 2, args.size()));
    }

    @Test
    void oneVariantAtATime_leavesTheBuildToolAlone() throws Exception {
        List<String> args = buildBothVariants(1, 2);
        assertEquals("msquic", args.get(args.size() - 1), args.toString());
        assertTrue(!args.contains("--parallel"), args.toString());
    }
}
