package io.github.hotpatch.pdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.NativeFixtures;
import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Everything the reader reports, compared with what llvm-pdbutil-22 prints for the same file. */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class PdbutilDifferentialTest {

    static Stream<Arguments> pdbs() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (Map.Entry<String, Built> e : PdbTestSupport.realFixtures().entrySet()) {
            all.add(Arguments.of(e.getKey(), e.getValue().pdb()));
        }
        all.add(Arguments.of(
                "arm64DebugTypeFixup", PdbTestSupport.arm64DebugTypeFixup().pdb()));
        all.add(Arguments.of("large", PdbTestSupport.largeArm64Pdb()));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pdbs")
    void summaryMatches(String label, Path pdbPath) throws IOException {
        PdbFile pdb = PdbFileReader.read(pdbPath);
        Map<String, String> summary = PdbTestSupport.pdbutilSummary(pdbPath);

        assertEquals(
                summary.get("Block Size"), Integer.toString(pdb.superBlock().blockSize()), label);
        assertEquals(
                summary.get("Number of blocks"), Long.toString(pdb.superBlock().blockCount()), label);
        assertEquals(summary.get("Number of streams"), Integer.toString(pdb.streamCount()), label);
        assertEquals(summary.get("Signature"), Long.toString(pdb.info().signature()), label);
        assertEquals(summary.get("Age"), Long.toString(pdb.age()), label);
        assertEquals(summary.get("GUID"), pdb.guid().formatted(), label);
        assertEquals(
                summary.get("Features"), "0x" + Integer.toHexString(pdb.info().features()), label);
        assertEquals(summary.get("Is incrementally linked"), Boolean.toString(pdb.incrementallyLinked()), label);
        assertEquals(summary.get("Is stripped"), Boolean.toString(pdb.stripped()), label);
        assertEquals(
                summary.get("Has conflicting types"), Boolean.toString(pdb.dbi().hasConflictingTypes()), label);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pdbs")
    void streamSizesAndNamedStreamsMatch(String label, Path pdbPath) throws IOException {
        PdbFile pdb = PdbFileReader.read(pdbPath);
        String streams =
                PdbTestSupport.tool(pdbPath.getParent(), "llvm-pdbutil-22", "dump", "--streams", pdbPath.toString());
        Matcher m = Pattern.compile("Stream\\s+(\\d+) \\(\\s*(\\d+) bytes\\)").matcher(streams);
        int seen = 0;
        while (m.find()) {
            assertEquals(
                    Long.parseLong(m.group(2)),
                    pdb.streamSize(Integer.parseInt(m.group(1))).orElseThrow(),
                    label + " stream " + m.group(1));
            seen++;
        }
        assertEquals(pdb.streamCount(), seen, label);

        String named = PdbTestSupport.tool(
                pdbPath.getParent(), "llvm-pdbutil-22", "dump", "--named-streams", pdbPath.toString());
        Map<String, Integer> expected = new LinkedHashMap<>();
        Matcher n = Pattern.compile("\\n\\s+(\\S+)\\n\\s+Index: (\\d+)").matcher(named);
        while (n.find()) {
            expected.put(n.group(1), Integer.parseInt(n.group(2)));
        }
        assertEquals(expected, pdb.info().namedStreams(), label);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pdbs")
    void moduleListMatches(String label, Path pdbPath) throws IOException {
        PdbFile pdb = PdbFileReader.read(pdbPath);
        String out =
                PdbTestSupport.tool(pdbPath.getParent(), "llvm-pdbutil-22", "dump", "--modules", pdbPath.toString());
        Matcher m = Pattern.compile("Mod (\\d{4}) \\| `(.*)`:\\s*\\R\\s*Obj: `(.*)`:\\s*\\R\\s*debug stream: (\\d+), "
                        + "# files: (\\d+)")
                .matcher(out);
        List<DbiModule> modules = pdb.dbi().modules();
        int i = 0;
        while (m.find()) {
            DbiModule module = modules.get(i);
            assertEquals(Integer.parseInt(m.group(1)), module.index(), label);
            assertEquals(m.group(2), module.moduleName(), label);
            assertEquals(m.group(3), module.objectFileName(), label);
            int stream = Integer.parseInt(m.group(4));
            assertEquals(
                    stream == DbiStream.NO_STREAM ? OptionalInt.empty() : OptionalInt.of(stream),
                    module.symbolStream(),
                    label);
            assertEquals(Integer.parseInt(m.group(5)), module.sourceFileCount(), label);
            i++;
        }
        assertEquals(modules.size(), i, label);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pdbs")
    void linkerModuleSymbolsMatch(String label, Path pdbPath) throws IOException {
        PdbFile pdb = PdbFileReader.read(pdbPath);
        LinkerModuleSymbols linker = pdb.linker().orElseThrow();
        String out = PdbTestSupport.tool(
                pdbPath.getParent(),
                "llvm-pdbutil-22",
                "dump",
                "--modi=" + linker.module().index(),
                "--symbols",
                pdbPath.toString());
        assertTrue(out.contains("`* Linker *`"), out);

        Matcher compile = Pattern.compile("S_COMPILE3 \\[size = \\d+\\]\\s*\\R\\s*machine = (.*?), Ver = (.*), "
                        + "language = (\\w+)\\s*\\R\\s*frontend = ([\\d.]+), backend = ([\\d.]+)")
                .matcher(out);
        assertTrue(compile.find(), out);
        CompileSymbol symbol = linker.compile().orElseThrow();
        assertEquals(compile.group(2), symbol.name(), label);
        assertEquals("link", compile.group(3));
        assertEquals(compile.group(4), symbol.frontendVersion().toString(), label);
        assertEquals(compile.group(5), symbol.backendVersion().toString(), label);
        assertEquals(compile.group(5), pdb.linkerVersion().orElseThrow());
        assertEquals(
                Map.of("arm64", 0xF6, "intel x86-x64", 0xD0).get(compile.group(1)), symbol.machine(), compile.group(1));

        // S_ENVBLOCK: "- " lines up to the next record header.
        Matcher env = Pattern.compile("S_ENVBLOCK \\[size = \\d+\\]\\R((?:\\s+- .*\\R)+)")
                .matcher(out);
        assertTrue(env.find(), out);
        List<String> strings = new ArrayList<>();
        for (String line : env.group(1).split("\\R")) {
            strings.add(line.strip().substring(2));
        }
        List<String> ours = new ArrayList<>();
        linker.environment().forEach((k, v) -> {
            ours.add(k);
            ours.add(v);
        });
        assertEquals(strings, ours, label);
    }

    /**
     * The age is stored twice (info stream +8, DBI header +8). Patching only the DBI copy changes nothing in
     * llvm-pdbutil's summary, patching only the info copy does: pdbutil prints the info stream's age, and so
     * {@link PdbFile#age()} is that one.
     */
    @Test
    void pdbutilPrintsTheInfoStreamAge(@TempDir Path dir) throws IOException {
        Path original = NativeFixtures.arm64Hotpatch().pdb();
        Path dbiPatched = PdbTestSupport.copy(original, dir, "dbi-age.pdb");
        Path infoPatched = PdbTestSupport.copy(original, dir, "info-age.pdb");
        try (MsfReader msf = MsfReader.open(original)) {
            PdbTestSupport.putU32(dbiPatched, msf.fileOffsetOf(DbiStream.STREAM, 8), 7);
            PdbTestSupport.putU32(infoPatched, msf.fileOffsetOf(PdbInfoStream.STREAM, 8), 9);
        }

        PdbFile dbiAge = PdbFileReader.read(dbiPatched);
        assertEquals(7, dbiAge.dbi().age());
        assertEquals(1, dbiAge.age());
        assertEquals("1", PdbTestSupport.pdbutilSummary(dbiPatched).get("Age"));

        PdbFile infoAge = PdbFileReader.read(infoPatched);
        assertEquals(9, infoAge.age());
        assertEquals(1, infoAge.dbi().age());
        assertEquals("9", PdbTestSupport.pdbutilSummary(infoPatched).get("Age"));
        assertNotEquals(infoAge.age(), infoAge.dbi().age());
    }

    /** A flag bit set by hand in the DBI header shows up in both readers. */
    @Test
    void incrementalAndStrippedFlagsAgreeWithPdbutil(@TempDir Path dir) throws IOException {
        Path original = NativeFixtures.arm64Plain().pdb();
        for (int flags : new int[] {1, 2, 3, 4}) {
            Path patched = PdbTestSupport.copy(original, dir, "flags" + flags + ".pdb");
            try (MsfReader msf = MsfReader.open(original)) {
                PdbTestSupport.putU16(patched, msf.fileOffsetOf(DbiStream.STREAM, 56), flags);
            }
            PdbFile pdb = PdbFileReader.read(patched);
            Map<String, String> summary = PdbTestSupport.pdbutilSummary(patched);
            assertEquals(summary.get("Is incrementally linked"), Boolean.toString(pdb.incrementallyLinked()));
            assertEquals(summary.get("Is stripped"), Boolean.toString(pdb.stripped()));
            assertEquals(
                    summary.get("Has conflicting types"),
                    Boolean.toString(pdb.dbi().hasConflictingTypes()));
            assertEquals((flags & 1) != 0, pdb.incrementallyLinked());
        }
    }
}
