package io.github.hotpatch.vcxproj;

import io.github.hotpatch.format.FormatException;
import java.nio.file.Path;

/**
 * A .vcxproj that cannot be read as the MSBuild project CMake's Visual Studio generator writes.
 * The message names the file and what was expected, so it can go into a build log unchanged.
 */
public class VcxprojFormatException extends FormatException {

    private static final long serialVersionUID = 1L;

    /** The {@link #structure()} of every project error: the message names the element or item. */
    public static final String STRUCTURE = "MSBuild project";

    public VcxprojFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public VcxprojFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, file, STRUCTURE, -1, problem, cause);
    }
}
