package io.github.hotpatch.msbuild;

import io.github.hotpatch.profile.Arch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a build of a user's own MSBuild project (no CMake) was given.
 *
 * @param project          the user's .vcxproj or .sln; never written to
 * @param arch             the platform built in Release
 * @param flags            the hotpatch flags appended to Release|arch
 * @param targetsDirectory the plugin's own directory the .targets file is written into
 * @param environment      the environment MSBuild sees (the evaluator reads it as properties)
 * @param timeout          how long MSBuild may run before it and its children are killed
 */
public record ProjectBuildRequest(
        Path project,
        Arch arch,
        List<String> flags,
        Path targetsDirectory,
        Map<String, String> environment,
        Duration timeout) {
    public ProjectBuildRequest {
        project = project.toAbsolutePath().normalize();
        Objects.requireNonNull(arch, "arch");
        flags = List.copyOf(flags);
        targetsDirectory = targetsDirectory.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
    }
}
