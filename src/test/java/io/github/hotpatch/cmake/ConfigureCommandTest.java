package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.msbuild.VisualStudioInstance;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.LinkerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigureCommandTest {
    @TempDir
    Path dir;

    private ConfigureRequest request(Path source, Path build, List<BuildVariant> variants) {
        return new ConfigureRequest(
                source,
                build,
                variants,
                Map.of("QUIC_ENABLE_LOGGING", "off"),
                "auto",
                Optional.empty(),
                Optional.empty(),
                true,
                List.of(),
                "cmake",
                Optional.empty());
    }

    @Test
    void visualStudioGetsThePlatformAndNoToolchain() {
        BuildVariant v = BuildVariant.msquicDefaults().get(0);
        ConfigureRequest r = request(dir.resolve("msquic"), dir.resolve("msquic/build/windows"), List.of(v));
        GeneratorSetup vs = new GeneratorSetup("Visual Studio 17 2022", true, true, LinkerKind.MSVC, Optional.empty());
        Path include = dir.resolve("inc.cmake");
        List<String> cmd = VariantConfigurer.configureCommand(
                r, vs, v, Optional.empty(), include, new LinkedHashMap<>(Map.of("QUIC_TLS_LIB", "schannel")));
        assertEquals(
                List.of(
                        "cmake",
                        "-S",
                        dir.resolve("msquic").toString(),
                        "-B",
                        dir.resolve("msquic/build/windows/arm64_schannel").toString(),
                        "-G",
                        "Visual Studio 17 2022",
                        "-A",
                        "ARM64",
                        "-DCMAKE_PROJECT_INCLUDE:FILEPATH=" + include,
                        "-DQUIC_TLS_LIB=schannel"),
                cmd);
    }

    /** The cmake, ninja and Visual Studio that were found and checked are the ones cmake runs with. */
    @Test
    void theResolvedCmakeNinjaAndVisualStudioInstanceArePassed() {
        BuildVariant v = BuildVariant.msquicDefaults().get(0);
        ConfigureRequest r = request(dir.resolve("msquic"), dir.resolve("b"), List.of(v));
        Path cmake = dir.resolve("cmake-3.31/bin/cmake");
        GeneratorSetup vs = new GeneratorSetup(
                "Visual Studio 17 2022",
                true,
                true,
                LinkerKind.MSVC,
                Optional.empty(),
                cmake,
                Optional.empty(),
                Optional.of(new VisualStudioInstance(dir.resolve("VS/2022"), "17.14.1")));
        List<String> cmd =
                VariantConfigurer.configureCommand(r, vs, v, Optional.empty(), dir.resolve("i"), new LinkedHashMap<>());
        assertEquals(cmake.toString(), cmd.get(0));
        assertTrue(cmd.contains("-DCMAKE_GENERATOR_INSTANCE=" + dir.resolve("VS/2022")), cmd.toString());
        // A user's own instance wins, and is not passed twice.
        cmd = VariantConfigurer.configureCommand(
                r,
                vs,
                v,
                Optional.empty(),
                dir.resolve("i"),
                new LinkedHashMap<>(Map.of("CMAKE_GENERATOR_INSTANCE:INTERNAL", "D:/VS")));
        assertEquals(
                1,
                cmd.stream()
                        .filter(a -> a.startsWith("-DCMAKE_GENERATOR_INSTANCE"))
                        .count(),
                cmd.toString());
        assertTrue(cmd.contains("-DCMAKE_GENERATOR_INSTANCE:INTERNAL=D:/VS"), cmd.toString());

        GeneratorSetup ninja = new GeneratorSetup(
                "Ninja Multi-Config",
                false,
                true,
                LinkerKind.LLD,
                Optional.empty(),
                cmake,
                Optional.of(dir.resolve("bin/ninja")),
                Optional.empty());
        cmd = VariantConfigurer.configureCommand(
                r, ninja, v, Optional.empty(), dir.resolve("i"), new LinkedHashMap<>());
        assertTrue(cmd.contains("-DCMAKE_MAKE_PROGRAM:FILEPATH=" + dir.resolve("bin/ninja")), cmd.toString());
    }

    @Test
    void singleConfigGeneratorsBuildReleaseAndCrossBuildsGetTheToolchain() {
        BuildVariant v = new BuildVariant("x64_openssl", Arch.X64, Map.of());
        ConfigureRequest r = request(dir.resolve("s"), dir.resolve("b"), List.of(v));
        GeneratorSetup ninja = new GeneratorSetup("Ninja", false, false, LinkerKind.LLD, Optional.empty());
        List<String> cmd = VariantConfigurer.configureCommand(
                r, ninja, v, Optional.of(dir.resolve("tc.cmake")), dir.resolve("inc.cmake"), new LinkedHashMap<>());
        assertTrue(cmd.contains("-DCMAKE_TOOLCHAIN_FILE:FILEPATH=" + dir.resolve("tc.cmake")), cmd.toString());
        assertTrue(cmd.contains("-DCMAKE_BUILD_TYPE=Release"), cmd.toString());
        assertTrue(!cmd.contains("-A"), cmd.toString());
    }

    @Test
    void cacheValuesAreSingleLiteralArguments() {
        BuildVariant v = BuildVariant.msquicDefaults().get(1);
        ConfigureRequest r = request(dir.resolve("s"), dir.resolve("b"), List.of(v));
        GeneratorSetup ninja = new GeneratorSetup("Ninja Multi-Config", false, true, LinkerKind.LLD, Optional.empty());
        String tricky = "a \"quoted\" value; with $(shell) and spaces";
        List<String> cmd = VariantConfigurer.configureCommand(
                r, ninja, v, Optional.empty(), dir.resolve("i"), new LinkedHashMap<>(Map.of("QUIC_TLS_LIB", tricky)));
        assertTrue(cmd.contains("-DQUIC_TLS_LIB=" + tricky), cmd.toString());
    }

    @Test
    void directoryMistakesAreClearErrors() throws Exception {
        List<BuildVariant> vs = BuildVariant.msquicDefaults();
        ToolException missing = assertThrows(
                ToolException.class,
                () -> VariantConfigurer.checkDirectories(request(dir.resolve("nope"), dir.resolve("b"), vs)));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        ToolException noLists = assertThrows(
                ToolException.class, () -> VariantConfigurer.checkDirectories(request(empty, dir.resolve("b"), vs)));
        assertTrue(noLists.getMessage().contains("has no CMakeLists.txt"), noLists.getMessage());

        Path inside = Files.createDirectories(dir.resolve("b/arm64_schannel/src"));
        Files.writeString(inside.resolve("CMakeLists.txt"), "project(x)\n");
        ToolException nested = assertThrows(
                ToolException.class, () -> VariantConfigurer.checkDirectories(request(inside, dir.resolve("b"), vs)));
        assertTrue(nested.getMessage().contains("lies inside buildDirectory"), nested.getMessage());
    }
}
