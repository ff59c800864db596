package io.github.hotpatch.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ExportTableReader} and {@link BaseRelocationTableReader} against {@code llvm-readobj-22 --coff-exports
 * --coff-basereloc}: the same exports (ordinal, name, RVA) and the same relocation entries (type, address), in order.
 */
class ExportsAndRelocationsReadobjDifferentialTest {

    private static final Pattern EXPORT =
            Pattern.compile("Export \\{\\s*Ordinal: (\\d+)\\s*Name: (\\S*)\\s*RVA: 0x([0-9A-F]+)\\s*\\}");
    private static final Pattern ENTRY = Pattern.compile("Entry \\{\\s*Type: (\\S+)\\s*Address: 0x([0-9A-F]+)\\s*\\}");

    static Stream<Arguments> images() throws Exception {
        return Stream.of(
                Arguments.of("arm64 hotpatch", NativeFixtures.arm64Hotpatch().dll()),
                Arguments.of("x64 hotpatch", NativeFixtures.x64Hotpatch().dll()),
                Arguments.of("x86 PE32", NativeFixtures.x86LoadConfig().dll()),
                Arguments.of("MSVC arm64 .node (npm)", NativeFixtures.msvcArm64Node()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void exportsAndRelocationsMatchReadobj(String label, Path dll) throws IOException {
        String out = NativeFixtures.run(
                dll.getParent(), "llvm-readobj-22", "--coff-exports", "--coff-basereloc", dll.toString());
        List<String> expectedExports = new ArrayList<>();
        Matcher e = EXPORT.matcher(out);
        while (e.find()) {
            expectedExports.add(e.group(1) + " " + e.group(2) + " " + Long.parseLong(e.group(3), 16));
        }
        List<String> expectedEntries = new ArrayList<>();
        Matcher r = ENTRY.matcher(out);
        while (r.find()) {
            expectedEntries.add(r.group(1) + " " + Long.parseLong(r.group(2), 16));
        }

        List<String> exports = new ArrayList<>();
        for (Export x : ExportTableReader.read(dll).exports()) {
            exports.add(x.ordinal() + " " + x.name().orElse("") + " " + x.rva());
        }
        List<String> entries = new ArrayList<>();
        for (BaseRelocationTable.Block b : BaseRelocationTableReader.read(dll).blocks()) {
            for (BaseRelocationTable.Entry x : b.entries()) {
                entries.add(x.typeName() + " " + (b.pageRva() + x.offset())); // padding (ABSOLUTE) too, as readobj
            }
        }
        assertFalse(expectedEntries.isEmpty(), label + ": fixture without relocations");
        assertEquals(expectedExports, exports, label);
        assertEquals(expectedEntries.size(), entries.size(), label);
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(expectedEntries.get(i), entries.get(i), label + " relocation entry " + i);
        }
    }

    @Test
    void anExportTableOutsideEverySectionIsAFormatError() throws IOException {
        Path dll = NativeFixtures.arm64Hotpatch().dll();
        PeImage image = PeImageReader.read(dll);
        byte[] bytes = Files.readAllBytes(dll);
        long directories = image.eLfanew() + 4 + CoffHeader.SIZE + HeaderParser.PE32_PLUS_FIXED_SIZE;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt((int) directories, 0x7FFF0000);
        Path bad = Files.createTempDirectory(NativeFixtures.ROOT, "exports").resolve("bad.dll");
        Files.write(bad, bytes);
        PeFormatException x = assertThrows(PeFormatException.class, () -> ExportTableReader.read(bad));
        assertTrue(x.getMessage().contains("export directory"), x.getMessage());
        assertTrue(x.getMessage().contains("0x7FFF0000"), x.getMessage());
    }

    @Test
    void aRelocationBlockSizeRunningPastTheDirectoryIsAFormatError() throws IOException {
        Path dll = NativeFixtures.arm64Hotpatch().dll();
        PeImage image = PeImageReader.read(dll);
        DataDirectory reloc = image.dataDirectory(DataDirectory.BASE_RELOCATION);
        Section section = image.sections().stream()
                .filter(s -> s.containsRva(reloc.rva()))
                .findFirst()
                .orElseThrow();
        long at = section.pointerToRawData() + reloc.rva() - section.virtualAddress();
        byte[] bytes = Files.readAllBytes(dll);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt((int) at + 4, 0x10000);
        Path bad = Files.createTempDirectory(NativeFixtures.ROOT, "relocs").resolve("bad.dll");
        Files.write(bad, bytes);
        PeFormatException x = assertThrows(PeFormatException.class, () -> BaseRelocationTableReader.read(bad));
        assertTrue(x.getMessage().contains("SizeOfBlock"), x.getMessage());
        assertTrue(
                x.getMessage().contains("offset 0x" + Long.toHexString(at + 4).toUpperCase()), x.getMessage());
    }
}
