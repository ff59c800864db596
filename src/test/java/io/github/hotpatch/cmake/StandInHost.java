package io.github.hotpatch.cmake;

import io.github.hotpatch.msbuild.VisualStudioInstance;
import io.github.hotpatch.msbuild.VisualStudioLocator;
import io.github.hotpatch.process.ExecutableFinder;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.testing.StandIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A host whose PATH is a test directory of stand-in executables, and that may claim to be Windows. */
final class StandInHost implements HostTools {
    private final boolean windows;
    private final ExecutableFinder finder;
    private final Path vswhere;
    private final boolean vsPrerelease;
    private final String hostArch;

    StandInHost(boolean windows, Path pathDir, Path vswhere) {
        this(windows, pathDir, vswhere, false, "amd64");
    }

    StandInHost(boolean windows, Path pathDir, Path vswhere, boolean vsPrerelease, String hostArch) {
        this.windows = windows;
        this.finder = new ExecutableFinder(List.of(pathDir), StandIn.onWindows());
        this.vswhere = vswhere;
        this.vsPrerelease = vsPrerelease;
        this.hostArch = hostArch;
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
        return new VisualStudioLocator(new ToolRunner(), vswhere, vsPrerelease).locateAll(platform, pinnedMajor);
    }

    @Override
    public String hostArch() {
        return hostArch;
    }
}
