package io.github.hotpatch.pdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The reader reads the superblock, block map, directory and three streams, nothing else. */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class PdbReadCostTest {

    /** What was read, per structure, must be exactly the structures the reader needs, each within its own size. */
    static void assertReadsOnlyWhatItNeeds(PdbFile pdb) {
        DbiModule linker = pdb.dbi().linkerModule().orElseThrow();
        int linkerStream = linker.symbolStream().getAsInt();
        String linkerName = "stream " + linkerStream + " (module " + linker.index() + " * Linker *)";
        Map<String, Long> read = pdb.bytesReadByStructure();

        assertEquals(
                List.of(
                        "MSF superblock",
                        "block map",
                        "stream directory",
                        "stream 1 (PDB info)",
                        "stream 3 (DBI)",
                        linkerName),
                List.copyOf(read.keySet()));
        assertEquals(
                pdb.bytesRead(),
                read.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(MsfSuperBlock.SIZE, read.get("MSF superblock"));
        assertEquals(4 * pdb.superBlock().blocksFor(pdb.superBlock().directorySize()), read.get("block map"));
        assertTrue(read.get("stream directory") <= pdb.superBlock().directorySize());
        assertEquals(
                pdb.streamSize(1).getAsLong(), read.get("stream 1 (PDB info)"), "the small info stream is read once");
        assertTrue(read.get("stream 3 (DBI)") <= pdb.streamSize(3).getAsLong());
        // Only the symbol substream, and only until S_COMPILE3 and S_ENVBLOCK are found.
        assertTrue(read.get(linkerName) <= linker.symbolByteSize());
    }

    @Test
    void fixtureReadsAFewPercentAtMost() throws IOException {
        PdbFile pdb = PdbFileReader.read(NativeFixtures.arm64Hotpatch().pdb());
        assertReadsOnlyWhatItNeeds(pdb);
        // A 72 KiB PDB is mostly fixed-size structures, so the share is larger than for a real one.
        assertTrue(pdb.bytesRead() * 20 < pdb.fileSize(), pdb.bytesRead() + " of " + pdb.fileSize());
    }

    @Test
    void largePdbReadsUnderOnePercent() throws IOException {
        Path large = PdbTestSupport.largeArm64Pdb();
        PdbFile pdb = PdbFileReader.read(large);
        assertReadsOnlyWhatItNeeds(pdb);
        assertEquals(41, pdb.dbi().modules().size());
        assertTrue(Files.size(large) > 1_000_000, Files.size(large) + " bytes");
        assertTrue(pdb.bytesRead() * 100 < pdb.fileSize(), pdb.bytesRead() + " of " + pdb.fileSize());
        System.out.printf(
                "large PDB: read %d of %d bytes (%.2f %%): %s%n",
                pdb.bytesRead(), pdb.fileSize(), 100.0 * pdb.bytesRead() / pdb.fileSize(), pdb.bytesReadByStructure());
    }
}
