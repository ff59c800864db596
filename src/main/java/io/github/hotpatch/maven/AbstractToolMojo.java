package io.github.hotpatch.maven;

import io.github.hotpatch.cmake.RunOptions;
import io.github.hotpatch.cmake.SystemHostTools;
import io.github.hotpatch.process.ParallelTasks;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import java.io.File;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that run CMake and the build tools (configure, build): which tools, how many at once. */
abstract class AbstractToolMojo extends AbstractVariantsMojo {

    /** The cmake executable: a name looked up on PATH, or a path. */
    @Parameter(property = "hotpatch.cmakeExecutable", defaultValue = "cmake")
    String cmakeExecutable;

    /** How many variants configure/build at once; 0 = one per core, at most the number of variants. */
    @Parameter(property = "hotpatch.parallel", defaultValue = "0")
    int parallel;

    /** Seconds to wait for another build (another Maven run) to release a variant's build directory before failing. */
    @Parameter(property = "hotpatch.lockWait", defaultValue = "600")
    int lockWait;

    /**
     * Seconds one cmake (configure) or build run of a variant may take before it and every process it started are
     * killed and the goal fails; 0 = the default limit of 4 hours.
     */
    @Parameter(property = "hotpatch.timeout", defaultValue = "0")
    int timeout;

    /** Pins the Visual Studio major version (17 = 2022, 18 = 2026) that vswhere may choose. */
    @Parameter(property = "hotpatch.vsVersion")
    Integer vsVersion;

    /** Let vswhere offer preview (prerelease) installations of Visual Studio too; off: only released ones. */
    @Parameter(property = "hotpatch.vsPrerelease", defaultValue = "false")
    boolean vsPrerelease;

    /** vswhere.exe to use (default: on PATH, else %ProgramFiles(x86)%\Microsoft Visual Studio\Installer). */
    @Parameter(property = "hotpatch.vswhereExecutable")
    File vswhereExecutable;

    RunOptions runOptions(int variantCount, boolean force) throws MojoExecutionException {
        if (parallel < 0 || lockWait < 0) {
            throw new MojoExecutionException("hotpatch.parallel and hotpatch.lockWait must not be negative (parallel="
                    + parallel + ", lockWait=" + lockWait + ")");
        }
        int degree = parallel == 0
                ? ParallelTasks.defaultParallelism(variantCount)
                : Math.min(parallel, Math.max(1, variantCount));
        return new RunOptions(degree, force, Duration.ofSeconds(lockWait));
    }

    /** The {@code timeout} parameter as a time limit: 0 means {@link ToolRun#DEFAULT_TIMEOUT}. */
    Duration toolTimeout() throws MojoExecutionException {
        if (timeout < 0) {
            throw new MojoExecutionException(
                    "timeout must be 0 (the default limit of 4 hours) or a number of seconds," + " not " + timeout);
        }
        return timeout == 0 ? ToolRun.DEFAULT_TIMEOUT : Duration.ofSeconds(timeout);
    }

    /** This machine's tools, with the vswhere the user named (if any). */
    SystemHostTools host(ToolRunner runner) {
        return SystemHostTools.current(
                Optional.ofNullable(vswhereExecutable).map(File::toPath), vsPrerelease, runner, buildLog());
    }
}
