package io.github.hotpatch.cmake;

import io.github.hotpatch.msbuild.VisualStudioInstance;
import io.github.hotpatch.process.ExecutableFinder;
import io.github.hotpatch.process.ToolException;
import java.util.Optional;

/**
 * What the host offers: its OS, its PATH, and (on Windows) a way to find Visual Studio. Tests replace
 * these with stand-ins at the process boundary.
 */
public interface HostTools {
    boolean windows();

    ExecutableFinder finder();

    /** The newest Visual Studio with C++ tools for {@code platform}; only asked on Windows. */
    VisualStudioInstance visualStudio(String platform, Optional<Integer> pinnedMajor) throws ToolException;
}
