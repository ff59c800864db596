package io.github.hotpatch.msbuild;

import java.nio.file.Path;

/**
 * A Visual Studio installation as vswhere reports it.
 *
 * @param installationPath    e.g. {@code C:\Program Files\Microsoft Visual Studio\2022\Enterprise}
 * @param installationVersion e.g. {@code 17.14.36310.24}
 */
public record VisualStudioInstance(Path installationPath, String installationVersion) {

    public int majorVersion() {
        int dot = installationVersion.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? installationVersion : installationVersion.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** CMake's generator name for this Visual Studio (16 2019, 17 2022, 18 2026). */
    public String cmakeGenerator() {
        return switch (majorVersion()) {
            case 16 -> "Visual Studio 16 2019";
            case 17 -> "Visual Studio 17 2022";
            case 18 -> "Visual Studio 18 2026";
            default ->
                throw new IllegalStateException("Visual Studio " + installationVersion + " at " + installationPath
                        + " has no known CMake generator (supported: 16 2019, 17 2022, 18 2026)");
        };
    }

    /** MSBuild.exe inside this installation (the amd64/arm64 host subfolders build the same targets). */
    public Path msbuildExecutable() {
        return installationPath
                .resolve("MSBuild")
                .resolve("Current")
                .resolve("Bin")
                .resolve("MSBuild.exe");
    }
}
