package io.github.hotpatch.msbuild;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** MSBuild run directly on a generated project, as a Visual Studio build of one configuration would. */
public final class MsBuildCommand {
    private MsBuildCommand() {}

    /**
     * @param visualStudioVersion e.g. {@code 17.0}: the Visual Studio whose toolset the project was generated for, as
     *     CMake's own build command passes it
     */
    public static List<String> of(
            Path msbuild, Path project, String configuration, String platform, Optional<String> visualStudioVersion) {
        List<String> cmd = new ArrayList<>(List.of(
                msbuild.toString(),
                project.toString(),
                "/p:Configuration=" + configuration,
                "/p:Platform=" + platform));
        visualStudioVersion.ifPresent(v -> cmd.add("/p:VisualStudioVersion=" + v));
        // No node reuse: MSBuild nodes left running hold files and the output pipe after the build (MSBuild's advice
        // for CI machines).
        cmd.addAll(List.of("/m", "/nr:false", "/nologo"));
        return cmd;
    }

    public static List<String> of(Path msbuild, Path project, String configuration, String platform) {
        return of(msbuild, project, configuration, platform, Optional.empty());
    }
}
