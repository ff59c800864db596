package io.github.hotpatch.pdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input: real PDBs truncated or with one field corrupted. Each must fail with a {@link PdbFormatException}
 * that names the file and the broken structure; no other exception type may escape, and nothing may hang.
 */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class PdbCorruptionTest {

    private static Path original;
    private static PdbFile parsed;
    private static MsfSuperBlock superBlock;
    private static long fileSize;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixture() throws IOException {
        original = NativeFixtures.arm64Hotpatch().pdb();
        parsed = PdbFileReader.read(original);
        superBlock = parsed.superBlock();
        fileSize = Files.size(original);
    }

    /** Either a parsed PDB or the PdbFormatException that refused it. */
    record Outcome(PdbFile pdb, PdbFormatException error) {}

    /** Reads {@code pdb} expecting a PdbFormatException; any other outcome (success, other Throwable, hang) fails. */
    static PdbFormatException formatError(Path pdb) {
        Outcome outcome = readOrFormatError(pdb);
        if (outcome.error() == null) {
            fail("expected a PdbFormatException for " + pdb.getFileName() + ", but it parsed: " + outcome.pdb());
        }
        return outcome.error();
    }

    /** Success or a PdbFormatException naming the file, within 10 s; anything else fails the test. */
    static Outcome readOrFormatError(Path pdb) {
        Object result = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> {
                    try {
                        return PdbFileReader.read(pdb);
                    } catch (Throwable t) {
                        return t;
                    }
                },
                () -> "reading " + pdb.getFileName() + " hung");
        if (result instanceof PdbFile parsedPdb) {
            return new Outcome(parsedPdb, null);
        }
        if (!(result instanceof PdbFormatException e)) {
            StringWriter trace = new StringWriter();
            ((Throwable) result).printStackTrace(new PrintWriter(trace));
            throw new AssertionError("expected PdbFormatException for " + pdb.getFileName() + ", got " + trace);
        }
        assertTrue(e.getMessage().startsWith(pdb.getFileName() + ": "), e.getMessage());
        assertEquals(pdb, e.file());
        return new Outcome(null, e);
    }

    private Path copy(String name) throws IOException {
        return PdbTestSupport.copy(original, dir, name);
    }

    private static void assertMessage(PdbFormatException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "\"" + part + "\" not in: " + e.getMessage());
        }
    }

    private static long streamOffset(int stream, long offset) throws IOException {
        try (MsfReader msf = MsfReader.open(original)) {
            return msf.fileOffsetOf(stream, offset);
        }
    }

    private static long directoryOffset(long offset) throws IOException {
        try (MsfReader msf = MsfReader.open(original)) {
            return msf.directoryFileOffsetOf(offset);
        }
    }

    private static long blockListOffset(int stream) throws IOException {
        try (MsfReader msf = MsfReader.open(original)) {
            return msf.blockListOffset(stream);
        }
    }

    /** DBI offset of module-info record {@code index}: records are 64 bytes + two C strings, padded to 4. */
    private static long moduleRecordOffset(int index) {
        long at = DbiStream.HEADER_SIZE;
        for (int i = 0; i < index; i++) {
            DbiModule m = parsed.dbi().modules().get(i);
            long length = 64
                    + m.moduleName().getBytes(StandardCharsets.UTF_8).length
                    + 1
                    + m.objectFileName().getBytes(StandardCharsets.UTF_8).length
                    + 1;
            at += (length + 3) / 4 * 4;
        }
        return at;
    }

    private static DbiModule linkerModule() {
        return parsed.dbi().linkerModule().orElseThrow();
    }

    private static int linkerStream() {
        return linkerModule().symbolStream().getAsInt();
    }

    // ---- truncation ----------------------------------------------------------------------------------------------

    @Test
    void truncatedAtEveryBlockBoundaryAndInsideTheSuperblock() throws IOException {
        List<Long> sizes = new ArrayList<>();
        for (long s = 0; s <= MsfSuperBlock.SIZE; s++) {
            sizes.add(s);
        }
        for (long block = 1; block < superBlock.blockCount(); block++) {
            sizes.add(block * superBlock.blockSize());
            sizes.add(block * superBlock.blockSize() + 1);
            sizes.add(block * superBlock.blockSize() + superBlock.blockSize() / 2);
        }
        sizes.add(fileSize - 1);
        for (long size : sizes) {
            Path cut = copy("cut-" + size + ".pdb");
            PdbTestSupport.truncate(cut, size);
            PdbFormatException e = formatError(cut);
            if (size < MsfSuperBlock.SIZE) {
                assertMessage(e, "file has " + size + " bytes, an MSF 7.0 superblock needs 56");
            } else {
                assertMessage(e, "claims " + superBlock.blockCount() + " blocks", "file has " + size);
            }
        }
    }

    /**
     * Truncated, with the superblock's block count lowered to match, so only the block indices inside the directory
     * give the damage away. Either the lost blocks held none of the structures read (then the result is unchanged)
     * or the reader names the block that is gone.
     */
    @Test
    void truncatedWithConsistentBlockCount() throws IOException {
        int failures = 0;
        for (long blocks = 4; blocks < superBlock.blockCount(); blocks++) {
            Path cut = copy("cut-blocks-" + blocks + ".pdb");
            PdbTestSupport.truncate(cut, blocks * superBlock.blockSize());
            PdbTestSupport.putU32(cut, 40, blocks);
            Outcome outcome = readOrFormatError(cut);
            if (outcome.error() == null) {
                assertEquals(parsed.guid(), outcome.pdb().guid());
                assertEquals(parsed.linkerCommandLine(), outcome.pdb().linkerCommandLine());
            } else {
                failures++;
                assertMessage(outcome.error(), "file has " + blocks + " blocks");
            }
        }
        assertTrue(failures > 0);
    }

    // ---- superblock ----------------------------------------------------------------------------------------------

    @Test
    void badMagicBlockSizeAndFreeBlockMap() throws IOException {
        Path magic = copy("magic.pdb");
        PdbTestSupport.fill(magic, 0, 1, (byte) 'X');
        assertMessage(formatError(magic), "superblock magic at offset 0", "found \"Xicrosoft C/C++ MSF 7.00");

        for (long size : new long[] {0, 4097, 65536, 0xFFFFFFFFL, 256}) {
            Path p = copy("blocksize-" + size + ".pdb");
            PdbTestSupport.putU32(p, 32, size);
            assertMessage(formatError(p), "block size at offset 32 is " + size, "expected one of 512");
        }
        Path fpm = copy("fpm.pdb");
        PdbTestSupport.putU32(fpm, 36, 3);
        assertMessage(formatError(fpm), "free block map block at offset 36 is 3, expected 1 or 2");

        for (long count : new long[] {0, 1, 2}) {
            Path p = copy("blockcount-" + count + ".pdb");
            PdbTestSupport.putU32(p, 40, count);
            formatError(p);
        }
        Path huge = copy("blockcount-huge.pdb");
        PdbTestSupport.putU32(huge, 40, 0xFFFFFFFFL);
        assertMessage(formatError(huge), "claims 4294967295 blocks of 4096 bytes", "file has " + fileSize);
    }

    @Test
    void directorySizeHuge() throws IOException {
        for (long size : new long[] {0xFFFFFFFFL, 0x7FFFFFFFL, fileSize + 1}) {
            Path p = copy("dirsize-" + size + ".pdb");
            PdbTestSupport.putU32(p, 44, size);
            assertMessage(formatError(p), "stream directory claims " + size + " bytes, file has " + fileSize);
        }
        Path zero = copy("dirsize-0.pdb");
        PdbTestSupport.putU32(zero, 44, 0);
        assertMessage(formatError(zero), "stream directory claims 0 bytes");

        // Within the file, but more blocks than the block map lists: the extra entries are not valid blocks.
        Path bigger = copy("dirsize-file.pdb");
        PdbTestSupport.putU32(bigger, 44, fileSize);
        formatError(bigger);
    }

    @Test
    void blockMapAddressOutOfRange() throws IOException {
        for (long address : new long[] {superBlock.blockCount(), 0xFFFFFFFFL, 0}) {
            Path p = copy("blockmap-" + address + ".pdb");
            PdbTestSupport.putU32(p, 52, address);
            assertMessage(
                    formatError(p),
                    "block map address at offset 52 is block " + address,
                    "expected 1.." + (superBlock.blockCount() - 1));
        }
    }

    @Test
    void directoryBlockIndexOutOfRange() throws IOException {
        long entry = superBlock.offsetOf(superBlock.blockMapAddress());
        for (long block : new long[] {superBlock.blockCount(), 0xFFFFFFFFL}) {
            Path p = copy("dirblock-" + block + ".pdb");
            PdbTestSupport.putU32(p, entry, block);
            assertMessage(
                    formatError(p),
                    "directory block 0 is block " + block,
                    "file has " + superBlock.blockCount() + " blocks");
        }
        Path zero = copy("dirblock-0.pdb");
        PdbTestSupport.putU32(zero, entry, 0);
        assertMessage(formatError(zero), "directory block 0 is block 0, the MSF superblock");
    }

    // ---- stream directory ----------------------------------------------------------------------------------------

    @Test
    void streamCountOutOfRange() throws IOException {
        long at = directoryOffset(0);
        Path huge = copy("streams-huge.pdb");
        PdbTestSupport.putU32(huge, at, 0x7FFFFFFFL);
        assertMessage(formatError(huge), "stream count is 2147483647, expected at most 65536");

        Path many = copy("streams-many.pdb");
        PdbTestSupport.putU32(many, at, 60000);
        assertMessage(
                formatError(many), "60000 stream sizes need 240004 bytes, directory has " + superBlock.directorySize());

        Path few = copy("streams-few.pdb");
        PdbTestSupport.putU32(few, at, 3);
        formatError(few);
    }

    @Test
    void streamSizesHuge() throws IOException {
        Path dbi = copy("dbi-size.pdb");
        PdbTestSupport.putU32(dbi, directoryOffset(4 + 4 * DbiStream.STREAM), 0xFFFFFFFEL);
        assertMessage(formatError(dbi), "stream 3 claims 4294967294 bytes, file has " + fileSize);

        Path nil = copy("info-nil.pdb");
        PdbTestSupport.putU32(nil, directoryOffset(4 + 4 * PdbInfoStream.STREAM), 0xFFFFFFFFL);
        formatError(nil);

        // More blocks than the file has.
        Path blocks = copy("dbi-blocks.pdb");
        PdbTestSupport.putU32(blocks, directoryOffset(4 + 4 * DbiStream.STREAM), fileSize);
        assertMessage(
                formatError(blocks),
                "stream directory offset 16: streams 0..3 need",
                "blocks, file has " + superBlock.blockCount());

        // Two blocks more than it has: its block list would run past the directory's end.
        Path lists = copy("dbi-lists.pdb");
        PdbTestSupport.putU32(lists, directoryOffset(4 + 4 * DbiStream.STREAM), 3L * superBlock.blockSize());
        assertMessage(formatError(lists), "directory bytes, directory has " + superBlock.directorySize());

        Path small = copy("dbi-small.pdb");
        PdbTestSupport.putU32(small, directoryOffset(4 + 4 * DbiStream.STREAM), 10);
        assertMessage(formatError(small), "stream 3 (DBI) has 10 bytes, its header needs 64");
    }

    @Test
    void streamBlockIndexOutOfRange() throws IOException {
        for (int stream : new int[] {PdbInfoStream.STREAM, DbiStream.STREAM, linkerStream()}) {
            Path p = copy("stream-block-" + stream + ".pdb");
            PdbTestSupport.putU32(p, directoryOffset(blockListOffset(stream)), superBlock.blockCount());
            assertMessage(
                    formatError(p),
                    "block 0 of stream " + stream + " is block " + superBlock.blockCount() + ", file has "
                            + superBlock.blockCount() + " blocks");

            Path zero = copy("stream-block0-" + stream + ".pdb");
            PdbTestSupport.putU32(zero, directoryOffset(blockListOffset(stream)), 0);
            assertMessage(formatError(zero), "block 0 of stream " + stream + " is block 0, the MSF superblock");
        }
    }

    // ---- PDB info stream -----------------------------------------------------------------------------------------

    @Test
    void namedStreamMapCorrupt() throws IOException {
        Path buffer = copy("names-buffer.pdb");
        PdbTestSupport.putU32(buffer, streamOffset(1, 28), 0xFFFFFF00L);
        assertMessage(formatError(buffer), "named stream map string buffer of 4294967040 bytes does not fit");

        long bufferSize = PdbTestSupport.u32(original, streamOffset(1, 28));
        long table = 32 + bufferSize;
        Path size = copy("names-size.pdb");
        PdbTestSupport.putU32(size, streamOffset(1, table), 5);
        formatError(size);

        Path capacity = copy("names-capacity.pdb");
        PdbTestSupport.putU32(capacity, streamOffset(1, table + 4), 0xFFFFFFFFL);
        assertMessage(formatError(capacity), "capacity is 4294967295");

        Path words = copy("names-words.pdb");
        PdbTestSupport.putU32(words, streamOffset(1, table + 8), 0xFFFFFFFFL);
        assertMessage(formatError(words), "present bit vector claims 4294967295 words");

        // Layout after size, capacity: present word count, present words, deleted word count, deleted words, pairs.
        long presentWords = PdbTestSupport.u32(original, streamOffset(1, table + 8));
        long deletedWords = PdbTestSupport.u32(original, streamOffset(1, table + 12 + 4 * presentWords));
        long pairs = table + 16 + 4 * presentWords + 4 * deletedWords;
        Path key = copy("names-key.pdb");
        PdbTestSupport.putU32(key, streamOffset(1, pairs), 0x10000);
        assertMessage(formatError(key), "name offset 65536 is outside the " + bufferSize + "-byte string buffer");

        Path value = copy("names-value.pdb");
        PdbTestSupport.putU32(value, streamOffset(1, pairs + 4), 999);
        assertMessage(formatError(value), "is stream 999, directory has " + parsed.streamCount() + " streams");

        Path unterminated = copy("names-unterminated.pdb");
        for (long i = 0; i < bufferSize; i++) {
            PdbTestSupport.fill(unterminated, streamOffset(1, 32 + i), streamOffset(1, 32 + i) + 1, (byte) 'N');
        }
        assertMessage(formatError(unterminated), "name is not NUL-terminated");
    }

    // ---- DBI stream ----------------------------------------------------------------------------------------------

    @Test
    void dbiHeaderCorrupt() throws IOException {
        Path signature = copy("dbi-signature.pdb");
        PdbTestSupport.putU32(signature, streamOffset(3, 0), 0);
        assertMessage(formatError(signature), "version signature is 0, expected -1");

        Path modi = copy("dbi-modi-huge.pdb");
        PdbTestSupport.putU32(modi, streamOffset(3, 24), 0x7FFFFFF0L);
        assertMessage(
                formatError(modi),
                "header and substreams add up to",
                "stream has " + parsed.streamSize(3).getAsLong());

        Path negative = copy("dbi-negative.pdb");
        PdbTestSupport.putU32(negative, streamOffset(3, 28), -5);
        assertMessage(formatError(negative), "section contribution size is -5, expected a byte count >= 0");

        Path odd = copy("dbi-odd.pdb");
        PdbTestSupport.putU32(odd, streamOffset(3, 48), 21);
        PdbTestSupport.putU32(odd, streamOffset(3, 52), parsed.dbi().ecSubstreamSize() + 1);
        assertMessage(formatError(odd), "optional debug header size is 21, expected an even number");

        Path slot = copy("dbi-slot.pdb");
        long debugHeader = parsed.streamSize(3).getAsLong() - parsed.dbi().optionalDebugHeaderSize();
        PdbTestSupport.putU16(slot, streamOffset(3, debugHeader + 2 * DbiStream.DEBUG_FIXUP), 999);
        assertMessage(formatError(slot), "optional debug header slot 2 names stream 999");

        Path shortModi = copy("dbi-modi-short.pdb");
        PdbTestSupport.putU32(shortModi, streamOffset(3, 24), 10);
        assertMessage(formatError(shortModi), "10 bytes left, a record needs at least 64");
    }

    @Test
    void moduleInfoRecordWithBogusNameLength() throws IOException {
        long substreamEnd = DbiStream.HEADER_SIZE + parsed.dbi().moduleInfoSize();
        for (int module = 0; module < parsed.dbi().modules().size(); module++) {
            long name = moduleRecordOffset(module) + 64;
            Path p = copy("modi-name-" + module + ".pdb");
            for (long i = name; i < substreamEnd; i++) {
                long at = streamOffset(3, i);
                PdbTestSupport.fill(p, at, at + 1, (byte) 'A');
            }
            assertMessage(
                    formatError(p),
                    "module info record " + module + " module name is not NUL-terminated before " + "offset "
                            + substreamEnd + " (end of DBI module info substream)");
        }
    }

    @Test
    void moduleInfoRecordWithBogusSymbolStream() throws IOException {
        long record = moduleRecordOffset(linkerModule().index());
        Path stream = copy("modi-stream.pdb");
        PdbTestSupport.putU16(stream, streamOffset(3, record + 34), 0x7FFF);
        assertMessage(
                formatError(stream),
                "(* Linker *) names symbol stream 32767, directory has " + parsed.streamCount() + " streams");

        Path bytes = copy("modi-symbytes.pdb");
        PdbTestSupport.putU32(bytes, streamOffset(3, record + 36), 0x7FFFFFFFL);
        assertMessage(formatError(bytes), "claims 2147483647 symbol bytes, stream " + linkerStream() + " has");
    }

    // ---- linker module symbols -----------------------------------------------------------------------------------

    @Test
    void symbolRecordWithLengthZeroOrOne() throws IOException {
        for (int length : new int[] {0, 1}) {
            Path p = copy("sym-length-" + length + ".pdb");
            PdbTestSupport.putU16(p, streamOffset(linkerStream(), 4), length);
            assertMessage(
                    formatError(p),
                    "symbol record length is " + length + ", expected at least 2",
                    "stream " + linkerStream() + " (module " + linkerModule().index() + " * Linker *) offset 4");
        }
    }

    @Test
    void symbolRecordLongerThanTheSymbols() throws IOException {
        Path p = copy("sym-length-huge.pdb");
        PdbTestSupport.putU16(p, streamOffset(linkerStream(), 4), 0xFFFF);
        assertMessage(formatError(p), "symbol record at offset 4 of 65535 bytes does not fit");
    }

    @Test
    void moduleStreamSignatureWrong() throws IOException {
        Path p = copy("sym-signature.pdb");
        PdbTestSupport.putU32(p, streamOffset(linkerStream(), 0), 1);
        assertMessage(formatError(p), "module stream signature is 1, expected 4");
    }

    /** Offsets (in the linker stream) of S_COMPILE3 and S_ENVBLOCK, found by walking the records. */
    private static long[] recordOf(int kind) throws IOException {
        long at = 4;
        while (at < linkerModule().symbolByteSize()) {
            int length = (int) (PdbTestSupport.u32(original, streamOffset(linkerStream(), at)) & 0xFFFF);
            int recordKind = (int) (PdbTestSupport.u32(original, streamOffset(linkerStream(), at)) >>> 16);
            if (recordKind == kind) {
                return new long[] {at, at + 2 + length};
            }
            at += 2 + length;
        }
        throw new AssertionError("no record of kind " + kind);
    }

    @Test
    void compileAndEnvironmentStringsUnterminated() throws IOException {
        long[] compile = recordOf(CompileSymbol.KIND);
        Path c = copy("compile-string.pdb");
        for (long i = compile[0] + 4 + 22; i < compile[1]; i++) {
            long at = streamOffset(linkerStream(), i);
            PdbTestSupport.fill(c, at, at + 1, (byte) 'C');
        }
        assertMessage(formatError(c), "S_COMPILE3 version string is not NUL-terminated before offset " + compile[1]);

        long[] env = recordOf(LinkerModuleSymbols.S_ENVBLOCK);
        Path e = copy("env-string.pdb");
        for (long i = env[0] + 5; i < env[1]; i++) {
            long at = streamOffset(linkerStream(), i);
            PdbTestSupport.fill(e, at, at + 1, (byte) 'E');
        }
        assertMessage(formatError(e), "S_ENVBLOCK key is not NUL-terminated before offset " + env[1]);

        Path shortCompile = copy("compile-short.pdb");
        PdbTestSupport.putU16(shortCompile, streamOffset(linkerStream(), compile[0]), 10);
        formatError(shortCompile);
    }

    // ---- random damage -------------------------------------------------------------------------------------------

    /** File offsets of every byte the reader reads from the fixture. */
    private static List<Long> bytesTheReaderTouches() throws IOException {
        List<Long> offsets = new ArrayList<>();
        for (long i = 0; i < MsfSuperBlock.SIZE; i++) {
            offsets.add(i);
        }
        long map = superBlock.offsetOf(superBlock.blockMapAddress());
        for (long i = 0; i < 4 * superBlock.blocksFor(superBlock.directorySize()); i++) {
            offsets.add(map + i);
        }
        try (MsfReader msf = MsfReader.open(original)) {
            for (long i = 0; i < superBlock.directorySize(); i++) {
                offsets.add(msf.directoryFileOffsetOf(i));
            }
            for (long i = 0; i < msf.streamSize(1); i++) {
                offsets.add(msf.fileOffsetOf(1, i));
            }
            for (long i = 0; i < msf.streamSize(3); i++) {
                offsets.add(msf.fileOffsetOf(3, i));
            }
            for (long i = 0; i < linkerModule().symbolByteSize(); i++) {
                offsets.add(msf.fileOffsetOf(linkerStream(), i));
            }
        }
        return offsets;
    }

    @Test
    void randomDamageToTheBytesReadGivesAResultOrAFormatError() throws IOException {
        byte[] pristine = Files.readAllBytes(original);
        List<Long> touched = bytesTheReaderTouches();
        byte[] interesting = {0, (byte) 0xFF, (byte) 0x7F, (byte) 0x80, 1, 2, 4};
        Random random = new Random(20240611L);
        Path p = dir.resolve("fuzz.pdb");
        int failures = 0;
        int iterations = 3000;
        for (int i = 0; i < iterations; i++) {
            byte[] damaged = pristine.clone();
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                int at = (int) (long) touched.get(random.nextInt(touched.size()));
                damaged[at] = random.nextBoolean()
                        ? interesting[random.nextInt(interesting.length)]
                        : (byte) random.nextInt(256);
            }
            Files.write(p, damaged);
            if (readOrFormatError(p).error() != null) {
                failures++;
            }
        }
        // Both outcomes occur: damage to, say, a path string is still a well-formed PDB.
        assertTrue(failures > 0 && failures < iterations, failures + " of " + iterations);
    }

    @Test
    void randomBytesBehindAValidSuperblock() throws IOException {
        byte[] pristine = Files.readAllBytes(original);
        Random random = new Random(7);
        Path p = dir.resolve("noise.pdb");
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[pristine.length];
            random.nextBytes(noise);
            System.arraycopy(pristine, 0, noise, 0, MsfSuperBlock.SIZE);
            Files.write(p, noise);
            readOrFormatError(p);
        }
    }

    @Test
    void notAPdbAtAll() throws IOException {
        Path dll = NativeFixtures.arm64Hotpatch().dll();
        assertMessage(formatError(dll), "superblock magic at offset 0");
        Path empty = Files.createFile(dir.resolve("empty.pdb"));
        assertMessage(formatError(empty), "file has 0 bytes");
    }
}
