package io.github.hotpatch.cmake;

import io.github.hotpatch.msbuild.MsBuildCommand;
import io.github.hotpatch.msbuild.VisualStudioGenerator;
import io.github.hotpatch.msbuild.VisualStudioInstance;
import io.github.hotpatch.process.BuildLog;
import io.github.hotpatch.process.IoMessages;
import io.github.hotpatch.process.ParallelTasks;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.vcxproj.VcxprojLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
                ? msbuildCommand(request, variant, dir)
                : cmakeBuildCommand(
                        cmake(request, variant).toString(), dir, request.buildConfig(), request.target(), jobs);
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

    /** The cmake to run: the path given, or the one found on PATH (never the bare name, searched again by the OS). */
    private Path cmake(BuildRequest request, BuildVariant variant) throws ToolException {
        return new GeneratorResolver(host, runner)
                .findCmake(request.cmakeExecutable())
                .orElseThrow(() -> new ToolException("[" + variant.name() + "] cmake not found: "
                        + request.cmakeExecutable() + " is not on PATH or not executable"));
    }

    /**
     * MSBuild from the Visual Studio installation CMake configured the variant with ({@code CMAKE_GENERATOR_INSTANCE}
     * in its cache), with that Visual Studio's {@code VisualStudioVersion}, as CMake's own build command runs it.
     */
    private List<String> msbuildCommand(BuildRequest request, BuildVariant variant, Path dir) throws ToolException {
        Map<String, String> cache;
        try {
            cache = CMakeCacheEntries.read(dir.resolve(CMakeCacheCheck.FILE_NAME));
        } catch (IOException e) {
            throw new ToolException("[" + variant.name() + "] cannot read " + dir.resolve(CMakeCacheCheck.FILE_NAME)
                    + ": " + IoMessages.describe(e));
        }
        Optional<VisualStudioGenerator> generator =
                VisualStudioGenerator.forName(cache.getOrDefault("CMAKE_GENERATOR", ""));
        Path msbuild = request.msbuildExecutable().isPresent()
                ? request.msbuildExecutable().get()
                : msbuild(request, variant, dir, cache, generator);
        return MsBuildCommand.of(
                msbuild,
                findProject(dir, request.target(), variant),
                request.buildConfig(),
                variant.arch().platform,
                generator.map(VisualStudioGenerator::visualStudioVersion));
    }

    private Path msbuild(
            BuildRequest request,
            BuildVariant variant,
            Path dir,
            Map<String, String> cache,
            Optional<VisualStudioGenerator> generator)
            throws ToolException {
        String instance = cache.getOrDefault("CMAKE_GENERATOR_INSTANCE", "").trim();
        if (!instance.isEmpty()) {
            // CMake writes the path with forward slashes; read in the file system the build directory lives in.
            Path installation = instanceDirectory(dir, instance, variant);
            Path exe = new VisualStudioInstance(installation, "").msbuildExecutable(host.hostArch());
            if (!Files.isRegularFile(exe)) {
                throw new ToolException(
                        "[" + variant.name() + "] " + exe + " does not exist: the variant was configured"
                                + " with the Visual Studio at " + instance + " (CMAKE_GENERATOR_INSTANCE in " + dir
                                + "), which has no MSBuild now. Configure again (-Dhotpatch.force=true) or set"
                                + " -Dhotpatch.msbuildExecutable");
            }
            return exe;
        }
        Optional<Path> onPath = host.finder().find("MSBuild");
        if (onPath.isPresent() && !host.windows()) {
            return onPath.get();
        }
        Optional<Integer> pin = generator.map(VisualStudioGenerator::major).or(request::vsVersion);
        return host.visualStudio(variant.arch().platform, pin).msbuildExecutable(host.hostArch());
    }

    /** {@code CMAKE_GENERATOR_INSTANCE} ({@code <path>} or {@code <path>,version=...}) as a directory of {@code dir}'s file system. */
    static Path instanceDirectory(Path dir, String instance, BuildVariant variant) throws ToolException {
        int comma = instance.indexOf(',');
        String path = comma < 0 ? instance : instance.substring(0, comma);
        try {
            return dir.getFileSystem().getPath(path);
        } catch (InvalidPathException e) {
            throw new ToolException("[" + variant.name() + "] CMAKE_GENERATOR_INSTANCE in " + dir + " is not a path: '"
                    + instance + "'");
        }
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
