package io.github.hotpatch.cmake;

import io.github.hotpatch.fileapi.FileApiCompileFlags;
import io.github.hotpatch.fileapi.FileApiQuery;
import io.github.hotpatch.fileapi.FileApiReply;
import io.github.hotpatch.fileapi.FileApiReplyReader;
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
    /** The CMake release that brought CMAKE_MSVC_DEBUG_INFORMATION_FORMAT and its policy CMP0141. */
    private static final CMakeVersion DEBUG_FORMAT_CMAKE = new CMakeVersion(3, 25, 0, "3.25");

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
        Optional<CompilerLauncher> launcher = launcher(request, setup);
        return ParallelTasks.run(
                request.variants(),
                options.parallel(),
                BuildVariant::name,
                variant -> BuildDirectoryLock.whileHolding(
                        request.variantDirectory(variant),
                        variant.name(),
                        options.lockWait(),
                        log,
                        () -> configure(request, setup, variant, options.force(), launcher)));
    }

    /**
     * The compiler launcher for this setup, logged: none with a Visual Studio generator (CMake ignores launchers
     * there), and none for {@code auto} when neither sccache nor ccache is on PATH.
     */
    Optional<CompilerLauncher> launcher(ConfigureRequest request, GeneratorSetup setup) throws ToolException {
        String setting = request.compilerLauncher();
        if (setting.equalsIgnoreCase(CompilerLauncher.NONE)) {
            return Optional.empty();
        }
        if (setup.visualStudio()) {
            log.warn("compilerLauncher=" + setting + " is not used: CMake ignores CMAKE_C_COMPILER_LAUNCHER and"
                    + " CMAKE_CXX_COMPILER_LAUNCHER with the Visual Studio generators (" + setup.generator() + "). To"
                    + " cache compiles, configure with -Dhotpatch.generator=Ninja (or \"Ninja Multi-Config\") from a"
                    + " Visual Studio developer prompt, which honours the launcher; or hand MSBuild a cl.exe that is the"
                    + " cache (e.g. a copy of ccache named cl.exe, through /p:CLToolExe=cl.exe /p:CLToolPath=<its"
                    + " directory>)");
            return Optional.empty();
        }
        Optional<CompilerLauncher> launcher = CompilerLauncher.resolve(
                setting, host.finder(), setup.llvmToolchain().isPresent() && !host.windows());
        if (launcher.isPresent()
                && launcher.get().kind().equals("ccache")
                && setup.llvmToolchain().isPresent()
                && !host.windows()) {
            // measured with ccache 4.7.5 (Debian 12): "no_input_file" for every compile CMake's Ninja rules run
            log.warn("compiler cache: ccache in MSVC mode takes an absolute POSIX path ('/work/src/a.c') for an"
                    + " option, so it finds no input file in the clang-cl compiles CMake writes for sources outside the"
                    + " build directory and caches none of them (ccache 4.7.5); sccache handles them"
                    + " (-Dhotpatch.compilerLauncher=sccache, or auto with sccache on PATH)");
        }
        if (launcher.isEmpty()) {
            log.info("compilerLauncher=auto: neither sccache nor ccache is on PATH "
                    + host.finder().searchPath() + "; compiling without a cache");
        } else {
            log.info("compiler cache: " + launcher.get().executable() + " (CMAKE_C_COMPILER_LAUNCHER and"
                    + " CMAKE_CXX_COMPILER_LAUNCHER = " + launcher.get().cmakeList() + "), debug information embedded"
                    + " in the objects (CMAKE_MSVC_DEBUG_INFORMATION_FORMAT=Embedded, /Z7; CMake "
                    + DEBUG_FORMAT_CMAKE + "+, policy CMP0141 NEW unless the project sets it) so the cache can store"
                    + " them; the linker still writes the PDB");
        }
        return launcher;
    }

    /** The cache entries a launcher adds; a cache entry of the user's with the same name wins. */
    static Map<String, String> launcherEntries(Optional<CompilerLauncher> launcher, Map<String, String> userEntries) {
        Map<String, String> added = new LinkedHashMap<>();
        if (launcher.isEmpty()) {
            return added;
        }
        added.put("CMAKE_C_COMPILER_LAUNCHER:STRING", launcher.get().cmakeList());
        added.put("CMAKE_CXX_COMPILER_LAUNCHER:STRING", launcher.get().cmakeList());
        // A compiler cache cannot store /Zi compiles (ccache 4.7 refuses them, FACTS §7); /Z7 puts the same debug
        // information into the object, and the linker still writes the PDB from it.
        added.put("CMAKE_MSVC_DEBUG_INFORMATION_FORMAT:STRING", "Embedded");
        // The format variable needs policy CMP0141 NEW; this only sets the policy when the project leaves it unset
        // (cmake_minimum_required below 3.25), never over the project's own cmake_policy(SET CMP0141 OLD).
        added.put("CMAKE_POLICY_DEFAULT_CMP0141:STRING", "NEW");
        for (String key : userEntries.keySet()) {
            String name = CacheEntry.name(key);
            added.keySet().removeIf(ours -> CacheEntry.name(ours).equals(name));
        }
        return added;
    }

    /**
     * After a configure with a launcher: the compile groups that still carry {@code /Zi} (which the cache refuses),
     * and a CMake too old for the debug-format abstraction, as warnings naming what to change.
     */
    private void checkCacheable(BuildVariant variant, Path dir, CompilerLauncher launcher) {
        String prefix = "[" + variant.name() + "] compiler cache: ";
        try {
            FileApiReply reply = FileApiReplyReader.read(dir);
            Optional<CMakeVersion> version = CMakeVersion.parse(List.of("cmake version " + reply.cmakeVersion()));
            if (version.isPresent() && version.get().isOlderThan(DEBUG_FORMAT_CMAKE)) {
                log.warn(prefix + "CMake " + reply.cmakeVersion() + " has no CMAKE_MSVC_DEBUG_INFORMATION_FORMAT"
                        + " (CMake " + DEBUG_FORMAT_CMAKE + "+, policy CMP0141): debug information stays as the"
                        + " project's flags say");
            }
            List<FileApiCompileFlags.Finding> zi =
                    FileApiCompileFlags.find(reply, t -> t.equals("/Zi") || t.equals("-Zi"));
            if (zi.isEmpty()) {
                log.info(prefix + "no compile group carries /Zi: every compile can be cached");
                return;
            }
            FileApiCompileFlags.Finding first = zi.get(0);
            String example = "e.g. target " + first.target() + " " + first.configuration() + " " + first.language()
                    + ": '" + first.flags() + "'";
            if (launcher.kind().equals("sccache")) {
                // measured: sccache 0.4 stores clang-cl /Zi compiles (clang-cl's /Zi is /Z7); MSVC's cl.exe writes a
                // separate PDB with /Zi, which sccache's documentation says it cannot cache
                log.info(prefix + zi.size() + " compile group(s) compile with /Zi (" + example + "): sccache caches"
                        + " those with clang-cl, not with MSVC's cl.exe; select debug information with"
                        + " CMAKE_MSVC_DEBUG_INFORMATION_FORMAT, or use /Z7, where cl.exe compiles them");
                return;
            }
            log.warn(prefix + zi.size() + " compile group(s) still compile with /Zi, which " + launcher.kind()
                    + " cannot cache (measured: ccache 4.7 unsupported_compiler_option), " + example + ". Either the"
                    + " project sets policy CMP0141 to OLD (then CMake ignores CMAKE_MSVC_DEBUG_INFORMATION_FORMAT), or"
                    + " it adds /Zi itself (CMAKE_<LANG>_FLAGS_<CONFIG>, add_compile_options): select debug"
                    + " information with CMAKE_MSVC_DEBUG_INFORMATION_FORMAT instead, or use /Z7 there");
        } catch (IOException | RuntimeException e) {
            log.warn(prefix + "cannot read the compile flags from the CMake File API reply in " + dir + ": "
                    + e.getMessage());
        }
    }

    /** The profile for a variant under this setup (before the user's hotpatchFlags override). */
    public static HotpatchProfile profileFor(ConfigureRequest request, GeneratorSetup setup, BuildVariant variant) {
        HotpatchProfile profile = HotpatchProfile.of(variant.arch(), setup.linker());
        return request.hotpatchFlags().isEmpty() ? profile : profile.withFlags(request.hotpatchFlags());
    }

    VariantState configure(ConfigureRequest request, GeneratorSetup setup, BuildVariant variant, boolean force)
            throws ToolException {
        return configure(request, setup, variant, force, launcher(request, setup));
    }

    VariantState configure(
            ConfigureRequest request,
            GeneratorSetup setup,
            BuildVariant variant,
            boolean force,
            Optional<CompilerLauncher> launcher)
            throws ToolException {
        Path dir = request.variantDirectory(variant);
        Optional<HotpatchProfile> profile =
                request.hotpatch() ? Optional.of(profileFor(request, setup, variant)) : Optional.empty();
        Map<String, String> userEntries = new LinkedHashMap<>(request.cacheEntries());
        userEntries.putAll(variant.cacheEntries());
        Map<String, String> entries = launcherEntries(launcher, userEntries);
        entries.putAll(userEntries);
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
        launcher.ifPresent(l -> checkCacheable(variant, dir, l));
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
