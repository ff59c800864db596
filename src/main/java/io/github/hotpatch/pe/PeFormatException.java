package io.github.hotpatch.pe;

import io.github.hotpatch.format.FormatException;
import java.nio.file.Path;

/**
 * The file is not a PE image this reader can trust: the message names the file, the field, the file offset
 * of that field and what was expected, so a build log alone tells the user what is wrong.
 * {@link #position()} is the file offset of {@link #field()}.
 */
public final class PeFormatException extends FormatException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param detail what is wrong, phrased to follow "{@code <field> at offset 0x..}", e.g.
     *               "points to 0x9999999, past the end of the 512-byte file"
     */
    public PeFormatException(Path file, String field, long offset, String detail) {
        super(
                file + ": " + field + " at offset 0x" + Long.toHexString(offset).toUpperCase() + " " + detail,
                file,
                field,
                offset,
                detail,
                null);
        this.offset = offset;
    }

    /** The PE field (or structure) that failed validation: {@link #structure()}. */
    public String field() {
        return structure();
    }

    /** File offset of {@link #field()}. */
    public long offset() {
        return offset;
    }
}
