package io.github.hotpatch.fileapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileApiQueryTest {

    @Test
    void writesTheEmptySharedCodemodelQuery(@TempDir Path dir) throws IOException {
        Path build = dir.resolve("not/yet/there");
        Path query = FileApiQuery.write(build);
        assertEquals(build.resolve(".cmake/api/v1/query/codemodel-v2"), query);
        assertTrue(Files.isRegularFile(query));
        assertEquals(0, Files.size(query));
    }

    @Test
    void isIdempotent(@TempDir Path dir) throws IOException {
        Path first = FileApiQuery.write(dir);
        Path second = FileApiQuery.write(dir);
        assertEquals(first, second);
        assertEquals(0, Files.size(second));
    }

    @Test
    void refusesADirectoryInTheQueryFilesPlace(@TempDir Path dir) throws IOException {
        Files.createDirectories(FileApiQuery.queryFile(dir));
        IOException e = assertThrows(IOException.class, () -> FileApiQuery.write(dir));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    }
}
