package io.github.hotpatch.fileapi;

import io.github.hotpatch.format.FormatException;
import java.nio.file.Path;

/**
 * A CMake File API reply that is missing, incomplete or not what cmake-file-api(7) describes. The
 * message names the file (or directory) and the field, so it can go into a build log unchanged.
 */
public class FileApiFormatException extends FormatException {

    private static final long serialVersionUID = 1L;

    /** The {@link #structure()} of every reply error: the message names the JSON field. */
    public static final String STRUCTURE = "CMake File API reply";

    public FileApiFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public FileApiFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, file, STRUCTURE, -1, problem, cause);
    }
}
