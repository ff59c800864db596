package io.github.hotpatch.fileapi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A CMake File API reply that is missing, incomplete or not what cmake-file-api(7) describes. The
 * message names the file (or directory) and the field, so it can go into a build log unchanged.
 */
public class FileApiFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public FileApiFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public FileApiFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The reply file or directory that was being read. */
    public Path file() {
        return file;
    }
}
