package io.github.hotpatch.msbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where vswhere and MSBuild are, under Windows path rules (Jimfs, {@code Configuration.windows()}) on this machine. A
 * test of the rules, not of Windows.
 */
class VisualStudioWindowsPathRulesTest {

    @Test
    void vswhereIsUnderProgramFilesX86FromTheEnvironment() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            assertEquals(
                    fs.getPath("D:\\Program Files (x86)\\Microsoft Visual Studio\\Installer\\vswhere.exe"),
                    VisualStudioLocator.defaultVswhere(Map.of("ProgramFiles(x86)", "D:\\Program Files (x86)"), fs)
                            .orElseThrow());
            // Windows compares variable names without case.
            assertEquals(
                    fs.getPath("E:\\PF86\\Microsoft Visual Studio\\Installer\\vswhere.exe"),
                    VisualStudioLocator.defaultVswhere(Map.of("PROGRAMFILES(X86)", "E:\\PF86"), fs)
                            .orElseThrow());
            assertTrue(VisualStudioLocator.defaultVswhere(Map.of("ProgramFiles", "C:\\Program Files"), fs)
                    .isEmpty());
            assertTrue(VisualStudioLocator.defaultVswhere(Map.of("ProgramFiles(x86)", "\"C:\\x\""), fs)
                    .isEmpty());
        }
    }

    @Test
    void msbuildPrefersTheHostArchitectureFolderAsCmakeDoes() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path vs = fs.getPath("C:\\Program Files\\Microsoft Visual Studio\\2022\\Enterprise");
            Path bin = Files.createDirectories(vs.resolve("MSBuild\\Current\\Bin"));
            Files.writeString(bin.resolve("MSBuild.exe"), "MZ");
            VisualStudioInstance instance = new VisualStudioInstance(vs, "17.14.36310.24");
            assertEquals(bin.resolve("MSBuild.exe"), instance.msbuildExecutable("amd64"), "no amd64 folder yet");
            Files.createDirectories(bin.resolve("amd64"));
            Files.writeString(bin.resolve("amd64\\MSBuild.exe"), "MZ");
            assertEquals(bin.resolve("amd64\\MSBuild.exe"), instance.msbuildExecutable("amd64"));
            assertEquals(
                    fs.getPath("c:\\program files\\microsoft visual studio\\2022\\enterprise\\msbuild\\current\\bin"
                            + "\\AMD64\\msbuild.exe"),
                    instance.msbuildExecutable("x86_64"),
                    "Windows paths compare without case");
            assertEquals(bin.resolve("MSBuild.exe"), instance.msbuildExecutable("aarch64"), "no arm64 folder");
        }
    }

    @Test
    void generatorsAndTheCmakeThatAddedThem() {
        assertEquals(
                "Visual Studio 18 2026",
                VisualStudioGenerator.forMajor(18).orElseThrow().generatorName());
        assertTrue(!VisualStudioGenerator.forMajor(18).orElseThrow().supportedBy(4, 1));
        assertTrue(VisualStudioGenerator.forMajor(18).orElseThrow().supportedBy(4, 2));
        assertTrue(VisualStudioGenerator.forMajor(17).orElseThrow().supportedBy(3, 31));
        assertTrue(!VisualStudioGenerator.forMajor(17).orElseThrow().supportedBy(3, 20));
        assertEquals(
                17,
                VisualStudioGenerator.forName("Visual Studio 17 2022")
                        .orElseThrow()
                        .major());
        assertEquals(
                "18.0",
                VisualStudioGenerator.forName("Visual Studio 18 2026")
                        .orElseThrow()
                        .visualStudioVersion());
        assertTrue(VisualStudioGenerator.forName("Ninja").isEmpty());
    }
}
