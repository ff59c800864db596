package io.github.hotpatch.msbuild;

import io.github.hotpatch.msbuild.eval.EvaluatedConfiguration;
import io.github.hotpatch.msbuild.eval.ProjectEvaluator;
import io.github.hotpatch.process.BuildLog;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.vcxproj.ProjectConfiguration;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a user's own .vcxproj or .sln in Release for one platform with the hotpatch flags, without editing it:
 * evaluates each C++ project for an existing {@code ForceImportAfterCppTargets}, writes the plugin's
 * {@link HotpatchTargetsFile} (importing that one first), and runs MSBuild with
 * {@code /p:ForceImportAfterCppTargets=<file>}.
 */
public final class ProjectBuilder {

    /** Finds MSBuild.exe for a platform (the parameter, PATH, or vswhere; decided by the caller). */
    @FunctionalInterface
    public interface MsBuildResolver {
        Path resolve(String platform) throws ToolException;
    }

    private final ToolRunner runner;
    private final BuildLog log;
    private final MsBuildResolver msbuild;

    public ProjectBuilder(ToolRunner runner, BuildLog log, MsBuildResolver msbuild) {
        this.runner = runner;
        this.log = log;
        this.msbuild = msbuild;
    }

    /** Writes the .targets file, runs MSBuild; returns the .targets file. */
    public Path build(ProjectBuildRequest request) throws ToolException {
        Path targets = writeTargets(request);
        List<String> command = ProjectMsBuildCommand.of(
                msbuild.resolve(request.arch().platform), request.project(), request.arch().platform, targets);
        String label = request.project().getFileName().toString();
        ToolRun run = ToolRun.of(label, request.project().getParent(), command).withTimeout(request.timeout());
        log.info("[" + label + "] " + run.displayCommand());
        runner.runChecked(run, log.prefixed(label));
        return targets;
    }

    /** The .targets file for {@code request}, written into the plugin's directory (the project is only read). */
    public static Path writeTargets(ProjectBuildRequest request) throws ToolException {
        ProjectConfiguration release =
                new ProjectConfiguration(HotpatchTargetsFile.CONFIGURATION, request.arch().platform);
        Map<Path, Path> previous = new LinkedHashMap<>();
        try {
            for (Path project : SolutionProjects.of(request.project())) {
                ProjectEvaluator evaluator = new ProjectEvaluator(request.environment(), Map.of());
                EvaluatedConfiguration c = evaluator.evaluate(project, release);
                Optional<String> own = c.property(ProjectEvaluator.FORCE_IMPORT_AFTER_CPP_TARGETS)
                        .map(String::trim)
                        .filter(v -> !v.isEmpty());
                if (own.isPresent()) {
                    Path file = resolve(project, own.get());
                    previous.put(project, file);
                }
            }
            return HotpatchTargetsFile.write(
                    request.targetsDirectory(), request.project(), request.arch(), request.flags(), previous);
        } catch (IOException e) {
            throw new ToolException("cannot prepare the MSBuild build of " + request.project() + ": " + e.getMessage());
        }
    }

    private static Path resolve(Path project, String value) throws IOException {
        try {
            Path p = Path.of(value.replace('\\', '/'));
            return (p.isAbsolute() ? p : project.getParent().resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw new IOException(
                    project + ": ForceImportAfterCppTargets is '" + value + "', which is not a path here");
        }
    }
}
