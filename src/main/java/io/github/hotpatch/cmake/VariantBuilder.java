package io.github.hotpatch.cmake;

import io.github.hotpatch.msbuild.MsBuildCommand;
import io.github.hotpatch.process.BuildLog;
import io.github.hotpatch.process.ParallelTasks;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.vcxproj.VcxprojLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds configured variants: {@code cmake --build}, or MSBuild directly on the target's generated vcxproj. */
public final class VariantBuilder {
    private final HostTools host;
    private final ToolRunner runner;
    private final BuildLog log;
    private final int cores;

    public VariantBuilder(HostTools host, ToolRunner runner, BuildLog log) {
        this(host, runner, log, Runtime.getRuntime().availableProcessors());
    }

    /** @param cores the cores the variants running at once share (tests pass a fixed number) */
    VariantBuilder(HostTools host, ToolRunner runner, BuildLog log, int cores) {
        this.host = host;
        this.runner = runner;
        this.log = log;
        this.cores = cores;
    }

    public void buildAll(BuildRequest request) throws ToolException {
        buildAll(request, RunOptions.serial());
    }

    /** Builds the variants, {@code options.parallel()} at a time; the first failure stops the others. */
    public void buildAll(BuildRequest request, RunOptions options) throws ToolException {
        for (BuildVariant variant : request.variants()) {
            requireConfigured(request.buildDirectory().resolve(variant.name()), variant);
        }
        // A misspelt or impossible buildConfig, or a target that is no DLL, is one configuration error up front.
        ReplyCheck.requireAll(
                request.buildDirectory(),
                request.variants(),
                Optional.of(request.buildConfig()),
                request.target(),
                "hotpatch:build");
        int jobs = jobsPerBuild(
                cores, Math.min(options.parallel(), request.variants().size()));
        ParallelTasks.run(
                request.variants(),
                options.parallel(),
                BuildVariant::name,
                variant -> BuildDirectoryLock.whileHolding(
                        request.buildDirectory().resolve(variant.name()),
                        variant.name(),
                        options.lockWait(),
                        log,
                        () -> {
                            build(request, variant, jobs);
                            return null;
                        }));
    }

    /**
     * The {@code --parallel} each {@code cmake --build} gets when {@code atOnce} variants build at the same time: its
     * share of the cores, at least 1, so that two Ninjas do not each start cores + 2 jobs on the same cores. 0 (no
     * {@code --parallel}, the build tool's own default) when only one variant runs.
     */
    static int jobsPerBuild(int cores, int atOnce) {
        return atOnce <= 1 ? 0 : Math.max(1, cores / atOnce);
    }

    void build(BuildRequest request, BuildVariant variant, int jobs) throws ToolException {
        Path dir = request.buildDirectory().resolve(variant.name());
        // Again, now under the variant's lock: another build may have changed the directory since buildAll looked.
        requireConfigured(dir, variant);
        List<String> command = request.builder() == Builder.MSBUILD
                ? MsBuildCommand.of(
                        msbuild(request, variant),
                        findProject(dir, request.target(), variant),
                        request.buildConfig(),
                        variant.arch().platform)
                : cmakeBuildCommand(request.cmakeExecutable(), dir, request.buildConfig(), request.target(), jobs);
        ToolRun run = ToolRun.of(variant.name(), dir, command).withTimeout(request.toolTimeout());
        log.info("[" + variant.name() + "] " + run.displayCommand());
        runner.runChecked(run, log.prefixed(variant.name()));
    }

    private static void requireConfigured(Path dir, BuildVariant variant) throws ToolException {
        if (!Files.isRegularFile(dir.resolve("CMakeCache.txt"))) {
            throw new ToolException("[" + variant.name() + "] is not configured: " + dir + " has no CMakeCache.txt;"
                    + " run hotpatch:configure first");
        }
        CMakeCacheCheck.check(variant.name(), dir);
    }

    public static List<String> cmakeBuildCommand(String cmake, Path dir, String config, String target) {
        return cmakeBuildCommand(cmake, dir, config, target, 0);
    }

    /** As above, with {@code --parallel jobs} when {@code jobs > 0} (see {@link #jobsPerBuild}). */
    public static List<String> cmakeBuildCommand(String cmake, Path dir, String config, String target, int jobs) {
        List<String> command = new ArrayList<>(List.of(cmake, "--build", dir.toString(), "--config", config));
        if (!target.isBlank()) {
            command.add("--target");
            command.add(target);
        }
        if (jobs > 0) {
            command.add("--parallel");
            command.add(Integer.toString(jobs));
        }
        return List.copyOf(command);
    }

    private Path msbuild(BuildRequest request, BuildVariant variant) throws ToolException {
        if (request.msbuildExecutable().isPresent()) {
            return request.msbuildExecutable().get();
        }
        Optional<Path> onPath = host.finder().find("MSBuild");
        if (onPath.isPresent() && !host.windows()) {
            return onPath.get();
        }
        return host.visualStudio(variant.arch().platform, request.vsVersion()).msbuildExecutable();
    }

    /** The target's vcxproj, written by the Visual Studio generator somewhere below the build directory. */
    static Path findProject(Path dir, String target, BuildVariant variant) throws ToolException {
        String name = target.isBlank() ? "ALL_BUILD" : target;
        try {
            return VcxprojLocator.find(dir, name)
                    .orElseThrow(() -> new ToolException("[" + variant.name() + "] no " + name + ".vcxproj under " + dir
                            + ": builder=msbuild needs a project generated by a Visual Studio generator"));
        } catch (IOException e) {
            throw new ToolException("[" + variant.name() + "] cannot search " + dir + ": " + e.getMessage());
        }
    }
}
