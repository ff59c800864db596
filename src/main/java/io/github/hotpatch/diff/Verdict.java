package io.github.hotpatch.diff;

/** Whether a patched build can ship as a hotpatch of its base. */
public enum Verdict {
    /** Only function bodies changed (and functions may have been added): a hotpatch can carry the change. */
    HOTPATCH_CANDIDATE,
    /** Something a hotpatch cannot carry changed; each {@link Reason} names it. */
    NOT_HOTPATCHABLE
}
