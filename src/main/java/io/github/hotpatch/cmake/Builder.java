package io.github.hotpatch.cmake;

import java.util.Locale;

/** What builds a configured variant: {@code cmake --build}, or MSBuild directly on the generated project. */
public enum Builder {
    /** {@code cmake --build <dir> --config <config> --target <target>}. */
    CMAKE,
    /** MSBuild on the target's .vcxproj (Visual Studio generator only). */
    MSBUILD;

    /** The builder named {@code text} ({@code cmake} or {@code msbuild}); an error naming both otherwise. */
    public static Builder parse(String text) {
        if ("cmake".equals(text)) {
            return CMAKE;
        }
        if ("msbuild".equals(text)) {
            return MSBUILD;
        }
        throw new IllegalArgumentException("unknown builder '" + text + "': expected cmake or msbuild");
    }

    /** The parameter value: {@code cmake} or {@code msbuild}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
