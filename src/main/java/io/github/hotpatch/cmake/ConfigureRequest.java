package io.github.hotpatch.cmake;

import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code hotpatch:configure} was given, already defaulted by the Maven side.
 *
 * @param sourceDirectory the native project (holds the top-level CMakeLists.txt); never written to
 * @param buildDirectory  parent of the variants' build directories
 * @param variants        the variants to configure
 * @param cacheEntries    cache entries for every variant (a variant's own entries win)
 * @param generator       "auto" or a CMake generator name
 * @param toolchainFile   a user toolchain file, or empty to let the plugin choose
 * @param linker          which linker's profile applies when it cannot be inferred; empty = auto
 * @param hotpatch        false = configure without hotpatch flags (and remove earlier ones)
 * @param hotpatchFlags   empty = the profile's flags; otherwise exactly these
 * @param cmakeExecutable "cmake" or a path
 * @param vsVersion       pin Visual Studio's major version (Windows only)
 * @param toolTimeout     how long cmake may run before it (and everything it started) is killed
 * @param compilerLauncher {@code auto} (sccache, else ccache, on PATH), {@code none}, or a launcher name or path
 */
public record ConfigureRequest(
        Path sourceDirectory,
        Path buildDirectory,
        List<BuildVariant> variants,
        Map<String, String> cacheEntries,
        String generator,
        Optional<Path> toolchainFile,
        Optional<LinkerKind> linker,
        boolean hotpatch,
        List<String> hotpatchFlags,
        String cmakeExecutable,
        Optional<Integer> vsVersion,
        Duration toolTimeout,
        String compilerLauncher) {

    public ConfigureRequest {
        sourceDirectory = sourceDirectory.toAbsolutePath().normalize();
        buildDirectory = buildDirectory.toAbsolutePath().normalize();
        variants = List.copyOf(variants);
        cacheEntries = Collections.unmodifiableMap(new LinkedHashMap<>(cacheEntries));
        cacheEntries.forEach((k, v) -> CacheEntry.checkKey(k, "cacheEntries"));
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(toolchainFile, "toolchainFile");
        Objects.requireNonNull(linker, "linker");
        hotpatchFlags = checkedFlags(hotpatchFlags);
        Objects.requireNonNull(cmakeExecutable, "cmakeExecutable");
        Objects.requireNonNull(vsVersion, "vsVersion");
        Objects.requireNonNull(toolTimeout, "toolTimeout");
        if (toolTimeout.isNegative() || toolTimeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + toolTimeout);
        }
        compilerLauncher = compilerLauncher == null || compilerLauncher.isBlank()
                ? CompilerLauncher.NONE
                : compilerLauncher.trim();
    }

    /** A request without a compiler launcher. */
    public ConfigureRequest(
            Path sourceDirectory,
            Path buildDirectory,
            List<BuildVariant> variants,
            Map<String, String> cacheEntries,
            String generator,
            Optional<Path> toolchainFile,
            Optional<LinkerKind> linker,
            boolean hotpatch,
            List<String> hotpatchFlags,
            String cmakeExecutable,
            Optional<Integer> vsVersion,
            Duration toolTimeout) {
        this(
                sourceDirectory,
                buildDirectory,
                variants,
                cacheEntries,
                generator,
                toolchainFile,
                linker,
                hotpatch,
                hotpatchFlags,
                cmakeExecutable,
                vsVersion,
                toolTimeout,
                CompilerLauncher.NONE);
    }

    /** A request whose cmake runs may take {@link ToolRun#DEFAULT_TIMEOUT}. */
    public ConfigureRequest(
            Path sourceDirectory,
            Path buildDirectory,
            List<BuildVariant> variants,
            Map<String, String> cacheEntries,
            String generator,
            Optional<Path> toolchainFile,
            Optional<LinkerKind> linker,
            boolean hotpatch,
            List<String> hotpatchFlags,
            String cmakeExecutable,
            Optional<Integer> vsVersion) {
        this(
                sourceDirectory,
                buildDirectory,
                variants,
                cacheEntries,
                generator,
                toolchainFile,
                linker,
                hotpatch,
                hotpatchFlags,
                cmakeExecutable,
                vsVersion,
                ToolRun.DEFAULT_TIMEOUT);
    }

    /**
     * The {@code hotpatchFlags} entries, each checked: an empty entry ({@code a,,b} on the command line, an empty
     * {@code <hotpatchFlag/>}) arrives as {@code null} or "" and is refused naming its 1-based position.
     */
    static List<String> checkedFlags(List<String> flags) {
        Objects.requireNonNull(flags, "hotpatchFlags");
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            if (flag == null || flag.isBlank()) {
                throw new IllegalArgumentException("hotpatchFlags entry " + (i + 1) + " of " + flags.size()
                        + " is empty: give one linker switch per entry (-Dhotpatch.hotpatchFlags=/a,/b or"
                        + " <hotpatchFlag>/a</hotpatchFlag>), no empty ones");
            }
            try {
                HotpatchProfile.checkFlag(flag);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotpatchFlags entry " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(flags);
    }

    /** The directory a variant is configured into: always a direct child of the build directory. */
    public Path variantDirectory(BuildVariant variant) {
        return buildDirectory.resolve(variant.name());
    }
}
