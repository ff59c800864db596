package io.github.hotpatch.msbuild;

import io.github.hotpatch.msbuild.eval.ProjectEvaluator;
import java.nio.file.Path;
import java.util.List;

/**
 * MSBuild on a user's own project: Release of one platform, with the plugin's .targets file as
 * {@code ForceImportAfterCppTargets}. Kept apart from {@link MsBuildCommand} (the generated-project build).
 */
public final class ProjectMsBuildCommand {
    private ProjectMsBuildCommand() {}

    public static List<String> of(Path msbuild, Path project, String platform, Path targets) {
        String file = targets.toString();
        if (file.contains(";") || file.contains("\"")) {
            throw new IllegalArgumentException("the plugin's build directory " + targets.getParent()
                    + " holds ';' or '\"', which an MSBuild /p: value cannot carry; choose another directory");
        }
        return List.of(
                msbuild.toString(),
                project.toString(),
                "/p:Configuration=" + HotpatchTargetsFile.CONFIGURATION,
                "/p:Platform=" + platform,
                "/p:" + ProjectEvaluator.FORCE_IMPORT_AFTER_CPP_TARGETS + "=" + file,
                "/m",
                "/nologo");
    }
}
