package io.github.hotpatch.verify;

import java.util.Objects;

/**
 * A file found during an inspection (directory or zip) that could not be read as a subject at all,
 * so no rule could run on it. Reported beside the subjects as {@code {"file": ..., "error": ...}}.
 *
 * @param file  the file as the inspection named it (path, or entry name inside a zip)
 * @param error why it could not be read
 * @param artifact the coordinates of the deployed artifact it came from (fan-in), or {@code null}
 */
public record UnreadableSubject(String file, String error, String artifact) {
    public UnreadableSubject {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(error, "error");
    }

    public UnreadableSubject(String file, String error) {
        this(file, error, null);
    }
}
