package io.github.hotpatch.verify;

/** Outcome of one rule on one subject. */
public enum RuleStatus {
    /** The evidence was read and shows the requirement met. */
    PASS,
    /** The evidence was read and shows the requirement not met (or the evidence could not be read). */
    FAIL,
    /** The rule does not apply to this subject (another arch, another linker, no such output). */
    NOT_APPLICABLE,
    /** A documented substitute is in place (e.g. lld's map file instead of /pdbinject:mapfile): never a PASS. */
    DEVIATION;

    /** Only FAIL breaks the build; a DEVIATION is reported but accepted. */
    public boolean isViolation() {
        return this == FAIL;
    }
}
