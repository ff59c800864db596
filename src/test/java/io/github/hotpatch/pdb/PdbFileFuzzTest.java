package io.github.hotpatch.pdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import io.github.hotpatch.testing.NativeFixtures;
import io.github.hotpatch.testing.ReaderFuzzTest;
import io.github.hotpatch.testing.ReaderFuzzing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@link PdbFileReader#read} on fuzzed PDBs: a result or a {@link PdbFormatException}, nothing else, within
 * {@link ReaderFuzzing#TIME_BOUND} and the fuzzing JVM's heap. Seeds are lld-link PDBs from {@link NativeFixtures}
 * ({@code PdbFileFuzzTestInputs/read/}); see FUZZING.md.
 */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class PdbFileFuzzTest {

    private static final String METHOD = "read";

    /** Reused for every input; see {@link ReaderFuzzing#scratchDir}. */
    private static Path pdb;

    // Words the reader compares whole; the fuzzer rarely guesses them byte by byte.
    @DictionaryEntries({"Microsoft C/C++ MSF 7.00", "* Linker *", "cwd", "exe", "pdb", "cmd", "/names", "/LinkInfo"})
    @ReaderFuzzTest
    void read(byte[] file) throws IOException {
        Path path = pdbPath();
        Files.write(path, file);
        ReaderFuzzing.readOrReject(PdbFormatException.class, () -> useEverything(PdbFileReader.read(path)));
    }

    /** What the verifier reads from a PDB, and the records' toString, so lazy views are exercised too. */
    private static void useEverything(PdbFile pdb) {
        pdb.guid().formatted();
        pdb.age();
        pdb.incrementallyLinked();
        pdb.hasFixupStream();
        pdb.linkerName();
        pdb.linkerVersion();
        pdb.linkerCommandLine();
        pdb.environment();
        pdb.dbi().modules().forEach(DbiModule::toString);
        pdb.toString();
    }

    private static synchronized Path pdbPath() throws IOException {
        if (pdb == null) {
            pdb = ReaderFuzzing.scratchDir(PdbFileFuzzTest.class).resolve("input.pdb");
        }
        return pdb;
    }

    /** The real seeds parse to their end: fuzzing starts from PDBs that reach the linker module. */
    @Test
    void seedsAreReadablePdbs() throws IOException {
        List<Path> seeds = seeds();
        assertFalse(seeds.isEmpty(), "no seeds in " + ReaderFuzzing.inputsDir(PdbFileFuzzTest.class, METHOD));
        for (Path seed : seeds) {
            PdbFile read = PdbFileReader.read(seed);
            assertEquals(Files.size(seed), read.fileSize(), seed::toString);
            assertEquals("LLVM Linker", read.linkerName().orElse(""), seed::toString);
        }
    }

    private static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(ReaderFuzzing.inputsDir(PdbFileFuzzTest.class, METHOD))) {
            return files.filter(p -> p.getFileName().toString().startsWith("seed-"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Rewrites the committed seeds from freshly linked fixtures:
     * {@code ./mvnw test -Dtest=PdbFileFuzzTest -DskipFuzz -Dgroups=seed-refresh -Dsurefire.excludedGroups=}.
     */
    @Test
    @Tag("seed-refresh")
    void refreshSeeds() throws IOException {
        seed("seed-lld22-arm64-hotpatch.pdb", NativeFixtures.arm64Hotpatch());
        seed("seed-lld19-arm64-profile.pdb", NativeFixtures.arm64Lld19Profile());
    }

    private static void seed(String name, NativeFixtures.Built built) throws IOException {
        ReaderFuzzing.writeSeed(PdbFileFuzzTest.class, METHOD, name, Files.readAllBytes(built.pdb()));
    }
}
