package io.github.hotpatch.pdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PdbSymbolsReader} against {@code llvm-pdbutil-22 dump --symbols} (every module's stream) and
 * {@code dump --globals} (the global symbol records): the same procedures with the same segment:offset and code size,
 * the same variables with the same segment:offset and type index.
 */
class PdbSymbolsDifferentialTest {

    private static final Pattern RECORD = Pattern.compile(
            "\\| (S_[GL]PROC32(?:_ID)?|S_[GL]DATA32|S_[GL]THREAD32) \\[size = \\d+\\] `([^`]*)`\\s*\\n([^\\n]*)");
    private static final Pattern ADDR = Pattern.compile("addr = (\\d{4}):(\\d+)");
    private static final Pattern CODE_SIZE = Pattern.compile("code size = (\\d+)");
    private static final Pattern TYPE = Pattern.compile("type = 0x([0-9A-F]+)");

    static Stream<Arguments> pdbs() throws IOException {
        return Stream.of(
                Arguments.of("arm64Hotpatch", NativeFixtures.arm64Hotpatch().pdb()),
                Arguments.of("x64Hotpatch", NativeFixtures.x64Hotpatch().pdb()),
                Arguments.of("large", PdbTestSupport.largeArm64Pdb()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pdbs")
    void proceduresAndDataMatchPdbutil(String label, Path pdb) throws IOException {
        PdbSymbols symbols = PdbSymbolsReader.read(pdb);
        String modules = PdbTestSupport.tool(pdb.getParent(), "llvm-pdbutil-22", "dump", "--symbols", pdb.toString());
        String globals = PdbTestSupport.tool(pdb.getParent(), "llvm-pdbutil-22", "dump", "--globals", pdb.toString());

        Set<String> expectedProcs = new TreeSet<>();
        Set<String> expectedData = new TreeSet<>();
        collect(modules, expectedProcs, expectedData);
        collect(globals, new TreeSet<>(), expectedData);

        Set<String> procs = new TreeSet<>();
        for (ProcedureSymbol p : symbols.procedures()) {
            procs.add(p.name() + " " + addr(p.segment(), p.offset()) + " " + p.codeSize());
        }
        Set<String> data = new TreeSet<>();
        for (DataSymbol d : symbols.data()) {
            int local = d.name().lastIndexOf("::");
            String name = local < 0 ? d.name() : d.name().substring(local + 2);
            data.add(name + " " + addr(d.segment(), d.offset()) + " " + Long.toHexString(d.typeIndex()));
        }
        assertFalse(expectedProcs.isEmpty(), label);
        assertEquals(expectedProcs, procs, label);
        assertEquals(expectedData, data, label);
        assertEquals(0xFFFF & symbols.machine(), symbols.machine());
    }

    private static void collect(String dump, Set<String> procs, Set<String> data) {
        Matcher m = RECORD.matcher(dump);
        while (m.find()) {
            Matcher a = ADDR.matcher(m.group(3));
            if (!a.find()) {
                continue;
            }
            String where = addr(Integer.parseInt(a.group(1)), Long.parseLong(a.group(2)));
            if (m.group(1).contains("PROC")) {
                Matcher s = CODE_SIZE.matcher(m.group(3));
                assertTrue(s.find(), m.group());
                procs.add(m.group(2) + " " + where + " " + s.group(1));
            } else {
                Matcher t = TYPE.matcher(m.group(3));
                assertTrue(t.find(), m.group());
                data.add(m.group(2) + " " + where + " " + Long.toHexString(Long.parseLong(t.group(1), 16)));
            }
        }
    }

    private static String addr(int segment, long offset) {
        return segment + ":" + offset;
    }

    /** The large PDB's symbols are read without reading its type streams or line info. */
    @Test
    void readsOnlySymbolStreams() throws IOException {
        Path pdb = PdbTestSupport.largeArm64Pdb();
        PdbSymbols symbols = PdbSymbolsReader.read(pdb);
        assertEquals(2400, symbols.procedures().size());
        long size = Files.size(pdb);
        assertTrue(symbols.bytesRead() < size / 2, symbols.bytesRead() + " of " + size);
    }

    @Test
    void aTruncatedModuleRecordIsAFormatErrorNamingTheStream() throws IOException {
        // the generic corruption cases (truncated file, bad block numbers) are PdbCorruptionTest's; here one record
        // length inside a module stream is made to run past the stream's symbol bytes
        Path pdb = NativeFixtures.arm64Hotpatch().pdb();
        PdbFile file = PdbFileReader.read(pdb);
        DbiModule module = file.dbi().modules().get(0);
        Path copy = Files.createTempDirectory(NativeFixtures.ROOT, "symbols").resolve("bad.pdb");
        byte[] bytes = Files.readAllBytes(pdb);
        long at;
        try (MsfReader msf = MsfReader.open(pdb)) {
            at = msf.fileOffsetOf(module.symbolStream().getAsInt(), 4);
        }
        bytes[(int) at] = (byte) 0xF0;
        bytes[(int) at + 1] = (byte) 0xFF;
        Files.write(copy, bytes);
        PdbFormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                PdbFormatException.class, () -> PdbSymbolsReader.read(copy));
        assertTrue(e.getMessage().contains("stream " + module.symbolStream().getAsInt()), e.getMessage());
        assertTrue(e.getMessage().contains("offset 4"), e.getMessage());
        List.of(copy).forEach(p -> p.toFile().delete());
    }
}
