package io.github.hotpatch.cmake;

import io.github.hotpatch.profile.Arch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configuration of the native project, built into {@code <buildDirectory>/<name>}.
 *
 * @param name         directory name and log label, e.g. {@code arm64_schannel}
 * @param arch         target arch
 * @param cacheEntries CMake cache entries for this variant only ({@code -DKEY=VALUE}), in order
 */
public record BuildVariant(String name, Arch arch, Map<String, String> cacheEntries) {

    /** A plain directory name: no separators, no "..", nothing a shell or a file system treats specially. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}");

    public BuildVariant {
        checkName(name);
        Objects.requireNonNull(arch, "arch");
        cacheEntries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cacheEntries));
        cacheEntries.forEach((k, v) -> CacheEntry.checkKey(k, "variant " + name));
    }

    /** msquic's two ARM64 variants (FACTS §4): {@code build/windows/arm64_<tls>} with {@code QUIC_TLS_LIB=<tls>}. */
    public static List<BuildVariant> msquicDefaults() {
        return List.of(
                new BuildVariant("arm64_schannel", Arch.ARM64, Map.of("QUIC_TLS_LIB", "schannel")),
                new BuildVariant("arm64_openssl", Arch.ARM64, Map.of("QUIC_TLS_LIB", "openssl")));
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("invalid variant name '" + name + "': use letters, digits, '_', '-', '.'"
                    + " or '+' (1-64 characters, starting with a letter or digit, no '..'), because it becomes a"
                    + " directory under the build directory");
        }
    }
}
