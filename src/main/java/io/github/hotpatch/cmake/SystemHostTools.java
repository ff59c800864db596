package io.github.hotpatch.cmake;

import io.github.hotpatch.msbuild.VisualStudioInstance;
import io.github.hotpatch.msbuild.VisualStudioLocator;
import io.github.hotpatch.process.ExecutableFinder;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine this build runs on: its OS, its PATH and its vswhere. */
public final class SystemHostTools implements HostTools {
    private final boolean windows;
    private final ExecutableFinder finder;
    private final Optional<Path> vswhere;
    private final ToolRunner runner;

    /**
     * @param vswhere vswhere.exe to use, or empty for the one on PATH / in the Visual Studio Installer folder
     */
    public SystemHostTools(ExecutableFinder finder, boolean windows, Optional<Path> vswhere, ToolRunner runner) {
        this.finder = finder;
        this.windows = windows;
        this.vswhere = vswhere;
        this.runner = runner;
    }

    public static SystemHostTools current(Optional<Path> vswhere, ToolRunner runner) {
        return new SystemHostTools(
                ExecutableFinder.fromEnvironment(),
                System.getProperty("os.name", "").toLowerCase().startsWith("windows"),
                vswhere,
                runner);
    }

    @Override
    public boolean windows() {
        return windows;
    }

    @Override
    public ExecutableFinder finder() {
        return finder;
    }

    @Override
    public VisualStudioInstance visualStudio(String platform, Optional<Integer> pinnedMajor) throws ToolException {
        Path exe =
                vswhere.or(() -> finder.find("vswhere")).orElseGet(() -> Path.of(VisualStudioLocator.DEFAULT_VSWHERE));
        if (!Files.isRegularFile(exe)) {
            throw new ToolException(
                    "vswhere not found (looked for " + exe + "): install Visual Studio 2022 or newer with" + " the C++ "
                            + platform + " build tools, or set -Dhotpatch.vswhereExecutable / -Dhotpatch.generator");
        }
        return new VisualStudioLocator(runner, exe).locate(platform, pinnedMajor);
    }
}
