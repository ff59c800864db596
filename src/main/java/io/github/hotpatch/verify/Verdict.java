package io.github.hotpatch.verify;

/**
 * What a subject's results prove, as every report names it. Readiness is claimed only when the binary rules ran:
 * a project-only verify ({@code -Dhotpatch.checkBinaries=false}) that passes proves the generated project, not the
 * DLL.
 */
public enum Verdict {
    /** No rule failed and the binary rules (HP-BIN-*) ran: the image was proven hotpatch-ready. */
    HOTPATCH_READY,
    /** No rule failed, but no binary rule ran: the project rules passed, the binaries were not checked. */
    PROJECT_RULES_PASSED,
    /** At least one rule failed. */
    NOT_READY;

    public static Verdict of(SubjectReport subject) {
        if (!subject.passed()) {
            return NOT_READY;
        }
        return binariesChecked(subject) ? HOTPATCH_READY : PROJECT_RULES_PASSED;
    }

    /** Whether any binary rule ran on the subject. */
    public static boolean binariesChecked(SubjectReport subject) {
        return subject.results().stream().anyMatch(r -> Rule.isBinaryRule(r.id()));
    }

    /** A one-line reading of the verdict for logs. */
    public String describe() {
        return switch (this) {
            case HOTPATCH_READY -> "hotpatch-ready";
            case PROJECT_RULES_PASSED -> "project rules passed, binaries not checked";
            case NOT_READY -> "not ready";
        };
    }
}
