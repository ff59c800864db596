package io.github.hotpatch.verify;

import java.util.Objects;

/**
 * One rule's verdict on one subject.
 *
 * @param id      stable rule id, e.g. {@code HP-BIN-002}; used in SARIF and JUnit reports
 * @param title   one-line description of the requirement
 * @param status  the verdict
 * @param message what evidence was read: file, field, offset, value
 * @param file    the file the evidence came from (absolute or report-relative path), or {@code null}
 */
public record RuleResult(String id, String title, RuleStatus status, String message, String file) {
    public RuleResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
