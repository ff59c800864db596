package io.github.hotpatch.report;

import io.github.hotpatch.verify.RuleResult;
import java.util.List;

/** How many results of each status one subject has; the JUnit and console writers both need it. */
record StatusCounts(int passed, int failed, int notApplicable, int deviations) {

    static StatusCounts of(List<RuleResult> results) {
        int passed = 0;
        int failed = 0;
        int notApplicable = 0;
        int deviations = 0;
        for (RuleResult result : results) {
            switch (result.status()) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case NOT_APPLICABLE -> notApplicable++;
                case DEVIATION -> deviations++;
            }
        }
        return new StatusCounts(passed, failed, notApplicable, deviations);
    }

    int total() {
        return passed + failed + notApplicable + deviations;
    }

    StatusCounts plus(StatusCounts other) {
        return new StatusCounts(
                passed + other.passed,
                failed + other.failed,
                notApplicable + other.notApplicable,
                deviations + other.deviations);
    }
}
