package io.github.hotpatch.pdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.NativeFixtures;
import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader on real lld-link PDBs: identity against the image, link flags and the linker's own record. */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class PdbFileFixtureTest {

    static Stream<Arguments> fixtures() throws IOException {
        return PdbTestSupport.realFixtures().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void guidAndAgeMatchTheImageCodeViewRecord(String label, Built built) throws IOException {
        PdbFile pdb = PdbFileReader.read(built.pdb());
        Map<String, String> codeView = PdbTestSupport.readobjCodeView(built.dll());

        assertEquals(codeView.get("PDBGUID"), pdb.guid().formatted(), label);
        assertEquals(codeView.get("PDBAge"), Long.toString(pdb.age()), label);
        assertEquals(pdb.info().age(), pdb.dbi().age(), "lld writes the same age into both streams");
        assertEquals(16, pdb.guid().bytes().length);
        assertEquals(pdb.guid(), PdbGuid.of(pdb.guid().bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void structuresOfAnLldPdb(String label, Built built) throws IOException {
        PdbFile pdb = PdbFileReader.read(built.pdb());

        assertEquals(4096, pdb.superBlock().blockSize(), label);
        assertEquals(
                pdb.fileSize(), pdb.superBlock().blockCount() * pdb.superBlock().blockSize());
        assertEquals(20000404L, pdb.info().version());
        assertTrue(pdb.info().namedStreams().containsKey("/names"));
        assertTrue(pdb.info().namedStreams().containsKey("/LinkInfo"));
        assertEquals(-1, pdb.dbi().versionSignature());
        assertEquals(19990903L, pdb.dbi().versionHeader());
        assertFalse(pdb.incrementallyLinked(), "lld never links incrementally");
        assertFalse(pdb.stripped());
        assertEquals(label.startsWith("x64") ? 0x8664 : 0xAA64, pdb.dbi().machine());
        // lld's toolchain build number claims MSVC 14.11.
        assertTrue(pdb.dbi().newBuildNumberFormat());
        assertEquals(14, pdb.dbi().toolchainMajor());
        assertEquals(11, pdb.dbi().toolchainMinor());
        assertEquals(22, pdb.dbi().optionalDebugHeaderSize());
        assertEquals(11, pdb.dbi().debugStreams().size());
        assertTrue(
                pdb.dbi().debugStream(DbiStream.DEBUG_SECTION_HEADER).isPresent(),
                "lld fills only the section header slot");
        assertEquals(2, pdb.dbi().modules().size());
        assertTrue(pdb.dbi().modules().get(0).objectFileName().endsWith(".obj"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void lldNamesItselfLlvmLinkerWithAnMsvcStyleVersion(String label, Built built) throws IOException {
        PdbFile pdb = PdbFileReader.read(built.pdb());
        CompileSymbol compile = pdb.linker().orElseThrow().compile().orElseThrow();

        assertEquals("LLVM Linker", pdb.linkerName().orElseThrow(), label);
        assertEquals(CompileSymbol.LANGUAGE_LINK, compile.language());
        assertFalse(compile.hotPatch());
        assertEquals("0.0.0.0", compile.frontendVersion().toString());
        // lld-link 19 and 22 both claim MSVC link 14.10.25019; the real LLVM version is not recorded.
        assertEquals("14.10.25019.0", pdb.linkerVersion().orElseThrow());
        assertEquals(label.startsWith("x64") ? 0xD0 : 0xF6, compile.machine());
        assertEquals(
                DbiModule.LINKER_MODULE_NAME,
                pdb.linker().orElseThrow().module().moduleName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void environmentBlockHasTheFourLinkerKeys(String label, Built built) throws IOException {
        PdbFile pdb = PdbFileReader.read(built.pdb());

        assertEquals(
                List.of("cwd", "exe", "pdb", "cmd"),
                List.copyOf(pdb.environment().keySet()));
        assertEquals(built.dir().toString(), pdb.environment().get("cwd"), label);
        assertEquals(built.pdb().toString(), pdb.environment().get("pdb"));
        assertTrue(pdb.environment().get("exe").contains("lld-link"));
        String cmd = pdb.linkerCommandLine().orElseThrow();
        assertTrue(cmd.contains("/debug"), cmd);
        assertTrue(cmd.contains("/pdb:" + built.pdb()), cmd);
    }

    @Test
    void hotpatchCommandLineCarriesTheFlagsPlainDoesNot() throws IOException {
        String hotpatch = PdbFileReader.read(NativeFixtures.arm64Hotpatch().pdb())
                .linkerCommandLine()
                .orElseThrow();
        String x64 = PdbFileReader.read(NativeFixtures.x64Hotpatch().pdb())
                .linkerCommandLine()
                .orElseThrow();
        String plain = PdbFileReader.read(NativeFixtures.arm64Plain().pdb())
                .linkerCommandLine()
                .orElseThrow();
        String lld19 = PdbFileReader.read(NativeFixtures.arm64Lld19Profile().pdb())
                .linkerCommandLine()
                .orElseThrow();

        for (String cmd : new String[] {hotpatch, x64}) {
            assertTrue(cmd.contains("/hotpatchcompatible"), cmd);
            assertTrue(cmd.contains("/profile"), cmd);
            assertTrue(cmd.contains("/incremental:no"), cmd);
        }
        assertTrue(hotpatch.contains("/functionpadmin:8"), hotpatch);
        assertTrue(x64.contains("/functionpadmin:6"), x64);
        assertFalse(plain.contains("/hotpatchcompatible"), plain);
        assertFalse(plain.contains("/profile"), plain);
        assertTrue(lld19.contains("/profile") && !lld19.contains("/hotpatchcompatible"), lld19);
    }

    /**
     * Measured: lld-link writes no FIXUP stream, neither for /profile (MSVC documents it as implying
     * /debugtype:cv,fixup) nor for an explicit /debugtype:cv,fixup; slot 2 of the optional debug header stays 0xFFFF.
     */
    @Test
    void lldWritesNoFixupStream() throws IOException {
        for (Built built : new Built[] {
            NativeFixtures.arm64Hotpatch(),
            NativeFixtures.x64Hotpatch(),
            NativeFixtures.arm64Lld19Profile(),
            PdbTestSupport.arm64DebugTypeFixup()
        }) {
            PdbFile pdb = PdbFileReader.read(built.pdb());
            assertFalse(pdb.hasFixupStream(), built.pdb().toString());
            assertTrue(pdb.dbi().fixupStream().isEmpty());
            assertTrue(pdb.dbi().fixupStreamSize().isEmpty());
            assertEquals(DbiStream.NO_STREAM, pdb.dbi().debugStreams().get(DbiStream.DEBUG_FIXUP));
        }
        String cmd = PdbFileReader.read(PdbTestSupport.arm64DebugTypeFixup().pdb())
                .linkerCommandLine()
                .orElseThrow();
        assertTrue(cmd.contains("/debugtype:cv,fixup"), cmd);
        // Nor does the image get a FIXUP (type 6) debug directory entry.
        String readobj = PdbTestSupport.tool(
                PdbTestSupport.arm64DebugTypeFixup().dir(),
                "llvm-readobj-22",
                "--coff-debug-directory",
                PdbTestSupport.arm64DebugTypeFixup().dll().toString());
        assertFalse(readobj.contains("Fixup"), readobj);
    }
}
