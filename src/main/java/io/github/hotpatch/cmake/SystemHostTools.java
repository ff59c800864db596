package io.github.hotpatch.cmake;

import io.github.hotpatch.msbuild.VisualStudioInstance;
import io.github.hotpatch.msbuild.VisualStudioLocator;
import io.github.hotpatch.process.BuildLog;
import io.github.hotpatch.process.ExecutableFinder;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine this build runs on: its OS, its PATH and its vswhere. */
public final class SystemHostTools implements HostTools {
    private final boolean windows;
    private final ExecutableFinder finder;
    private final Optional<Path> vswhere;
    private final boolean vsPrerelease;
    private final ToolRunner runner;

    /**
     * @param vswhere vswhere.exe to use, or empty for the one on PATH / in the Visual Studio Installer folder
     */
    public SystemHostTools(ExecutableFinder finder, boolean windows, Optional<Path> vswhere, ToolRunner runner) {
        this(finder, windows, vswhere, false, runner);
    }

    /** @param vsPrerelease let vswhere offer preview installations of Visual Studio too */
    public SystemHostTools(
            ExecutableFinder finder, boolean windows, Optional<Path> vswhere, boolean vsPrerelease, ToolRunner runner) {
        this.finder = finder;
        this.windows = windows;
        this.vswhere = vswhere;
        this.vsPrerelease = vsPrerelease;
        this.runner = runner;
    }

    public static SystemHostTools current(Optional<Path> vswhere, ToolRunner runner) {
        return current(vswhere, false, runner, null);
    }

    /**
     * This machine; PATH entries that are no path here are reported to {@code log} once (null: not reported).
     *
     * @param vsPrerelease let vswhere offer preview installations of Visual Studio too
     */
    public static SystemHostTools current(
            Optional<Path> vswhere, boolean vsPrerelease, ToolRunner runner, BuildLog log) {
        return new SystemHostTools(
                ExecutableFinder.fromEnvironment(log == null ? w -> {} : log::warn),
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"),
                vswhere,
                vsPrerelease,
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
    public List<VisualStudioInstance> visualStudios(String platform, Optional<Integer> pinnedMajor)
            throws ToolException {
        Optional<Path> exe = vswhere.or(() -> finder.find("vswhere"))
                .or(() -> VisualStudioLocator.defaultVswhere(System.getenv(), FileSystems.getDefault()));
        if (exe.isEmpty() || !Files.isRegularFile(exe.get())) {
            throw new ToolException("vswhere not found (looked on PATH and "
                    + exe.map(Path::toString)
                            .orElse("in %" + VisualStudioLocator.PROGRAM_FILES_X86 + "%, which is not set")
                    + "): install Visual Studio 2022 or newer with the C++ " + platform
                    + " build tools, or set -Dhotpatch.vswhereExecutable / -Dhotpatch.generator");
        }
        return new VisualStudioLocator(runner, exe.get(), vsPrerelease).locateAll(platform, pinnedMajor);
    }
}
