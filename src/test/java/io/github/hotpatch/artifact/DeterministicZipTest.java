package io.github.hotpatch.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zip's file itself, as install/deploy publish it. */
class DeterministicZipTest {
    @TempDir
    Path dir;

    @Test
    void theZipGetsTheModeANewFileGetsNotTheTemporaryFilesOwnerOnlyMode() throws Exception {
        Path dll = Files.writeString(dir.resolve("msquic.dll"), "dll");
        Path zip = dir.resolve("out/msquic-arm64-schannel.zip");
        DeterministicZip.write(zip, List.of(dll));

        // What this process's umask gives a new file, as maven-jar-plugin's jar gets it.
        Set<PosixFilePermission> normal =
                Files.getPosixFilePermissions(Files.createFile(dir.resolve("out/plain-new-file")));
        assertEquals(
                PosixFilePermissions.toString(normal),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)));
        assertTrue(
                !normal.equals(PosixFilePermissions.fromString("rw-------")),
                "with umask 077 this test could not tell the two modes apart");
        try (var left = Files.list(zip.getParent())) {
            assertEquals(
                    List.of("msquic-arm64-schannel.zip", "plain-new-file"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no partial file left behind");
        }
    }
}
