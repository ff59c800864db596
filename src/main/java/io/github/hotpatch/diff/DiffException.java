package io.github.hotpatch.diff;

import java.io.IOException;

/**
 * The diff could not be made: an input is unreadable, has no matching PDB, or is of an architecture whose code this
 * plugin cannot normalise yet. Never a verdict; the message names the file and what was expected.
 */
public final class DiffException extends IOException {

    private static final long serialVersionUID = 1L;

    public DiffException(String message) {
        super(message);
    }

    public DiffException(String message, Throwable cause) {
        super(message, cause);
    }
}
