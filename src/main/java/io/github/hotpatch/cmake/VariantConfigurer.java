package io.github.hotpatch.cmake;

import io.github.hotpatch.fileapi.FileApiQuery;
import io.github.hotpatch.process.BuildLog;
import io.github.hotpatch.process.IoMessages;
import io.github.hotpatch.process.ParallelTasks;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.VariantState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configures each variant with CMake: writes the File API query, the toolchain file (cross builds) and the
 * project-include file carrying the hotpatch flags, then runs cmake with an argument array.
 */
public final class VariantConfigurer {
    private static final String PROJECT_INCLUDE = "CMAKE_PROJECT_INCLUDE";

    private final HostTools host;
    private final ToolRunner runner;
    private final BuildLog log;
    private final CMakeVersionCache versionCache;

    public VariantConfigurer(HostTools host, ToolRunner runner, BuildLog log) {
        this(host, runner, log, CMakeVersionCache.none());
    }

    /** @param versionCache where the checked cmake version is remembered between runs */
    public VariantConfigurer(HostTools host, ToolRunner runner, BuildLog log, CMakeVersionCache versionCache) {
        this.host = host;
        this.runner = runner;
        this.log = log;
        this.versionCache = versionCache;
    }

    /** Configures every variant of the request, one after the other; stops at the first failure. */
    public List<VariantState> configureAll(ConfigureRequest request) throws ToolException {
        return configureAll(request, RunOptions.serial());
    }

    /**
     * Configures the variants, {@code options.parallel()} at a time; the first failure stops the others. A variant
     * whose inputs did not change since its last successful configure is skipped unless {@code options.force()}.
     */
    public List<VariantState> configureAll(ConfigureRequest request, RunOptions options) throws ToolException {
        checkDirectories(request);
        GeneratorSetup setup = new GeneratorResolver(host, runner, versionCache).resolve(request);
        for (BuildVariant variant : request.variants()) {
            // A damaged cache is reported before anything runs; the plugin never deletes it on its own.
            CMakeCacheCheck.check(variant.name(), request.variantDirectory(variant), request.sourceDirectory());
        }
        return ParallelTasks.run(
                request.variants(),
                options.parallel(),
                BuildVariant::name,
                variant -> BuildDirectoryLock.whileHolding(
                        request.variantDirectory(variant),
                        variant.name(),
                        options.lockWait(),
                        log,
                        () -> configure(request, setup, variant, options.force())));
    }

    /** The profile for a variant under this setup (before the user's hotpatchFlags override). */
    public static HotpatchProfile profileFor(ConfigureRequest request, GeneratorSetup setup, BuildVariant variant) {
        HotpatchProfile profile = HotpatchProfile.of(variant.arch(), setup.linker());
        return request.hotpatchFlags().isEmpty() ? profile : profile.withFlags(request.hotpatchFlags());
    }

    VariantState configure(ConfigureRequest request, GeneratorSetup setup, BuildVariant variant, boolean force)
            throws ToolException {
        Path dir = request.variantDirectory(variant);
        Optional<HotpatchProfile> profile =
                request.hotpatch() ? Optional.of(profileFor(request, setup, variant)) : Optional.empty();
        Map<String, String> entries = new LinkedHashMap<>(request.cacheEntries());
        entries.putAll(variant.cacheEntries());
        Optional<String> userInclude = removeEntry(entries, PROJECT_INCLUDE);
        List<String> command;
        String stamp;
        try {
            Files.createDirectories(dir);
            FileApiQuery.write(dir);
            List<Path> generated = new ArrayList<>();
            Optional<Path> toolchain = request.toolchainFile();
            if (setup.llvmToolchain().isPresent()) {
                toolchain = Optional.of(CMakeScript.writeIfChanged(
                        dir.resolve("hotpatch-toolchain.cmake"),
                        setup.llvmToolchain().get().render(variant.arch())));
                generated.add(toolchain.get());
            } else {
                toolchain.filter(Files::isRegularFile).ifPresent(generated::add);
            }
            Path include =
                    ProjectIncludeFile.write(dir, ProjectIncludeFile.render(variant.name(), profile, userInclude));
            generated.add(include);
            command = configureCommand(request, setup, variant, toolchain, include, entries);
            stamp = ConfigureStamp.of(command, generated);
            Optional<String> why = ConfigureStamp.whyConfigure(dir, stamp);
            if (why.isEmpty() && !force) {
                log.info(
                        "[" + variant.name() + "] configure skipped: up to date (same cmake command line, toolchain and"
                                + " hotpatch flags as the last successful configure; CMake re-runs itself during the build if a"
                                + " CMakeLists.txt changed). -Dhotpatch.force=true reconfigures.");
                return VariantState.read(dir);
            }
            log.info("[" + variant.name() + "] configuring: " + (force ? "forced (hotpatch.force)" : why.get()));
            ConfigureStamp.delete(dir);
        } catch (IOException e) {
            throw new ToolException(
                    "[" + variant.name() + "] cannot prepare build directory " + dir + ": " + IoMessages.describe(e));
        }
        profile.ifPresentOrElse(
                p -> {
                    log.info("[" + variant.name() + "] " + variant.arch() + " Release hotpatch flags (" + p.linker()
                            + "): " + String.join(" ", p.flags()));
                    p.deviation().ifPresent(d -> log.warn("[" + variant.name() + "] DEVIATION: " + d));
                },
                () -> log.info("[" + variant.name() + "] hotpatch is off: configuring without hotpatch flags"));
        log.info("[" + variant.name() + "] "
                + ToolRun.of(variant.name(), dir, command).displayCommand());
        runner.runChecked(
                ToolRun.of(variant.name(), dir, command).withTimeout(request.toolTimeout()),
                log.prefixed(variant.name()));
        VariantState state = new VariantState(
                variant.name(),
                variant.arch(),
                setup.generator(),
                setup.linker(),
                profile.isPresent(),
                profile.map(HotpatchProfile::flags).orElse(List.of()),
                profile.flatMap(HotpatchProfile::deviation));
        try {
            state.write(dir);
            ConfigureStamp.write(dir, stamp);
        } catch (IOException e) {
            throw new ToolException("[" + variant.name() + "] cannot write " + dir.resolve(VariantState.FILE_NAME)
                    + ": " + IoMessages.describe(e));
        }
        return state;
    }

    /** The cmake argument array for one variant. */
    static List<String> configureCommand(
            ConfigureRequest request,
            GeneratorSetup setup,
            BuildVariant variant,
            Optional<Path> toolchain,
            Path include,
            Map<String, String> entries) {
        List<String> cmd = new ArrayList<>(List.of(
                setup.cmake().toString(), // the cmake that was found and checked, never a name searched again
                "-S",
                request.sourceDirectory().toString(),
                "-B",
                request.variantDirectory(variant).toString(),
                "-G",
                setup.generator()));
        if (setup.visualStudio()) {
            cmd.add("-A");
            cmd.add(variant.arch().platform);
        }
        // The Visual Studio installation and the ninja that were chosen, unless the user set them.
        setup.vsInstance()
                .filter(vs -> !hasEntry(entries, "CMAKE_GENERATOR_INSTANCE"))
                .ifPresent(vs -> cmd.add("-DCMAKE_GENERATOR_INSTANCE=" + vs.installationPath()));
        setup.makeProgram()
                .filter(ninja -> !hasEntry(entries, "CMAKE_MAKE_PROGRAM"))
                .ifPresent(ninja -> cmd.add("-DCMAKE_MAKE_PROGRAM:FILEPATH=" + ninja));
        toolchain.ifPresent(tc -> cmd.add("-DCMAKE_TOOLCHAIN_FILE:FILEPATH=" + tc.toAbsolutePath()));
        if (!setup.multiConfig() && !entries.containsKey("CMAKE_BUILD_TYPE")) {
            cmd.add("-DCMAKE_BUILD_TYPE=Release");
        }
        cmd.add("-D" + PROJECT_INCLUDE + ":FILEPATH=" + include.toAbsolutePath());
        entries.forEach((key, value) -> cmd.add(CacheEntry.define(key, value)));
        return cmd;
    }

    /** The source directory must hold a CMake project and must not lie inside a directory the plugin builds into. */
    static void checkDirectories(ConfigureRequest request) throws ToolException {
        Path source = request.sourceDirectory();
        if (!Files.isDirectory(source)) {
            throw new ToolException("sourceDirectory " + source + " does not exist or is not a directory");
        }
        if (!Files.isRegularFile(source.resolve("CMakeLists.txt"))) {
            throw new ToolException("sourceDirectory " + source + " has no CMakeLists.txt: point sourceDirectory at the"
                    + " native project's top-level directory");
        }
        if (source.startsWith(request.buildDirectory()) && !source.equals(request.buildDirectory())) {
            throw new ToolException("sourceDirectory " + source + " lies inside buildDirectory "
                    + request.buildDirectory() + ": the build directory must not contain the sources");
        }
        if (source.equals(request.buildDirectory())) {
            throw new ToolException("buildDirectory must not be the sourceDirectory " + source);
        }
        for (BuildVariant variant : request.variants()) {
            Path dir = request.variantDirectory(variant);
            if (!dir.getParent().equals(request.buildDirectory())) {
                throw new ToolException(
                        "variant '" + variant.name() + "' would build outside " + request.buildDirectory());
            }
            if (source.startsWith(dir)) {
                throw new ToolException("sourceDirectory " + source + " lies inside the build directory of variant '"
                        + variant.name() + "' (" + dir + ")");
            }
        }
    }

    private static boolean hasEntry(Map<String, String> entries, String name) {
        return entries.keySet().stream().anyMatch(key -> CacheEntry.name(key).equals(name));
    }

    private static Optional<String> removeEntry(Map<String, String> entries, String name) {
        Optional<String> found = Optional.empty();
        for (String key : new ArrayList<>(entries.keySet())) {
            if (CacheEntry.name(key).equals(name)) {
                found = Optional.ofNullable(entries.remove(key)).filter(v -> !v.isBlank());
            }
        }
        return found;
    }
}
