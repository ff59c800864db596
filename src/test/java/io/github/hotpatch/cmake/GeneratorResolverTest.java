package io.github.hotpatch.cmake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.testing.StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorResolverTest {
    @TempDir
    Path dir;

    private ConfigureRequest request(String generator, Optional<Path> toolchain, boolean hotpatch) {
        return new ConfigureRequest(dir.resolve("src"), dir.resolve("build"), BuildVariant.msquicDefaults(), Map.of(),
                generator, toolchain, "auto", hotpatch, List.of(), "cmake", Optional.empty());
    }

    private Path path(String... tools) throws Exception {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        for (String tool : tools) {
            StandIn.create(bin, tool, "", 0);
        }
        return bin;
    }

    @Test
    void linuxAutoIsNinjaMultiConfigWithTheNewestCompleteLlvm() throws Exception {
        Path bin = path("cmake", "ninja", "clang-cl-19", "lld-link-19", "llvm-lib-19", "clang-cl-22", "lld-link-22",
                "llvm-lib-22", "llvm-rc-22");
        GeneratorSetup s = new GeneratorResolver(new StandInHost(false, bin, null)).resolve(request("auto", Optional.empty(), true));
        assertEquals("Ninja Multi-Config", s.generator());
        assertTrue(s.multiConfig());
        assertEquals(LinkerKind.LLD, s.linker());
        assertEquals(22, s.llvmToolchain().orElseThrow().version());
        assertTrue(s.llvmToolchain().get().llvmMt().isEmpty());
    }

    @Test
    void everythingMissingIsOneErrorSayingWhatToInstall() throws Exception {
        Path bin = path();
        ToolException e = assertThrows(ToolException.class,
                () -> new GeneratorResolver(new StandInHost(false, bin, null)).resolve(request("auto", Optional.empty(), true)));
        assertTrue(e.getMessage().contains("not found on PATH: cmake, ninja, clang-cl-NN"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install cmake ninja-build clang-22 lld-22 llvm-22"), e.getMessage());
    }

    @Test
    void lldOlderThan22IsRefusedNamingTheVersionNeeded() throws Exception {
        Path bin = path("cmake", "ninja", "clang-cl-19", "lld-link-19", "llvm-lib-19");
        ToolException e = assertThrows(ToolException.class,
                () -> new GeneratorResolver(new StandInHost(false, bin, null)).resolve(request("auto", Optional.empty(), true)));
        assertTrue(e.getMessage().contains("lld-link-19 is the newest"), e.getMessage());
        assertTrue(e.getMessage().contains("needs lld-link 22 or newer"), e.getMessage());
        // Without hotpatch flags an older lld is fine.
        assertEquals(19, new GeneratorResolver(new StandInHost(false, bin, null))
                .resolve(request("auto", Optional.empty(), false)).llvmToolchain().orElseThrow().version());
    }

    @Test
    void userToolchainFileDecidesTheLinker() throws Exception {
        Path bin = path("cmake", "ninja");
        Path lld = dir.resolve("lld.cmake");
        Files.writeString(lld, "set(CMAKE_LINKER /usr/bin/lld-link-22)\n");
        Path msvc = dir.resolve("msvc.cmake");
        Files.writeString(msvc, "set(CMAKE_C_COMPILER cl.exe)\n");
        GeneratorResolver resolver = new GeneratorResolver(new StandInHost(false, bin, null));
        assertEquals(LinkerKind.LLD, resolver.resolve(request("Ninja", Optional.of(lld), true)).linker());
        GeneratorSetup s = resolver.resolve(request("Ninja", Optional.of(msvc), true));
        assertEquals(LinkerKind.MSVC, s.linker());
        assertTrue(!s.multiConfig() && s.llvmToolchain().isEmpty());
    }

    @Test
    void windowsAutoChoosesTheNewestVisualStudioThroughVswhere_standIn() throws Exception {
        Path bin = path("cmake");
        StandIn vswhere = StandIn.create(dir.resolve("vs"), "vswhere", """
                [{"installationPath": "C:\\\\VS\\\\2022", "installationVersion": "17.14.36310.24"},
                 {"installationPath": "C:\\\\VS\\\\18", "installationVersion": "18.0.11111.16"}]
                """, 0);
        GeneratorSetup s = new GeneratorResolver(new StandInHost(true, bin, vswhere.executable()))
                .resolve(request("auto", Optional.empty(), true));
        assertEquals("Visual Studio 18 2026", s.generator());
        assertEquals(LinkerKind.MSVC, s.linker());
        assertTrue(s.visualStudio() && s.multiConfig());
        assertEquals(List.of("-products", "*", "-prerelease", "-requires", "Microsoft.VisualStudio.Component.VC.Tools.ARM64",
                "-format", "json", "-utf8", "-nologo"), vswhere.arguments());
    }
}
