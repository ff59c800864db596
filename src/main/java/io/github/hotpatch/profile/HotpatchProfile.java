package io.github.hotpatch.profile;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The linker flags that make a Release image hotpatch-ready for one arch and linker (FACTS §1, §5).
 *
 * @param arch      the target arch
 * @param linker    the linker the flags are for
 * @param flags     what is appended to CMAKE_SHARED_LINKER_FLAGS_RELEASE
 * @param deviation why this profile is not the reference one, or empty when it is
 */
public record HotpatchProfile(Arch arch, LinkerKind linker, List<String> flags, Optional<String> deviation) {

    /** The oldest lld-link that accepts /hotpatchcompatible. */
    public static final int MIN_LLD_MAJOR = 22;

    public HotpatchProfile {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(linker, "linker");
        flags = List.copyOf(flags);
        Objects.requireNonNull(deviation, "deviation");
        flags.forEach(HotpatchProfile::checkFlag);
    }

    /** The profile this plugin uses for {@code arch} when linking with {@code linker}. */
    public static HotpatchProfile of(Arch arch, LinkerKind linker) {
        if (linker == LinkerKind.MSVC) {
            return arch == Arch.ARM64
                    // msquic PR #5445: ARM64 hotpatching injects the map file into the PDB.
                    ? new HotpatchProfile(
                            arch,
                            linker,
                            List.of("/hotpatchcompatible", "/profile", "/incremental:no", "/pdbinject:mapfile"),
                            Optional.empty())
                    // msquic #5437/#5441: x64 reserves 6 bytes of padding before each function.
                    : new HotpatchProfile(
                            arch,
                            linker,
                            List.of("/hotpatchcompatible", "/profile", "/incremental:no", "/FUNCTIONPADMIN:6"),
                            Optional.empty());
        }
        if (arch == Arch.ARM64) {
            return new HotpatchProfile(
                    arch,
                    linker,
                    List.of("/hotpatchcompatible", "/profile", "/incremental:no", "/functionpadmin:8", "/map"),
                    Optional.of(
                            "lld-link has no /pdbinject:mapfile: the map file is written beside the PDB (/map) instead,"
                                    + " and /functionpadmin:8 is added because lld requires function padding with /hotpatchcompatible"));
        }
        return new HotpatchProfile(
                arch,
                linker,
                List.of("/hotpatchcompatible", "/profile", "/incremental:no", "/FUNCTIONPADMIN:6"),
                Optional.empty());
    }

    /** The same arch and linker with user-chosen flags (the {@code hotpatchFlags} parameter). */
    public HotpatchProfile withFlags(List<String> userFlags) {
        return new HotpatchProfile(
                arch,
                linker,
                userFlags,
                Optional.of(
                        "hotpatchFlags overrides the " + linker + " " + arch + " profile " + String.join(" ", flags)));
    }

    /** True when {@code flag} is one of this profile's flags; link.exe and lld-link compare switches case-insensitively. */
    public boolean contains(String flag) {
        String wanted = flag.toLowerCase(Locale.ROOT);
        return flags.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /**
     * A flag becomes one token of a space-separated CMake flags string and one element of a CMake list,
     * so whitespace, semicolons and quotes cannot be represented faithfully.
     */
    public static void checkFlag(String flag) {
        if (flag == null || flag.isEmpty()) {
            throw new IllegalArgumentException("empty hotpatch linker flag");
        }
        for (char c : flag.toCharArray()) {
            if (Character.isWhitespace(c) || c == ';' || c == '"' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("hotpatch linker flag '" + flag
                        + "' contains whitespace, ';', '\"' or a control character: give one switch per entry");
            }
        }
    }
}
