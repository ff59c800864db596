package io.github.hotpatch.fileapi;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stateless shared query for the {@code codemodel} object, version 2: an empty file that asks
 * CMake to write a File API reply every time it generates the build system.
 */
public final class FileApiQuery {

    /** Relative to the top-level build directory (cmake-file-api(7), "v1 Shared Stateless Query Files"). */
    static final String API_DIR = ".cmake/api/v1";

    static final String CODEMODEL_V2 = "codemodel-v2";

    private FileApiQuery() {}

    /** {@code <build>/.cmake/api/v1/query/codemodel-v2}. */
    public static Path queryFile(Path buildDir) {
        return buildDir.resolve(API_DIR).resolve("query").resolve(CODEMODEL_V2);
    }

    /**
     * Creates the query file (and the build directory) if absent; an existing one is left as is, so
     * calling this before every configure is harmless. Must run before CMake configures.
     */
    public static Path write(Path buildDir) throws IOException {
        Path query = queryFile(buildDir.toAbsolutePath().normalize());
        if (Files.isRegularFile(query)) {
            return query;
        }
        if (Files.exists(query)) {
            throw new IOException(query + " exists but is not a regular file; CMake expects an empty query file there");
        }
        Files.createDirectories(query.getParent());
        try {
            Files.createFile(query);
        } catch (FileAlreadyExistsException raced) {
            // another process wrote the same empty query: fine
        }
        return query;
    }
}
