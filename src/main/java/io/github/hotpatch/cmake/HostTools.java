package io.github.hotpatch.cmake;

import io.github.hotpatch.msbuild.VisualStudioInstance;
import io.github.hotpatch.process.ExecutableFinder;
import io.github.hotpatch.process.ToolException;
import java.util.List;
import java.util.Optional;

/**
 * What the host offers: its OS, its PATH, and (on Windows) a way to find Visual Studio. Tests replace
 * these with stand-ins at the process boundary.
 */
public interface HostTools {
    boolean windows();

    ExecutableFinder finder();

    /**
     * The Visual Studio installations with C++ tools for {@code platform}, newest first, never empty (or a
     * {@link ToolException} saying what to install); only asked on Windows.
     */
    List<VisualStudioInstance> visualStudios(String platform, Optional<Integer> pinnedMajor) throws ToolException;

    /** The newest Visual Studio with C++ tools for {@code platform}; only asked on Windows. */
    default VisualStudioInstance visualStudio(String platform, Optional<Integer> pinnedMajor) throws ToolException {
        return visualStudios(platform, pinnedMajor).get(0);
    }

    /** The host's architecture as the JVM names it ({@code os.arch}: amd64, aarch64), for MSBuild's host folder. */
    default String hostArch() {
        return System.getProperty("os.arch", "");
    }
}
