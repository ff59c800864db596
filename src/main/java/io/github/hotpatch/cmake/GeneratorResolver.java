package io.github.hotpatch.cmake;

import io.github.hotpatch.msbuild.VisualStudioGenerator;
import io.github.hotpatch.msbuild.VisualStudioInstance;
import io.github.hotpatch.process.IoMessages;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Chooses generator, toolchain and linker for a request, and says at once what is missing or too old. */
public final class GeneratorResolver {
    /** How long {@code cmake --version} may take (never longer than the request's own limit). */
    static final Duration VERSION_TIMEOUT = Duration.ofSeconds(60);

    private final HostTools host;
    private final ToolRunner runner;
    private final CMakeVersionCache versionCache;

    /**
     * @param runner runs {@code cmake --version} to check that the cmake found is new enough
     */
    public GeneratorResolver(HostTools host, ToolRunner runner) {
        this(host, runner, CMakeVersionCache.none());
    }

    /** @param versionCache versions already checked, so an unchanged cmake is not probed again */
    public GeneratorResolver(HostTools host, ToolRunner runner, CMakeVersionCache versionCache) {
        this.host = host;
        this.runner = runner;
        this.versionCache = versionCache;
    }

    public GeneratorSetup resolve(ConfigureRequest request) throws ToolException {
        List<String> missing = new ArrayList<>();
        // A path the user gave is checked as a path: "not found on PATH" and install advice would be wrong.
        Optional<String> badPath = givenPathProblem(request.cmakeExecutable());
        Optional<Path> cmake = badPath.isPresent() ? Optional.empty() : findCmake(request.cmakeExecutable());
        if (cmake.isEmpty() && badPath.isEmpty()) {
            missing.add(request.cmakeExecutable());
        }
        if (request.toolchainFile().isPresent()) {
            requireToolchainFile(request.toolchainFile().get());
        }
        String generator = request.generator();
        boolean auto = generator.isBlank() || generator.equalsIgnoreCase("auto");
        if (auto) {
            generator = host.windows() ? "Visual Studio" : "Ninja Multi-Config";
        }
        boolean vs = GeneratorSetup.isVisualStudio(generator);
        Optional<Path> ninja = Optional.empty();
        if (generator.startsWith("Ninja")) {
            ninja = host.finder().find("ninja");
            if (ninja.isEmpty()) {
                missing.add("ninja");
            }
        }
        Optional<LlvmCrossToolchain> llvm = Optional.empty();
        LinkerKind linker;
        if (vs) {
            linker = LinkerKind.MSVC;
        } else if (request.toolchainFile().isPresent()) {
            linker = linkerOfToolchainFile(request.toolchainFile().get(), request.linker());
        } else if (host.windows()) {
            linker = request.linker().orElse(LinkerKind.MSVC);
        } else {
            llvm = LlvmCrossToolchain.findNewest(host.finder());
            if (llvm.isEmpty()) {
                missing.add("clang-cl-NN, lld-link-NN and llvm-lib-NN (one LLVM release)");
            }
            linker = LinkerKind.LLD;
        }
        if (badPath.isPresent() && missing.isEmpty()) {
            throw new ToolException("hotpatch:configure cannot run: " + badPath.get());
        }
        if (!missing.isEmpty()) {
            throw new ToolException("hotpatch:configure cannot run: "
                    + badPath.map(p -> p + "; and ").orElse("")
                    + "not found on PATH: " + String.join(", ", missing)
                    + ". "
                    + (host.windows()
                            ? "Install CMake, Ninja and Visual Studio's C++ tools."
                            : "To cross-build Windows" + " binaries here, " + LlvmCrossToolchain.INSTALL_HINT + "."));
        }
        CMakeVersion version = checkCmakeVersion(cmake.get(), request.toolTimeout());
        if (llvm.isPresent() && request.hotpatch() && llvm.get().version() < HotpatchProfile.MIN_LLD_MAJOR) {
            throw new ToolException("lld-link-" + llvm.get().version() + " is the newest lld-link on PATH, but"
                    + " /hotpatchcompatible needs lld-link " + HotpatchProfile.MIN_LLD_MAJOR + " or newer: "
                    + LlvmCrossToolchain.INSTALL_HINT + " (or set <hotpatch>false</hotpatch>)");
        }
        Optional<VisualStudioInstance> instance = Optional.empty();
        if (vs) {
            Optional<VisualStudioGenerator> named = auto ? Optional.empty() : VisualStudioGenerator.forName(generator);
            if (named.isPresent() && !named.get().supportedBy(version.major(), version.minor())) {
                throw new ToolException("generator \"" + generator + "\" needs "
                        + named.get().minimumCmake()
                        + " or newer, but cmake at " + cmake.get() + " is " + version + ": install a newer CMake"
                        + " (or choose an older Visual Studio generator)");
            }
            if (host.windows()) {
                String platform = request.variants().isEmpty()
                        ? "ARM64"
                        : request.variants().get(0).arch().platform;
                Optional<Integer> pin = named.map(VisualStudioGenerator::major).or(request::vsVersion);
                VisualStudioInstance chosen =
                        chooseVisualStudio(host.visualStudios(platform, pin), version, cmake.get());
                instance = Optional.of(chosen);
                if (auto) {
                    generator = chosen.cmakeGenerator();
                }
            }
        }
        return new GeneratorSetup(
                generator, vs, GeneratorSetup.isMultiConfig(generator), linker, llvm, cmake.get(), ninja, instance);
    }

    /**
     * The newest of {@code instances} (newest first) whose generator this CMake has; when none, an error naming the
     * CMake version and each Visual Studio with the CMake it would need.
     */
    static VisualStudioInstance chooseVisualStudio(
            List<VisualStudioInstance> instances, CMakeVersion cmake, Path cmakePath) throws ToolException {
        List<String> unsupported = new ArrayList<>();
        for (VisualStudioInstance instance : instances) {
            Optional<VisualStudioGenerator> g = VisualStudioGenerator.forMajor(instance.majorVersion());
            if (g.isPresent() && g.get().supportedBy(cmake.major(), cmake.minor())) {
                return instance;
            }
            unsupported.add("Visual Studio " + instance.installationVersion() + " at " + instance.installationPath()
                    + g.map(x -> " (generator \"" + x.generatorName() + "\" needs " + x.minimumCmake() + " or newer)")
                            .orElse(" (no CMake generator is known for it)"));
        }
        throw new ToolException(
                "cmake " + cmake + " at " + cmakePath + " has no generator for the Visual Studio found: "
                        + String.join("; ", unsupported) + ". Install a newer CMake and put it first on PATH (or point"
                        + " -Dhotpatch.cmakeExecutable at it), or install a Visual Studio this CMake supports");
    }

    /**
     * Runs {@code cmake --version} and refuses a cmake older than {@link CMakeVersion#MINIMUM}, or one whose version
     * cannot be told, before anything is written. An executable the cache knows (same file, already found new
     * enough) is not run again.
     */
    public CMakeVersion checkCmakeVersion(Path cmake, Duration requestTimeout) throws ToolException {
        Optional<CMakeVersion> known = versionCache.lookup(cmake).filter(v -> !v.isOlderThan(CMakeVersion.MINIMUM));
        if (known.isPresent()) {
            return known.get();
        }
        CMakeVersion version = probeCmakeVersion(cmake, requestTimeout);
        versionCache.store(cmake, version);
        return version;
    }

    private CMakeVersion probeCmakeVersion(Path cmake, Duration requestTimeout) throws ToolException {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Duration limit = requestTimeout.compareTo(VERSION_TIMEOUT) < 0 ? requestTimeout : VERSION_TIMEOUT;
        ToolRun run = ToolRun.of("cmake", Path.of("").toAbsolutePath(), List.of(cmake.toString(), "--version"))
                .withTimeout(limit);
        ToolRunner.Result result = runner.run(run, output::add);
        List<String> lines = List.copyOf(output);
        if (result.exitCode() != 0) {
            throw new ToolException(
                    "cannot tell which CMake " + cmake + " is: `" + run.displayCommand() + "` failed with exit code "
                            + result.exitCode() + firstLines(lines),
                    result.exitCode());
        }
        Optional<CMakeVersion> version = CMakeVersion.parse(lines);
        if (version.isEmpty()) {
            throw new ToolException("cannot tell which CMake " + cmake + " is: `" + run.displayCommand()
                    + "` printed no \"cmake version X.Y.Z\" line" + firstLines(lines));
        }
        if (version.get().isOlderThan(CMakeVersion.MINIMUM)) {
            throw new ToolException(
                    "cmake " + version.get() + " at " + cmake + " is too old: hotpatch-maven-plugin needs"
                            + " CMake " + CMakeVersion.MINIMUM + " or newer (msquic requires it). Install a newer CMake"
                            + " (https://cmake.org/download/) and put it first on PATH, or point -Dhotpatch.cmakeExecutable at it.");
        }
        return version.get();
    }

    private static String firstLines(List<String> lines) {
        if (lines.isEmpty()) {
            return " (no output)";
        }
        StringBuilder sb = new StringBuilder("; its output began:");
        lines.stream()
                .limit(5)
                .forEach(l -> sb.append("\n    ").append(l.length() > 200 ? l.substring(0, 200) + "..." : l));
        return sb.toString();
    }

    /** What is wrong with a cmakeExecutable given as a path (not a bare name), or empty. */
    static Optional<String> givenPathProblem(String cmake) {
        Path asPath = Path.of(cmake);
        if (asPath.getNameCount() <= 1 && !asPath.isAbsolute()) {
            return Optional.empty();
        }
        String given = "cmakeExecutable " + cmake;
        if (!Files.exists(asPath)) {
            return Optional.of(
                    given + " does not exist (it is a path, so PATH is not searched); point"
                            + " -Dhotpatch.cmakeExecutable at an existing cmake, or give just \"cmake\" to use the one on PATH");
        }
        if (Files.isDirectory(asPath)) {
            return Optional.of(
                    given + " is a directory, not the cmake executable (e.g. " + asPath.resolve("cmake") + ")");
        }
        if (!Files.isExecutable(asPath)) {
            return Optional.of(given + " exists but is not executable (chmod +x, or point at another cmake)");
        }
        return Optional.empty();
    }

    /** A toolchainFile that is not there is named once, with what is wrong with it. */
    static void requireToolchainFile(Path file) throws ToolException {
        if (!Files.exists(file)) {
            throw new ToolException("toolchainFile " + file + " does not exist: fix the path, or leave toolchainFile"
                    + " out to let the plugin write one");
        }
        if (!Files.isRegularFile(file)) {
            throw new ToolException("toolchainFile " + file + " is not a file (a directory?): give the path of a"
                    + " CMake toolchain file");
        }
        if (!Files.isReadable(file)) {
            throw new ToolException("toolchainFile " + file + " cannot be read: permission denied");
        }
    }

    /** The cmake executable: a path as given, or a name looked up on PATH. */
    public Optional<Path> findCmake(String cmake) {
        Path asPath = Path.of(cmake);
        if (asPath.getNameCount() > 1 || asPath.isAbsolute()) {
            return Files.isExecutable(asPath) ? Optional.of(asPath) : Optional.empty();
        }
        return host.finder().find(cmake);
    }

    /** A user toolchain file that names lld-link links with lld; otherwise MSVC, unless {@code linker} says. */
    static LinkerKind linkerOfToolchainFile(Path file, Optional<LinkerKind> linker) throws ToolException {
        if (linker.isPresent()) {
            return linker.get();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            return text.contains("lld-link") || text.contains("lld") && text.contains("cmake_linker")
                    ? LinkerKind.LLD
                    : LinkerKind.MSVC;
        } catch (IOException e) {
            throw new ToolException("cannot read toolchainFile " + file + ": " + IoMessages.describe(e));
        }
    }
}
