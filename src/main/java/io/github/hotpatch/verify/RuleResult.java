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
 * @param region  the bytes of {@code file} the evidence was read from, or {@code null} (no file, or not known)
 */
public record RuleResult(
        String id, String title, RuleStatus status, String message, String file, EvidenceRegion region) {
    public RuleResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        if (file == null) {
            region = null;
        }
    }

    /** A result whose evidence has no known region in its file. */
    public RuleResult(String id, String title, RuleStatus status, String message, String file) {
        this(id, title, status, message, file, null);
    }

    /** The same result, its evidence located at {@code region} of its file. */
    public RuleResult at(EvidenceRegion region) {
        return new RuleResult(id, title, status, message, file, region);
    }
}
