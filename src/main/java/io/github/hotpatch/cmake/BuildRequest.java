package io.github.hotpatch.cmake;

import io.github.hotpatch.process.ToolRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code hotpatch:build} was given.
 *
 * @param buildDirectory    parent of the variants' build directories
 * @param variants          the variants to build (each configured before)
 * @param buildConfig       e.g. Release
 * @param target            the CMake target, e.g. msquic
 * @param builder           {@code cmake --build} or MSBuild on the generated vcxproj
 * @param cmakeExecutable   "cmake" or a path
 * @param msbuildExecutable MSBuild.exe to use instead of the one vswhere finds
 * @param vsVersion         pin Visual Studio's major version for vswhere
 * @param toolTimeout       how long one variant's build may run before the builder (and its children) is killed
 */
public record BuildRequest(
        Path buildDirectory,
        List<BuildVariant> variants,
        String buildConfig,
        String target,
        Builder builder,
        String cmakeExecutable,
        Optional<Path> msbuildExecutable,
        Optional<Integer> vsVersion,
        Duration toolTimeout) {

    public BuildRequest {
        buildDirectory = buildDirectory.toAbsolutePath().normalize();
        variants = List.copyOf(variants);
        Objects.requireNonNull(buildConfig, "buildConfig");
        if (buildConfig.isBlank() || !buildConfig.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("invalid buildConfig '" + buildConfig
                    + "': expected a configuration name" + " such as Release or Debug");
        }
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(cmakeExecutable, "cmakeExecutable");
        Objects.requireNonNull(msbuildExecutable, "msbuildExecutable");
        Objects.requireNonNull(vsVersion, "vsVersion");
        Objects.requireNonNull(toolTimeout, "toolTimeout");
        if (toolTimeout.isNegative() || toolTimeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + toolTimeout);
        }
    }

    /** A request whose builds may take {@link ToolRun#DEFAULT_TIMEOUT}. */
    public BuildRequest(
            Path buildDirectory,
            List<BuildVariant> variants,
            String buildConfig,
            String target,
            Builder builder,
            String cmakeExecutable,
            Optional<Path> msbuildExecutable,
            Optional<Integer> vsVersion) {
        this(
                buildDirectory,
                variants,
                buildConfig,
                target,
                builder,
                cmakeExecutable,
                msbuildExecutable,
                vsVersion,
                ToolRun.DEFAULT_TIMEOUT);
    }
}
