package io.github.hotpatch.vcxproj;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A .vcxproj that cannot be read as the MSBuild project CMake's Visual Studio generator writes.
 * The message names the file and what was expected, so it can go into a build log unchanged.
 */
public class VcxprojFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public VcxprojFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public VcxprojFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The project file that was being read. */
    public Path file() {
        return file;
    }
}
