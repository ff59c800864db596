package io.github.hotpatch.msbuild;

import io.github.hotpatch.json.JsonReader;
import io.github.hotpatch.json.JsonSyntaxException;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import java.nio.file.FileSystem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds Visual Studio with vswhere: the instances that have the C++ tools for the wanted arch, newest first. */
public final class VisualStudioLocator {
    /** The environment variable naming 32-bit Program Files, where the Visual Studio Installer puts vswhere. */
    public static final String PROGRAM_FILES_X86 = "ProgramFiles(x86)";

    private final ToolRunner runner;
    private final Path vswhere;
    private final boolean prerelease;

    /** A locator that ignores preview (prerelease) installations. */
    public VisualStudioLocator(ToolRunner runner, Path vswhere) {
        this(runner, vswhere, false);
    }

    /** @param prerelease also consider preview installations (vswhere {@code -prerelease}) */
    public VisualStudioLocator(ToolRunner runner, Path vswhere, boolean prerelease) {
        this.runner = runner;
        this.vswhere = vswhere;
        this.prerelease = prerelease;
    }

    /**
     * vswhere's documented place, {@code %ProgramFiles(x86)%\Microsoft Visual Studio\Installer\vswhere.exe}, from
     * the environment (variable names compared without case, as Windows does), in {@code fileSystem}; empty when the
     * variable is not set or is no path.
     */
    public static Optional<Path> defaultVswhere(Map<String, String> environment, FileSystem fileSystem) {
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (e.getKey().equalsIgnoreCase(PROGRAM_FILES_X86) && !e.getValue().isBlank()) {
                try {
                    return Optional.of(fileSystem
                            .getPath(e.getValue().trim())
                            .resolve("Microsoft Visual Studio")
                            .resolve("Installer")
                            .resolve("vswhere.exe"));
                } catch (InvalidPathException ignored) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The workload component that brings the MSVC ARM64 (or x64) compilers and linker. */
    public static String vcToolsComponent(String platform) {
        return "ARM64".equalsIgnoreCase(platform)
                ? "Microsoft.VisualStudio.Component.VC.Tools.ARM64"
                : "Microsoft.VisualStudio.Component.VC.Tools.x86.x64";
    }

    /** vswhere's arguments: every product (previews only when asked for), with the component; JSON output. */
    public List<String> command(String platform, Optional<Integer> pinnedMajor) {
        List<String> cmd = new ArrayList<>(List.of(vswhere.toString(), "-products", "*"));
        if (prerelease) {
            cmd.add("-prerelease");
        }
        cmd.addAll(List.of("-requires", vcToolsComponent(platform), "-format", "json", "-utf8", "-nologo"));
        pinnedMajor.ifPresent(major -> cmd.addAll(List.of("-version", "[" + major + "," + (major + 1) + ")")));
        return cmd;
    }

    /** The newest instance, or a {@link ToolException} that says what to install. */
    public VisualStudioInstance locate(String platform, Optional<Integer> pinnedMajor) throws ToolException {
        return locateAll(platform, pinnedMajor).get(0);
    }

    /** Every instance, newest first (never empty), or a {@link ToolException} that says what to install. */
    public List<VisualStudioInstance> locateAll(String platform, Optional<Integer> pinnedMajor) throws ToolException {
        StringBuilder json = new StringBuilder();
        runner.runChecked(
                ToolRun.of("vswhere", Path.of(".").toAbsolutePath(), command(platform, pinnedMajor)),
                line -> json.append(line).append('\n'));
        List<VisualStudioInstance> instances = new ArrayList<>(parse(json.toString()));
        if (instances.isEmpty()) {
            throw new ToolException("vswhere found no Visual Studio"
                    + pinnedMajor.map(m -> " " + m).orElse("")
                    + " with " + vcToolsComponent(platform) + ": install the 'MSVC " + platform
                    + " build tools' component with the Visual Studio Installer"
                    + (prerelease ? "" : " (previews are not considered unless -Dhotpatch.vsPrerelease=true)"));
        }
        instances.sort((a, b) -> compareVersions(b.installationVersion(), a.installationVersion()));
        return List.copyOf(instances);
    }

    static List<VisualStudioInstance> parse(String json) throws ToolException {
        List<VisualStudioInstance> result = new ArrayList<>();
        Object root;
        try {
            root = JsonReader.parse(json.isBlank() ? "[]" : json);
        } catch (JsonSyntaxException e) {
            throw new ToolException("vswhere printed output that is not JSON: " + e.getMessage());
        }
        if (!(root instanceof List<?> instances)) {
            throw new ToolException(
                    "vswhere printed a JSON " + JsonReader.typeName(root) + ", expected a JSON array of instances");
        }
        for (Object node : instances) {
            if (node instanceof Map<?, ?> instance
                    && instance.get("installationPath") instanceof String path
                    && instance.get("installationVersion") instanceof String version
                    && !path.isEmpty()
                    && !version.isEmpty()) {
                try {
                    result.add(new VisualStudioInstance(Path.of(path), version));
                } catch (InvalidPathException e) {
                    throw new ToolException("vswhere printed an installationPath that is not a path: '" + path + "'");
                }
            }
        }
        return result;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? number(x[i]) : 0;
            long q = i < y.length ? number(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long number(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
