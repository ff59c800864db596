package io.github.hotpatch.pdb;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A PDB that is not what its own headers claim: truncated, inconsistent, or hostile. The message always starts
 * with the file name and says which structure, which offset, and what was expected, so a build log alone is
 * enough to see why verification refused the file.
 */
public final class PdbFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public PdbFormatException(Path file, String detail) {
        super((file.getFileName() != null ? file.getFileName() : file) + ": " + detail);
        this.file = file;
    }

    /** The PDB that failed to parse. */
    public Path file() {
        return file;
    }
}
