package io.github.hotpatch.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input a format reader cannot trust: the one exception type every reader throws (through its own subclass, so a
 * caller or a fuzz test can still tell the formats apart). It carries what the message says: the file, the
 * structure, the offset when the reader knows it, and what was wrong and expected. The message itself is the
 * subclass's, written so that a build log alone tells the user what is wrong.
 */
public abstract class FormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String structure;
    private final long position;
    private final String detail;

    /**
     * @param message   the whole message, naming the file
     * @param file      the file that was being read; {@code null} only for input that is not a file (JSON text)
     * @param structure the structure or field that failed, e.g. {@code e_lfanew}, {@code MSF superblock}
     * @param position  where {@code structure} is, as the subclass documents it (a file offset, an offset in a
     *                  stream, a character offset), or {@code -1} when the reader does not know
     * @param detail    what was found and what was expected, as the message words it
     * @param cause     the underlying error, or {@code null}
     */
    protected FormatException(
            String message, Path file, String structure, long position, String detail, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.structure = Objects.requireNonNull(structure, "structure");
        this.position = position < 0 ? -1 : position;
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** The file that was being read; {@code null} only for input that was not read from a file. */
    public Path file() {
        return file;
    }

    /** The structure or field that failed validation. */
    public String structure() {
        return structure;
    }

    /** Where {@link #structure()} is (see the subclass for what the number counts), when the reader knows it. */
    public OptionalLong position() {
        return position < 0 ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** What was found and what was expected, without the file name. */
    public String detail() {
        return detail;
    }
}
