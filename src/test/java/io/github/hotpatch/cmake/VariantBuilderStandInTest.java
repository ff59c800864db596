package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
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
        return v;
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
                "msbuild",
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
