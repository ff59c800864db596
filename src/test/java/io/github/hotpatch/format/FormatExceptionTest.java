package io.github.hotpatch.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.fileapi.FileApiFormatException;
import io.github.hotpatch.fileapi.FileApiReplyReader;
import io.github.hotpatch.json.JsonReader;
import io.github.hotpatch.json.JsonSyntaxException;
import io.github.hotpatch.pdb.PdbFileReader;
import io.github.hotpatch.pdb.PdbFormatException;
import io.github.hotpatch.pe.PeFormatException;
import io.github.hotpatch.pe.PeImageReader;
import io.github.hotpatch.vcxproj.VcxprojFileReader;
import io.github.hotpatch.vcxproj.VcxprojFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reader's error is a {@link FormatException} carrying the file, the structure, the offset and the detail. */
class FormatExceptionTest {

    @TempDir
    Path dir;

    @Test
    void peErrorCarriesFieldAndFileOffset() throws IOException {
        Path dll = Files.write(dir.resolve("empty.dll"), new byte[0]);
        FormatException e = assertThrows(PeFormatException.class, () -> PeImageReader.read(dll));
        assertEquals(dll, e.file());
        assertEquals("file", e.structure());
        assertEquals(OptionalLong.of(0), e.position());
        assertTrue(e.getMessage().endsWith(e.detail()), e.getMessage());
        assertTrue(e.detail().contains("expected a PE image"), e.detail());
    }

    @Test
    void pdbErrorCarriesTheSuperblockFieldOffset() throws IOException {
        ByteBuffer superBlock = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        superBlock.put("Microsoft C/C++ MSF 7.00\r\n\u001aDS\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        superBlock.putInt(32, 1000); // not a block size MSF allows
        Path pdb = Files.write(dir.resolve("bad.pdb"), superBlock.array());
        FormatException e = assertThrows(PdbFormatException.class, () -> PdbFileReader.read(pdb));
        assertEquals(pdb, e.file());
        assertEquals("MSF superblock", e.structure());
        assertEquals(OptionalLong.of(32), e.position());
        assertEquals("bad.pdb: " + e.detail(), e.getMessage());
        assertTrue(e.detail().contains("block size at offset 32 is 1000, expected one of 512"), e.detail());
    }

    @Test
    void vcxprojAndFileApiErrorsNameTheirFile() throws IOException {
        Path project = Files.writeString(dir.resolve("empty.vcxproj"), "");
        FormatException v = assertThrows(VcxprojFormatException.class, () -> VcxprojFileReader.read(project));
        assertEquals(project, v.file());
        assertEquals(VcxprojFormatException.STRUCTURE, v.structure());
        assertEquals(OptionalLong.empty(), v.position());
        assertEquals(project + ": " + v.detail(), v.getMessage());

        FormatException f = assertThrows(FileApiFormatException.class, () -> FileApiReplyReader.read(dir));
        assertEquals(FileApiFormatException.STRUCTURE, f.structure());
        assertTrue(f.file().startsWith(dir), f.file().toString());
        assertEquals(f.file() + ": " + f.detail(), f.getMessage());
    }

    @Test
    void jsonErrorIsTextWithACharacterOffset() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("[1,"));
        FormatException base = assertInstanceOf(FormatException.class, e);
        assertNull(base.file());
        assertEquals(JsonSyntaxException.STRUCTURE, base.structure());
        assertEquals(OptionalLong.of(e.offset()), base.position());
        assertEquals(e.problem(), base.detail());
    }
}
