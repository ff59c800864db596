package io.github.hotpatch.diff;

/**
 * An export added, removed or re-pointed (it names another symbol, or another forwarder, than in the base).
 *
 * @param kind          what happened
 * @param name          the export's name, or {@code #ordinal}
 * @param baseRva       its RVA in the base, or -1
 * @param patchedRva    its RVA in the patched build, or -1
 * @param baseTarget    the function or variable at that RVA in the base (or the forwarder), or null
 * @param patchedTarget the same in the patched build, or null
 */
public record ExportChange(
        Kind kind, String name, long baseRva, long patchedRva, String baseTarget, String patchedTarget) {

    public enum Kind {
        ADDED,
        REMOVED,
        REPOINTED
    }
}
