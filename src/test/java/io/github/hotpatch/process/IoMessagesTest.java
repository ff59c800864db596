package io.github.hotpatch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoMessagesTest {
    @TempDir
    Path dir;

    @Test
    void exceptionsThatCarryOnlyAPathGetTheirReasonInWords() {
        // What Files.createDirectories throws for a read-only directory as a non-root user (EACCES): the path only.
        AccessDeniedException denied = new AccessDeniedException("/b/arm64_x/.cmake");
        assertEquals("/b/arm64_x/.cmake", denied.getMessage());
        assertEquals(
                "/b/arm64_x/.cmake: permission denied (the directory is read-only or belongs to another user)",
                IoMessages.describe(denied));
        assertEquals("/b/x: no such file or directory", IoMessages.describe(new NoSuchFileException("/b/x")));
        assertEquals(
                "/b/x: permission denied (the directory is read-only or belongs to another user) (Read-only file system)",
                IoMessages.describe(new AccessDeniedException("/b/x", null, "Read-only file system")));
    }

    @Test
    void aRegularFileWhereTheVariantDirectoryShouldBe() throws IOException {
        Path variant = Files.writeString(dir.resolve("arm64_x"), "not a directory");
        FileAlreadyExistsException e =
                assertThrows(FileAlreadyExistsException.class, () -> Files.createDirectories(variant));
        assertEquals(variant + " already exists and is not a directory", IoMessages.describe(e));
    }

    @Test
    void aRegularFileAboveTheBuildDirectoryKeepsTheSystemsReason() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file");
        FileSystemException e = assertThrows(
                FileSystemException.class,
                () -> Files.createDirectories(blocker.resolve("windows").resolve("arm64_x")));
        assertEquals(blocker.resolve("windows") + ": Not a directory", IoMessages.describe(e));
        assertEquals(e.getMessage(), IoMessages.describe(e), "already clear: unchanged");
    }

    @Test
    void otherExceptionsKeepTheirMessage() {
        assertEquals("disk on fire", IoMessages.describe(new IOException("disk on fire")));
        assertEquals("IOException", IoMessages.describe(new IOException()));
        assertEquals("/x: FileSystemException", IoMessages.describe(new FileSystemException("/x")));
    }
}
