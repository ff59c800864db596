package io.github.hotpatch.msbuild;

import java.nio.file.Path;
import java.util.List;

/** MSBuild run directly on a generated project, as a Visual Studio build of one configuration would. */
public final class MsBuildCommand {
    private MsBuildCommand() {}

    public static List<String> of(Path msbuild, Path project, String configuration, String platform) {
        return List.of(
                msbuild.toString(),
                project.toString(),
                "/p:Configuration=" + configuration,
                "/p:Platform=" + platform,
                "/m",
                "/nologo");
    }
}
