package io.github.hotpatch.msbuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A Visual Studio installation as vswhere reports it.
 *
 * @param installationPath    e.g. {@code C:\Program Files\Microsoft Visual Studio\2022\Enterprise}
 * @param installationVersion e.g. {@code 17.14.36310.24}
 */
public record VisualStudioInstance(Path installationPath, String installationVersion) {

    public int majorVersion() {
        return majorOf(installationVersion);
    }

    static int majorOf(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** CMake's generator name for this Visual Studio (16 2019, 17 2022, 18 2026), or empty for one CMake has none for. */
    public Optional<String> knownCmakeGenerator() {
        return VisualStudioGenerator.forMajor(majorVersion()).map(VisualStudioGenerator::generatorName);
    }

    /** CMake's generator name for this Visual Studio (16 2019, 17 2022, 18 2026). */
    public String cmakeGenerator() {
        return knownCmakeGenerator()
                .orElseThrow(() -> new IllegalStateException("Visual Studio " + installationVersion + " at "
                        + installationPath + " has no known CMake generator (supported: 16 2019, 17 2022, 18 2026)"));
    }

    /** MSBuild.exe inside this installation, for the host's architecture (see {@link #msbuildExecutable(String)}). */
    public Path msbuildExecutable() {
        return msbuildExecutable(System.getProperty("os.arch", ""));
    }

    /**
     * MSBuild.exe inside this installation as CMake's own build command picks it: {@code MSBuild\Current\Bin\amd64}
     * on an x64 host ({@code Bin\arm64} on an ARM64 host) when that exists, else {@code MSBuild\Current\Bin}.
     *
     * @param hostArch the JVM's {@code os.arch} (amd64, x86_64, aarch64, arm64)
     */
    public Path msbuildExecutable(String hostArch) {
        Path bin = installationPath.resolve("MSBuild").resolve("Current").resolve("Bin");
        String sub = switch (hostArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        if (sub != null && Files.isRegularFile(bin.resolve(sub).resolve("MSBuild.exe"))) {
            return bin.resolve(sub).resolve("MSBuild.exe");
        }
        return bin.resolve("MSBuild.exe");
    }
}
