package io.github.hotpatch.vcxproj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, hostile and non-project input fails with a message naming the file and what was expected. */
class VcxprojRejectsBadInputTest {

    private static VcxprojFormatException rejected(String fixture) {
        Path file = Fixtures.vcxproj(fixture);
        VcxprojFormatException e = assertThrows(VcxprojFormatException.class, () -> VcxprojFileReader.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e;
    }

    @Test
    void truncatedXml() {
        VcxprojFormatException e = rejected("malformed-truncated.vcxproj");
        assertTrue(e.getMessage().contains("malformed XML at line"), e.getMessage());
        assertTrue(e.getMessage().endsWith("expected an MSBuild project"), e.getMessage());
    }

    @Test
    void emptyFile() {
        assertTrue(rejected("empty.vcxproj").getMessage().contains("file is empty; expected an MSBuild project"));
    }

    @Test
    void externalEntityIsRefusedAndNothingIsRead() {
        VcxprojFormatException e = rejected("xxe-external-entity.vcxproj");
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(e.getMessage().contains("XXE"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), "the entity's target must not be read");
    }

    @Test
    void externalParameterEntityIsRefused() {
        assertTrue(rejected("xxe-parameter-entity.vcxproj").getMessage().contains("DOCTYPE"));
    }

    @Test
    void entityExpansionIsRefused() {
        assertTrue(rejected("entity-expansion.vcxproj").getMessage().contains("DOCTYPE"));
    }

    @Test
    void otherRootElement() {
        assertTrue(
                rejected("not-a-project.vcxproj")
                        .getMessage()
                        .contains(
                                "expected root element <Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">, found <Solution>"));
    }

    @Test
    void projectWithoutConfigurations() {
        assertTrue(rejected("no-configurations.vcxproj")
                .getMessage()
                .contains("<ProjectConfiguration Include=\"Configuration|Platform\"> items; found none"));
    }

    @Test
    void configurationWithoutPlatform() {
        assertTrue(rejected("bad-configuration.vcxproj").getMessage().contains("found Include=\"Release\""));
    }

    @Test
    void missingFileIsAnIoException(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> VcxprojFileReader.read(dir.resolve("absent.vcxproj")));
    }

    @Test
    void oversizedFileIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.vcxproj");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SecureXmlParser.MAX_BYTES + 1); // sparse: costs no disk
        }
        VcxprojFormatException e = assertThrows(VcxprojFormatException.class, () -> VcxprojFileReader.read(big));
        assertTrue(e.getMessage().contains("refusing to parse it"), e.getMessage());
    }
}
