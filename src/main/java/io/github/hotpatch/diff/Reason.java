package io.github.hotpatch.diff;

/**
 * One reason a patched build is not hotpatchable.
 *
 * @param code    what kind of change it is
 * @param subject what it concerns: a global's, function's or export's name, an image, or a rule id
 * @param message one sentence for people
 */
public record Reason(Code code, String subject, String message) {

    public enum Code {
        /** An image fails inspect's readiness rules. */
        NOT_READY,
        /** The images are for different machines. */
        MACHINE_MISMATCH,
        /** The images have different names: the patch would not load against this base. */
        NAME_MISMATCH,
        /** A global's type, size or section changed: the data layout the base's code relies on changed. */
        GLOBAL_CHANGED,
        GLOBAL_ADDED,
        GLOBAL_REMOVED,
        /** A function of the base is gone: callers in the base still reach it. */
        FUNCTION_REMOVED,
        EXPORT_ADDED,
        EXPORT_REMOVED,
        /** An export names another function or variable than in the base. */
        EXPORT_REPOINTED
    }
}
