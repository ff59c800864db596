package io.github.hotpatch.profile;

import java.util.Locale;
import java.util.Optional;

/** Which linker a variant links with: the hotpatch profile depends on it. */
public enum LinkerKind {
    /** Microsoft link.exe (Visual Studio generator on Windows). */
    MSVC,
    /** LLVM lld-link (the cross toolchain this plugin generates on Linux). */
    LLD;

    /**
     * The {@code linker} parameter: {@code auto} (or nothing) is empty, to be inferred; {@code msvc} (or
     * {@code link}) and {@code lld} (or {@code lld-link}) name a linker, in any case. Anything else is an error
     * naming the valid values.
     */
    public static Optional<LinkerKind> parseChoice(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "msvc", "link" -> Optional.of(MSVC);
            case "lld", "lld-link" -> Optional.of(LLD);
            case "", "auto" -> Optional.empty();
            default -> throw new IllegalArgumentException("unknown linker '" + text + "': expected auto, msvc or lld");
        };
    }

    /** The {@code linker} parameter value naming this linker: {@code msvc} or {@code lld}. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
