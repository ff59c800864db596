package io.github.hotpatch.pe;

/**
 * MajorLinkerVersion.MinorLinkerVersion from the optional header. MSVC writes its toolset version here
 * (e.g. 14.44); lld-link always writes 14.0, so this alone does not tell MSVC from lld.
 */
public record LinkerVersion(int major, int minor) {

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
