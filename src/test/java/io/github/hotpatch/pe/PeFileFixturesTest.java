package io.github.hotpatch.pe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.NativeFixtures;
import io.github.hotpatch.testing.NativeFixtures.Built;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The reader against real images: lld-link 22/19 cross builds and an MSVC-linked ARM64 .node from npm. */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class PeFileFixturesTest {

    @Test
    void arm64HotpatchFixtureCarriesTheHotpatchEvidence() throws Exception {
        Built built = NativeFixtures.arm64Hotpatch();
        PeImage image = PeImageReader.read(built.dll());

        assertEquals(Machine.ARM64, image.machine().code());
        assertEquals("ARM64", image.machine().name());
        assertTrue(image.isPe32Plus());
        assertTrue(image.coffHeader().isDll());
        assertTrue(image.exDllCharacteristics().isPresent());
        assertEquals(0x80, image.exDllCharacteristics().getAsInt() & 0x80);
        assertTrue(image.hotpatchCompatible());

        BaseRelocations relocs = image.relocations();
        assertTrue(relocs.present(), relocs::toString);
        assertTrue(relocs.relocSection());
        assertFalse(relocs.relocsStripped());
        assertTrue((image.dllCharacteristics() & PeFlags.DLL_DYNAMIC_BASE) != 0);

        CodeViewRecord cv = image.codeView().orElseThrow();
        assertEquals(1, cv.age());
        assertEquals(built.pdb().toString(), cv.pdbPath());
        assertTrue(cv.guidString().matches("\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}}"));
        assertEquals(
                List.of(DebugType.CODEVIEW, DebugType.EX_DLLCHARACTERISTICS),
                image.debugEntries().stream().map(DebugEntry::type).toList());
        assertEquals("EX_DLLCHARACTERISTICS", image.debugEntries().get(1).typeName());

        // lld writes no Rich header and no load config unless the image defines _load_config_used.
        assertTrue(image.richHeader().isEmpty());
        assertTrue(image.loadConfig().isEmpty());
        assertEquals(new LinkerVersion(14, 0), image.linkerVersion());
        assertEquals(List.of(), image.warnings());
        assertEquals(Files.size(built.dll()), image.fileSize());
    }

    @Test
    void plainFixtureIsNotHotpatchCompatible() throws Exception {
        PeImage image = PeImageReader.read(NativeFixtures.arm64Plain().dll());
        assertEquals("ARM64", image.machine().name());
        assertFalse(image.hotpatchCompatible());
        assertTrue(image.exDllCharacteristics().isEmpty());
        assertTrue(image.codeView().isPresent());
    }

    @Test
    void x64FixtureIsHotpatchCompatible() throws Exception {
        PeImage image = PeImageReader.read(NativeFixtures.x64Hotpatch().dll());
        assertEquals(Machine.AMD64, image.machine().code());
        assertEquals("x64", image.machine().name());
        assertTrue(image.hotpatchCompatible());
        assertTrue(image.relocations().present());
    }

    @Test
    void lld19FixtureHasNoExtendedDllCharacteristicsEntry() throws Exception {
        PeImage image = PeImageReader.read(NativeFixtures.arm64Lld19Profile().dll());
        assertEquals("ARM64", image.machine().name());
        assertFalse(image.hasDebugEntry(DebugType.EX_DLLCHARACTERISTICS));
        assertTrue(image.exDllCharacteristics().isEmpty());
        assertFalse(image.hotpatchCompatible());
        assertTrue(image.relocations().present(), "/profile keeps relocations");
    }

    @Test
    void msvcLinkedNodeIsArm64WithoutHotpatchAndHasARichHeader() throws Exception {
        Path node = NativeFixtures.msvcArm64Node();
        PeImage image = PeImageReader.read(node);

        assertEquals("ARM64", image.machine().name());
        assertEquals(
                List.of(DebugType.CODEVIEW, DebugType.VC_FEATURE, DebugType.POGO),
                image.debugEntries().stream().map(DebugEntry::type).toList());
        assertFalse(image.hasDebugEntry(DebugType.EX_DLLCHARACTERISTICS));
        assertFalse(image.hotpatchCompatible());
        assertTrue(image.relocations().present());

        assertEquals(14, image.linkerVersion().major());
        assertEquals("14.44", image.linkerVersion().toString(), "measured on rollup 4.53.3");

        RichHeader rich = image.richHeader().orElseThrow();
        assertTrue(rich.checksumValid());
        RichEntry linker = rich.linker().orElseThrow();
        assertEquals(RichEntry.LINKER_14, linker.productId());
        assertEquals("Linker 14.x", linker.productName());
        assertEquals(35219, linker.build(), "measured: the 14.44 toolset's link.exe build");
        assertTrue(rich.entries().stream().anyMatch(e -> e.productId() == 0x0105), "C++ objects");

        CodeViewRecord cv = image.codeView().orElseThrow();
        assertEquals("bindings_napi.pdb", cv.pdbPath());
        assertEquals("{51D41E3F-4AFD-4855-B175-F181ABA8A41A}", cv.guidString());
        assertEquals(1, cv.age());

        LoadConfig lc = image.loadConfig().orElseThrow();
        assertEquals(0x140, lc.size());
        assertEquals(0x100, lc.guardFlags().orElseThrow());
        assertEquals(0, lc.hotPatchTableOffset().orElseThrow(), "a base image has no hot-patch table");
        assertEquals(0, lc.chpeMetadataPointer().orElseThrow());
        assertEquals(List.of(), image.warnings());
    }

    @Test
    void readsOnlyAFewKilobytesOfALargeImage() throws Exception {
        Path node = NativeFixtures.msvcArm64Node();
        PeImage image = PeImageReader.read(node);
        assertTrue(image.fileSize() > 2_000_000);
        assertTrue(image.bytesRead() < 2048, () -> "read " + image.bytesRead() + " bytes");
    }

    @Test
    void loadConfigFieldsOfA64BitImage() throws Exception {
        PeImage image = PeImageReader.read(NativeFixtures.arm64LoadConfig().dll());
        LoadConfig lc = image.loadConfig().orElseThrow();
        assertEquals(0x100, lc.size());
        assertEquals(NativeFixtures.LOAD_CONFIG_GUARD_FLAGS, lc.guardFlags().orElseThrow());
        assertEquals(
                NativeFixtures.LOAD_CONFIG_HOTPATCH_TABLE_64,
                lc.hotPatchTableOffset().orElseThrow());
        assertTrue(image.hotpatchCompatible());
    }

    @Test
    void pe32ImageAndItsLoadConfig() throws Exception {
        PeImage image = PeImageReader.read(NativeFixtures.x86LoadConfig().dll());
        assertEquals("x86", image.machine().name());
        assertFalse(image.isPe32Plus());
        assertEquals(OptionalHeader.PE32_MAGIC, image.optionalHeader().magic());
        LoadConfig lc = image.loadConfig().orElseThrow();
        assertEquals(0xA0, lc.size());
        assertEquals(NativeFixtures.LOAD_CONFIG_GUARD_FLAGS, lc.guardFlags().orElseThrow());
        assertEquals(
                NativeFixtures.LOAD_CONFIG_HOTPATCH_TABLE_32,
                lc.hotPatchTableOffset().orElseThrow());
        assertTrue(image.codeView().isPresent());
    }

    @Test
    void codeViewMatchesWhatPdbutilReadsFromThePdb() throws Exception {
        for (Built built : List.of(
                NativeFixtures.arm64Hotpatch(), NativeFixtures.x64Hotpatch(), NativeFixtures.arm64Lld19Profile())) {
            CodeViewRecord cv = PeImageReader.read(built.dll()).codeView().orElseThrow();
            String summary = NativeFixtures.run(
                    built.dir(),
                    "llvm-pdbutil-22",
                    "dump",
                    "--summary",
                    built.pdb().toString());
            assertEquals(
                    find(summary, "GUID: (\\{[0-9A-F-]+})"),
                    cv.guidString(),
                    built.dll().toString());
            assertEquals(
                    Long.parseLong(find(summary, "Age: (\\d+)")),
                    cv.age(),
                    built.dll().toString());
        }
    }

    @Test
    void codeViewGuidBytesAreDefensivelyCopied() throws Exception {
        CodeViewRecord cv = PeImageReader.read(NativeFixtures.arm64Hotpatch().dll())
                .codeView()
                .orElseThrow();
        byte[] guid = cv.guid();
        assertNotSame(guid, cv.guid());
        guid[0] ^= 1;
        assertFalse(java.util.Arrays.equals(guid, cv.guid()));
        assertArrayEquals(cv.guid(), cv.guid());
    }

    @Test
    void sectionsAndDirectoriesAreReported() throws Exception {
        PeImage image = PeImageReader.read(NativeFixtures.arm64Hotpatch().dll());
        assertEquals(16, image.dataDirectories().size());
        assertTrue(image.dataDirectory(DataDirectory.DEBUG).isPresent());
        assertEquals("Debug", image.dataDirectory(DataDirectory.DEBUG).name());
        Section reloc = image.section(".reloc").orElseThrow();
        assertTrue(reloc.containsRva(
                image.dataDirectory(DataDirectory.BASE_RELOCATION).rva()));
        assertEquals(image.coffHeader().numberOfSections(), image.sections().size());
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), () -> regex + " not in:\n" + text);
        return m.group(1);
    }
}
