package io.github.hotpatch.verify;

import java.util.Objects;

/**
 * A file found during a directory or zip inspection that is not a PE image by its content (no {@code MZ} at offset
 * 0): counted and reported, never inspected and never a failure. A file that starts with {@code MZ} but is no
 * readable PE image is an {@link UnreadableSubject} instead.
 *
 * @param file   the file as the inspection named it (path, or {@code zip!/entry})
 * @param reason what its first bytes are, e.g. {@code "no MZ signature (starts 7f 45 4c 46: ELF)"}
 */
public record SkippedFile(String file, String reason) {
    public SkippedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }
}
