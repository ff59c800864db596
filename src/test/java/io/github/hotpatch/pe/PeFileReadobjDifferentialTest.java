package io.github.hotpatch.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.NativeFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture read by this package and by llvm-readobj-22 must agree on the fields the verifier uses. */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class PeFileReadobjDifferentialTest {

    static Stream<Arguments> images() throws Exception {
        return Stream.of(
                Arguments.of(
                        "arm64 hotpatch (lld 22)",
                        NativeFixtures.arm64Hotpatch().dll()),
                Arguments.of("arm64 plain (lld 22)", NativeFixtures.arm64Plain().dll()),
                Arguments.of(
                        "x64 hotpatch (lld 22)", NativeFixtures.x64Hotpatch().dll()),
                Arguments.of(
                        "arm64 profile (lld 19)",
                        NativeFixtures.arm64Lld19Profile().dll()),
                Arguments.of(
                        "arm64 load config (lld 22)",
                        NativeFixtures.arm64LoadConfig().dll()),
                Arguments.of(
                        "x86 PE32 load config (lld 22)",
                        NativeFixtures.x86LoadConfig().dll()),
                Arguments.of("MSVC arm64 .node (npm)", NativeFixtures.msvcArm64Node()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void headersDebugDirectoryAndLoadConfigAgree(String label, Path file) throws Exception {
        PeImage image = PeImageReader.read(file);
        ReadobjTree readobj = ReadobjTree.of(file, "--file-headers", "--coff-debug-directory", "--coff-load-config");

        ReadobjTree fileHeader = readobj.path("ImageFileHeader");
        assertEquals(fileHeader.number("Machine"), image.machine().code());
        assertEquals(fileHeader.number("SectionCount"), image.sections().size());
        assertEquals(fileHeader.number("Characteristics"), image.characteristics());

        ReadobjTree optional = readobj.path("ImageOptionalHeader");
        assertEquals(optional.number("Magic"), image.optionalHeader().magic());
        assertEquals(optional.number("Characteristics"), image.dllCharacteristics());
        assertEquals(
                optional.number("MajorLinkerVersion"), image.linkerVersion().major());
        assertEquals(
                optional.number("MinorLinkerVersion"), image.linkerVersion().minor());
        assertEquals(optional.number("ImageBase"), image.optionalHeader().imageBase());
        ReadobjTree dirs = optional.path("DataDirectory");
        assertEquals(
                dirs.number("DebugRVA"),
                image.dataDirectory(DataDirectory.DEBUG).rva());
        assertEquals(
                dirs.number("DebugSize"),
                image.dataDirectory(DataDirectory.DEBUG).size());
        assertEquals(
                dirs.number("BaseRelocationTableRVA"),
                image.dataDirectory(DataDirectory.BASE_RELOCATION).rva());
        assertEquals(
                dirs.number("BaseRelocationTableSize"),
                image.dataDirectory(DataDirectory.BASE_RELOCATION).size());
        assertEquals(
                dirs.number("LoadConfigTableRVA"),
                image.dataDirectory(DataDirectory.LOAD_CONFIG).rva());
        assertEquals(
                dirs.number("LoadConfigTableSize"),
                image.dataDirectory(DataDirectory.LOAD_CONFIG).size());

        List<ReadobjTree> entries =
                readobj.child("DebugDirectory").map(d -> d.all("DebugEntry")).orElse(List.of());
        assertEquals(entries.size(), image.debugEntries().size());
        for (int i = 0; i < entries.size(); i++) {
            ReadobjTree theirs = entries.get(i);
            DebugEntry ours = image.debugEntries().get(i);
            assertEquals(theirs.number("Type"), ours.type(), "entry " + i);
            assertEquals(theirs.number("SizeOfData"), ours.sizeOfData());
            assertEquals(theirs.number("AddressOfRawData"), ours.addressOfRawData());
            assertEquals(theirs.number("PointerToRawData"), ours.pointerToRawData());
            if (ours.type() == DebugType.EX_DLLCHARACTERISTICS) {
                assertEquals(
                        theirs.number("ExtendedCharacteristics"),
                        Integer.toUnsignedLong(ours.exDllCharacteristics().orElseThrow()));
            }
            Optional<ReadobjTree> pdbInfo = theirs.child("PDBInfo");
            assertEquals(pdbInfo.isPresent(), ours.codeView().isPresent(), "entry " + i);
            if (pdbInfo.isPresent()) {
                CodeViewRecord cv = ours.codeView().orElseThrow();
                assertEquals(pdbInfo.get().value("PDBGUID").orElseThrow(), cv.guidString());
                assertEquals(pdbInfo.get().number("PDBAge"), cv.age());
                assertEquals(pdbInfo.get().value("PDBFileName").orElseThrow(), cv.pdbPath());
            }
        }
        assertEquals(
                entries.stream().anyMatch(e -> e.number("Type") == 20),
                image.exDllCharacteristics().isPresent());

        Optional<ReadobjTree> loadConfig = readobj.child("LoadConfig");
        assertEquals(loadConfig.isPresent(), image.loadConfig().isPresent());
        if (loadConfig.isPresent()) {
            LoadConfig ours = image.loadConfig().orElseThrow();
            assertEquals(loadConfig.get().number("Size"), ours.size());
            assertEquals(
                    loadConfig.get().number("GuardFlags"),
                    Integer.toUnsignedLong(ours.guardFlags().orElseThrow()));
            assertEquals(
                    loadConfig.get().number("HotPatchTableOffset"),
                    ours.hotPatchTableOffset().orElseThrow());
            assertEquals(
                    loadConfig.get().number("CHPEMetadataPointer"),
                    ours.chpeMetadataPointer().orElseThrow());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void sectionTableAgrees(String label, Path file) throws Exception {
        PeImage image = PeImageReader.read(file);
        List<ReadobjTree> theirs =
                ReadobjTree.of(file, "--sections").path("Sections").all("Section");
        assertEquals(theirs.size(), image.sections().size());
        assertFalse(theirs.isEmpty());
        for (int i = 0; i < theirs.size(); i++) {
            ReadobjTree t = theirs.get(i);
            Section s = image.sections().get(i);
            assertTrue(
                    t.value("Name").orElseThrow().startsWith(s.name() + " ("),
                    t.value("Name").orElseThrow());
            assertEquals(t.number("VirtualSize"), s.virtualSize());
            assertEquals(t.number("VirtualAddress"), s.virtualAddress());
            assertEquals(t.number("RawDataSize"), s.sizeOfRawData());
            assertEquals(t.number("PointerToRawData"), s.pointerToRawData());
            assertEquals(t.number("Characteristics"), Integer.toUnsignedLong(s.characteristics()));
        }
    }
}
