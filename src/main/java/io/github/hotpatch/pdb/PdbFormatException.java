package io.github.hotpatch.pdb;

import io.github.hotpatch.format.FormatException;
import java.nio.file.Path;

/**
 * A PDB that is not what its own headers claim: truncated, inconsistent, or hostile. The message always starts
 * with the file name and says which structure, which offset, and what was expected, so a build log alone is
 * enough to see why verification refused the file. {@link #position()} is a file offset for the MSF container
 * (superblock, block map) and an offset in the stream for what a stream holds (PDB info, DBI, symbols).
 */
public final class PdbFormatException extends FormatException {

    private static final long serialVersionUID = 1L;

    /** A problem the message places itself; {@link #structure()} is {@code PDB}, the position unknown. */
    public PdbFormatException(Path file, String detail) {
        this(file, "PDB", -1, detail);
    }

    /** A problem in {@code structure} at {@code offset}; {@code detail} is the whole message after the file name. */
    public PdbFormatException(Path file, String structure, long offset, String detail) {
        super(name(file) + ": " + detail, file, structure, offset, detail, null);
    }

    private static Object name(Path file) {
        return file.getFileName() != null ? file.getFileName() : file;
    }
}
