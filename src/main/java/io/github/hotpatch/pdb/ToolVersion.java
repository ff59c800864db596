package io.github.hotpatch.pdb;

/** A four-part version number as S_COMPILE3 stores it (major, minor, build, QFE). */
public record ToolVersion(int major, int minor, int build, int qfe) {

    /** Dotted form, as llvm-pdbutil prints it: {@code 14.10.25019.0}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + build + "." + qfe;
    }
}
