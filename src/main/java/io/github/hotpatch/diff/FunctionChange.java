package io.github.hotpatch.diff;

/**
 * A function that differs between base and patched build.
 *
 * @param kind                   changed, added or removed
 * @param name                   the function's name; a static function is named {@code object!name}
 * @param baseRva                its RVA in the base, or -1 when added
 * @param patchedRva             its RVA in the patched build, or -1 when removed
 * @param baseSize               its code size in the base (PDB), or -1
 * @param patchedSize            its code size in the patched build, or -1
 * @param differingInstructions  instructions that differ after normalisation: what is left of the longer side once
 *                               the common leading and trailing instructions are taken away (0 for added/removed)
 */
public record FunctionChange(
        Kind kind,
        String name,
        long baseRva,
        long patchedRva,
        long baseSize,
        long patchedSize,
        int differingInstructions) {

    public enum Kind {
        CHANGED,
        ADDED,
        REMOVED
    }
}
