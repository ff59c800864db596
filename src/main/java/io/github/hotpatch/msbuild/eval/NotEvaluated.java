package io.github.hotpatch.msbuild.eval;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A part of a project the evaluator did not evaluate, never guessed: a construct outside the supported subset, a
 * condition it cannot read, an import it cannot resolve, a property nobody defines.
 *
 * @param file        the file it is in
 * @param line        its line (1-based), 0 when unknown
 * @param construct   what it is, e.g. {@code <Choose>} or {@code Import $(VCTargetsPath)\Microsoft.Cpp.props}
 * @param reason      why it was not evaluated and what the evaluator did instead
 * @param affectsLink whether it may change the {@code Link} settings of the configuration, so that a rule whose
 *                    verdict depends on them cannot be decided
 */
public record NotEvaluated(Path file, int line, String construct, String reason, boolean affectsLink) {
    public NotEvaluated {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(construct, "construct");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code file:line: construct: reason}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + construct + ": " + reason;
    }
}
