package io.github.hotpatch.cmake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Placeholder until the File API reader lands: writes the codemodel-v2 query. */
final class FileApiQueryFile {
    private FileApiQueryFile() {}

    static void write(Path buildDir) throws IOException {
        Path query = buildDir.resolve(".cmake/api/v1/query/codemodel-v2");
        Files.createDirectories(query.getParent());
        if (!Files.exists(query)) {
            Files.createFile(query);
        }
    }
}
