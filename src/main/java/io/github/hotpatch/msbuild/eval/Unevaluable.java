package io.github.hotpatch.msbuild.eval;

/** Thrown inside the evaluator when a condition or an expression is outside the subset it evaluates. */
final class Unevaluable extends Exception {
    private static final long serialVersionUID = 1L;

    Unevaluable(String reason) {
        super(reason, null, false, false);
    }
}
