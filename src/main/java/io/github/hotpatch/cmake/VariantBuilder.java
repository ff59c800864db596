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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds configured variants: {@code cmake --build}, or MSBuild directly on the target's generated vcxproj. */
public final class VariantBuilder {
    private final HostTools host;
    private final ToolRunner runner;
    private final BuildLog log;

    public VariantBuilder(HostTools host, ToolRunner runner, BuildLog log) {
        this.host = host;
        this.runner = runner;
        this.log = log;
    }

    public void buildAll(BuildRequest request) throws ToolException {
        buildAll(request, RunOptions.serial());
    }

    /** Builds the variants, {@code options.parallel()} at a time; the first failure stops the others. */
    public void buildAll(BuildRequest request, RunOptions options) throws ToolException {
        List<Path> caches = new ArrayList<>();
        for (BuildVariant variant : request.variants()) {
            requireConfigured(request.buildDirectory().resolve(variant.name()), variant);
            CompilerCacheStats.launcherOf(request.buildDirectory().resolve(variant.name()))
                    .filter(c -> !caches.contains(c))
                    .ifPresent(caches::add);
        }
        Map<Path, Map<String, Long>> before = new LinkedHashMap<>();
        for (Path ccache : caches) {
            before.put(ccache, CompilerCacheStats.read(runner, ccache, request.buildDirectory()));
        }
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
                            build(request, variant);
                            return null;
                        }));
        for (Path launcher : caches) {
            Map<String, Long> after = CompilerCacheStats.read(runner, launcher, request.buildDirectory());
            String counts = CompilerCacheStats.describe(before.get(launcher), after);
            log.info("compiler cache " + launcher + " (cache_dir "
                    + CompilerCacheStats.cacheDir(runner, launcher, request.buildDirectory()) + "), this build of "
                    + request.variants().size() + " variant(s): " + counts);
            if (counts.contains("Non-cacheable calls") || counts.contains("no_input_file")) {
                // measured on Debian 12: sccache 0.4 reads /work/... as MSVC's /w option, ccache 4.7.5 any /path
                log.warn("compiler cache: compiles the launcher could not parse were run uncached. With clang-cl on"
                        + " Linux, sccache 0.4 and ccache 4.7 take an absolute source path that begins like an MSVC"
                        + " option (/work/... reads as /w) for that option and find no input file; SCCACHE_LOG=debug or"
                        + " CCACHE_DEBUG=1 shows it. A checkout whose path they parse (measured: /tmp/... with sccache)"
                        + " is cached");
            }
        }
    }

    void build(BuildRequest request, BuildVariant variant) throws ToolException {
        Path dir = request.buildDirectory().resolve(variant.name());
        // Again, now under the variant's lock: another build may have changed the directory since buildAll looked.
        requireConfigured(dir, variant);
        List<String> command = request.builder().equals("msbuild")
                ? MsBuildCommand.of(
                        msbuild(request, variant),
                        findProject(dir, request.target(), variant),
                        request.buildConfig(),
                        variant.arch().platform)
                : cmakeBuildCommand(request.cmakeExecutable(), dir, request.buildConfig(), request.target());
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
        return target.isBlank()
                ? List.of(cmake, "--build", dir.toString(), "--config", config)
                : List.of(cmake, "--build", dir.toString(), "--config", config, "--target", target);
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
