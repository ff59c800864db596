package io.github.hotpatch.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated, forged and random-garbage inputs: each must end in a {@link PeFormatException} naming the file
 * (or, for harmless random changes, a normal result) — never another exception type, a hang or a huge allocation.
 */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class PeFileHostileInputTest {

    /** Generous per-file bound: a parse reads a few KiB, so anything slow means a loop or allocation bug. */
    private static final long MAX_MILLIS_PER_FILE = 2_000;

    @TempDir
    Path tmp;

    @Test
    void emptyFile() throws Exception {
        PeFormatException e = expectFormatError(write("empty.dll", new byte[0]));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void textFiles() throws Exception {
        PeFormatException e =
                expectFormatError(write("readme.dll", "hello, this is not a DLL\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("e_magic at offset 0x0"), e.getMessage());
        assertTrue(e.getMessage().contains("not a PE image"), e.getMessage());
        expectFormatError(write("one-byte.dll", new byte[] {'M'}));
        expectFormatError(write("mz-only.dll", new byte[] {'M', 'Z'}));
        byte[] mzText = "MZ".concat("x".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        PeFormatException lfanew = expectFormatError(write("mz-text.dll", mzText));
        assertTrue(lfanew.getMessage().contains("e_lfanew at offset 0x3C points to 0x78787878"), lfanew.getMessage());
    }

    @Test
    void missingFileIsAnIoExceptionNotAFormatError() {
        IOException e = assertThrows(IOException.class, () -> PeImageReader.read(tmp.resolve("nope.dll")));
        assertFalse(e instanceof PeFormatException);
    }

    @Test
    void everyTruncationOfSmallFixturesFails() throws Exception {
        for (Path fixture : List.of(
                NativeFixtures.arm64Hotpatch().dll(),
                NativeFixtures.x86LoadConfig().dll(),
                NativeFixtures.arm64LoadConfig().dll())) {
            Path truncated = Files.copy(
                    fixture, tmp.resolve("truncated-" + fixture.getParent().getFileName() + ".dll"));
            TreeSet<Long> lengths = new TreeSet<>();
            for (long length = 0; length < Files.size(fixture); length++) {
                lengths.add(length);
            }
            truncateDownwards(truncated, lengths);
        }
    }

    /** Cuts {@code file} to each length, longest first (rewriting a file per length is 20x slower here). */
    private static void truncateDownwards(Path file, TreeSet<Long> lengths) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (long length : lengths.descendingSet()) {
                channel.truncate(length);
                expectFormatError(file);
            }
        }
    }

    @Test
    void truncationsOfTheMsvcImageAtHeaderBoundariesFail() throws Exception {
        Path node = NativeFixtures.msvcArm64Node();
        PeImage image = PeImageReader.read(node);
        TreeSet<Long> cuts = new TreeSet<>();
        for (long at = 0; at <= 2048; at += 8) {
            cuts.add(at);
        }
        long optional = image.eLfanew() + 24;
        long sectionTable = optional + image.coffHeader().sizeOfOptionalHeader();
        for (long boundary : new long[] {
            2,
            0x3C,
            0x40,
            image.eLfanew(),
            image.eLfanew() + 4,
            optional,
            optional + 112,
            sectionTable,
            sectionTable + 40L * image.sections().size()
        }) {
            cuts.add(boundary - 1);
            cuts.add(boundary);
            cuts.add(boundary + 1);
        }
        for (DebugEntry entry : image.debugEntries()) {
            cuts.add(entry.fileOffset());
            cuts.add(entry.fileOffset() + DebugEntry.SIZE - 1);
            cuts.add(entry.pointerToRawData());
            cuts.add(entry.pointerToRawData() + entry.sizeOfData() - 1);
        }
        long loadConfig = image.loadConfig().orElseThrow().fileOffset();
        cuts.add(loadConfig);
        cuts.add(loadConfig + 0xF3);
        cuts.add(image.fileSize() - 1);
        truncateDownwards(Files.copy(node, tmp.resolve("rollup-truncated.node")), cuts);
    }

    /** One forged field: where, what value, and which field name the error must mention. */
    private record Forgery(String label, long offset, int width, long value, String field) {}

    @Test
    void forgedHeaderFieldsOfTheHotpatchFixture() throws Exception {
        Path fixture = NativeFixtures.arm64Hotpatch().dll();
        PeImage image = PeImageReader.read(fixture);
        long size = image.fileSize();
        long lfanew = image.eLfanew();
        long coff = lfanew + 4;
        long optional = coff + 20;
        long dirs = optional + 112;
        long debugDir = dirs + 8 * DataDirectory.DEBUG;
        long sectionTable = optional + image.coffHeader().sizeOfOptionalHeader();
        DebugEntry codeView = image.debugEntries(DebugType.CODEVIEW).get(0);
        DebugEntry ex = image.debugEntries(DebugType.EX_DLLCHARACTERISTICS).get(0);

        List<Forgery> forgeries = List.of(
                new Forgery("e_lfanew huge", 0x3C, 4, 0xFFFFFFFFL, "e_lfanew"),
                new Forgery("e_lfanew near 2^31", 0x3C, 4, 0x7FFFFFF0L, "e_lfanew"),
                new Forgery("e_lfanew just before end", 0x3C, 4, size - 10, "e_lfanew"),
                new Forgery("e_lfanew to the DOS header", 0x3C, 4, 0, "PE signature"),
                new Forgery("e_lfanew to the stub", 0x3C, 4, 0x40, "PE signature"),
                new Forgery("PE signature", lfanew, 4, 0x4550_4550L, "PE signature"),
                new Forgery("NumberOfSections 0xFFFF", coff + 2, 2, 0xFFFF, "NumberOfSections"),
                new Forgery("NumberOfSections 97", coff + 2, 2, 97, "NumberOfSections"),
                new Forgery("NumberOfSections 80 (past the end)", coff + 2, 2, 80, "NumberOfSections"),
                new Forgery("NumberOfSections 0", coff + 2, 2, 0, "debug directory"),
                new Forgery("SizeOfOptionalHeader 0xFFFF", coff + 16, 2, 0xFFFF, "SizeOfOptionalHeader"),
                new Forgery("SizeOfOptionalHeader 0", coff + 16, 2, 0, "SizeOfOptionalHeader"),
                new Forgery("SizeOfOptionalHeader 100", coff + 16, 2, 100, "SizeOfOptionalHeader"),
                new Forgery(
                        "SizeOfOptionalHeader too small for 16 directories", coff + 16, 2, 232, "NumberOfRvaAndSizes"),
                new Forgery("optional header Magic 0x107", optional, 2, 0x107, "Magic"),
                new Forgery("NumberOfRvaAndSizes huge", optional + 108, 4, 0xFFFFFFFFL, "NumberOfRvaAndSizes"),
                new Forgery("debug RVA huge", debugDir, 4, 0xFFFFFFFFL, "debug directory"),
                new Forgery("debug RVA wraps", debugDir, 4, 0xFFFFFFF0L, "debug directory"),
                new Forgery("debug RVA 0 with a size", debugDir, 4, 0, "debug directory RVA"),
                new Forgery("debug size huge", debugDir + 4, 4, 0xFFFFFFFFL, "debug directory size"),
                new Forgery("debug size huge multiple of 28", debugDir + 4, 4, 0xFFFFFFFCL, "debug directory size"),
                new Forgery("debug size 27", debugDir + 4, 4, 27, "multiple of 28"),
                new Forgery("debug size 29", debugDir + 4, 4, 29, "multiple of 28"),
                new Forgery("debug size 1024 entries", debugDir + 4, 4, 28 * 1024, "debug directory RVA/size"),
                new Forgery(
                        "CodeView PointerToRawData huge",
                        codeView.fileOffset() + 24,
                        4,
                        0xFFFFFFFFL,
                        "PointerToRawData"),
                new Forgery("CodeView SizeOfData huge", codeView.fileOffset() + 16, 4, 0xFFFFFFFFL, "SizeOfData"),
                new Forgery("CodeView SizeOfData 3", codeView.fileOffset() + 16, 4, 3, "SizeOfData"),
                new Forgery("CodeView SizeOfData 24", codeView.fileOffset() + 16, 4, 24, "SizeOfData"),
                new Forgery(
                        "CodeView by RVA only, RVA huge",
                        codeView.fileOffset() + 20,
                        8,
                        0xFFFFFF00L,
                        "AddressOfRawData"),
                new Forgery("EX_DLLCHARACTERISTICS SizeOfData 2", ex.fileOffset() + 16, 4, 2, "SizeOfData"),
                new Forgery(
                        "EX_DLLCHARACTERISTICS pointer past end",
                        ex.fileOffset() + 24,
                        4,
                        size - 2,
                        "PointerToRawData"),
                new Forgery("section 0 PointerToRawData huge", sectionTable + 20, 4, 0xFFFFFFF0L, "PointerToRawData"),
                new Forgery("section 0 SizeOfRawData huge", sectionTable + 16, 4, 0xFFFFFFFFL, "SizeOfRawData"),
                new Forgery(
                        "section 1 VirtualAddress wraps", sectionTable + 40 + 12, 4, 0xFFFFF000L, "debug directory"));
        runForgeries(fixture, forgeries);
    }

    @Test
    void forgedLoadConfigs() throws Exception {
        for (Path fixture : List.of(
                NativeFixtures.arm64LoadConfig().dll(),
                NativeFixtures.x86LoadConfig().dll())) {
            PeImage image = PeImageReader.read(fixture);
            long dirs = image.eLfanew() + 24 + (image.isPe32Plus() ? 112 : 96);
            long loadConfigDir = dirs + 8 * DataDirectory.LOAD_CONFIG;
            long struct = image.loadConfig().orElseThrow().fileOffset();
            runForgeries(
                    fixture,
                    List.of(
                            new Forgery("load config RVA huge", loadConfigDir, 4, 0xFFFFFFFFL, "load config directory"),
                            new Forgery(
                                    "load config directory size huge",
                                    loadConfigDir + 4,
                                    4,
                                    0xFFFFFFFFL,
                                    "load config directory"),
                            new Forgery(
                                    "load config directory size 2",
                                    loadConfigDir + 4,
                                    4,
                                    2,
                                    "load config directory size"),
                            new Forgery("load config Size huge", struct, 4, 0xFFFFFFFFL, "load config Size"),
                            new Forgery("load config Size 0x7FFFFFFF", struct, 4, 0x7FFFFFFFL, "load config Size"),
                            new Forgery("load config Size 0", struct, 4, 0, "load config Size")));
        }
    }

    @Test
    void forgedFieldsOfTheMsvcImageFailToo() throws Exception {
        Path node = NativeFixtures.msvcArm64Node();
        PeImage image = PeImageReader.read(node);
        long coff = image.eLfanew() + 4;
        long dirs = coff + 20 + 112;
        runForgeries(
                node,
                List.of(
                        new Forgery("e_lfanew huge", 0x3C, 4, 0xFFFFFFFFL, "e_lfanew"),
                        new Forgery("NumberOfSections 0xFFFF", coff + 2, 2, 0xFFFF, "NumberOfSections"),
                        new Forgery("SizeOfOptionalHeader 0xFFFF", coff + 16, 2, 0xFFFF, ""),
                        new Forgery("debug size huge", dirs + 8 * 6 + 4, 4, 0xFFFFFFFFL, "debug directory size"),
                        new Forgery(
                                "load config Size huge",
                                image.loadConfig().orElseThrow().fileOffset(),
                                4,
                                0xFFFFFFFFL,
                                "load config Size")));
    }

    @Test
    void aDamagedRichHeaderIsOnlyAWarning() throws Exception {
        Path node = NativeFixtures.msvcArm64Node();
        long dans = PeImageReader.read(node).richHeader().orElseThrow().offset();
        Path copy = Files.copy(node, tmp.resolve("rich-edited.node"));

        patch(copy, dans + 20, 1, 0x55); // inside the first comp.id
        PeImage edited = PeImageReader.read(copy);
        assertFalse(edited.richHeader().orElseThrow().checksumValid());
        assertTrue(edited.warnings().stream().anyMatch(w -> w.contains("checksum")), edited.warnings()::toString);

        patch(copy, dans, 4, 0); // no DanS any more
        PeImage noStart = PeImageReader.read(copy);
        assertTrue(noStart.richHeader().isEmpty());
        assertTrue(noStart.warnings().stream().anyMatch(w -> w.contains("DanS")), noStart.warnings()::toString);
        assertEquals("ARM64", noStart.machine().name(), "the rest of the image is still read");
    }

    @Test
    void randomByteMutationsNeverEscapeAsOtherExceptions() throws Exception {
        Path hotpatch = NativeFixtures.arm64Hotpatch().dll();
        Path loadConfig = NativeFixtures.arm64LoadConfig().dll();
        Path node = NativeFixtures.msvcArm64Node();
        PeImage nodeImage = PeImageReader.read(node);
        List<long[]> nodeRegions = new ArrayList<>();
        nodeRegions.add(new long[] {0, 0x400});
        for (DebugEntry e : nodeImage.debugEntries()) {
            nodeRegions.add(new long[] {e.fileOffset(), DebugEntry.SIZE});
        }
        nodeRegions.add(new long[] {nodeImage.debugEntries().get(0).pointerToRawData(), 24});
        nodeRegions.add(new long[] {nodeImage.loadConfig().orElseThrow().fileOffset(), 0xF4});

        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random random = new Random(20240611);
            fuzz(hotpatch, List.<long[]>of(new long[] {0, Files.size(hotpatch)}), 3000, random);
            fuzz(loadConfig, List.<long[]>of(new long[] {0, Files.size(loadConfig)}), 1500, random);
            fuzz(node, nodeRegions, 400, random);
        });
    }

    /** Mutates a working copy in place (1–3 changes per round, restored afterwards) and parses it. */
    private void fuzz(Path fixture, List<long[]> regions, int rounds, Random random) throws Exception {
        Path copy = Files.copy(fixture, tmp.resolve("fuzz-" + fixture.getFileName()));
        long size = Files.size(copy);
        long[] interesting = {
            0, 1, 0xFF, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 0xFFFFFFFCL, size, size - 1, size + 1, 28, 27, 0x10000
        };
        int parsed = 0;
        for (int round = 0; round < rounds; round++) {
            int changes = 1 + random.nextInt(3);
            List<long[]> undo = new ArrayList<>();
            try (RandomAccessFile raf = new RandomAccessFile(copy.toFile(), "rw")) {
                for (int c = 0; c < changes; c++) {
                    long[] region = regions.get(random.nextInt(regions.size()));
                    int width = random.nextBoolean() ? 1 : 4;
                    long at = Math.min(region[0] + (long) (random.nextDouble() * region[1]), size - width);
                    byte[] old = new byte[width];
                    raf.seek(at);
                    raf.readFully(old);
                    undo.add(0, new long[] {at, width, toLong(old)});
                    long value = width == 1 ? random.nextInt(256) : interesting[random.nextInt(interesting.length)];
                    raf.seek(at);
                    raf.write(le(value, width));
                }
            }
            long start = System.nanoTime();
            try {
                PeImageReader.read(copy);
                parsed++;
            } catch (PeFormatException e) {
                assertTrue(e.getMessage().contains(copy.getFileName().toString()), e.getMessage());
            } catch (Throwable t) {
                throw new AssertionError("round " + round + ": " + t, t);
            }
            assertTrue(System.nanoTime() - start < MAX_MILLIS_PER_FILE * 1_000_000L, "round " + round + " was slow");
            try (RandomAccessFile raf = new RandomAccessFile(copy.toFile(), "rw")) {
                for (long[] u : undo) {
                    raf.seek(u[0]);
                    raf.write(le(u[2], (int) u[1]));
                }
            }
        }
        assertTrue(parsed > 0, "some mutations are harmless, e.g. timestamps");
        PeImageReader.read(copy); // restored intact
    }

    private void runForgeries(Path fixture, List<Forgery> forgeries) throws Exception {
        byte[] original = Files.readAllBytes(fixture);
        for (Forgery f : forgeries) {
            byte[] bytes = original.clone();
            byte[] value = le(f.value(), f.width());
            System.arraycopy(value, 0, bytes, (int) f.offset(), f.width());
            Path forged = write("forged-" + fixture.getFileName(), bytes);
            PeFormatException e = expectFormatError(forged);
            assertTrue(e.getMessage().contains(f.field()), () -> f.label() + ": " + e.getMessage());
        }
    }

    /** Parses {@code file}, requiring a PeFormatException that names the file, within the time bound. */
    static PeFormatException expectFormatError(Path file) {
        long start = System.nanoTime();
        try {
            PeImage image = PeImageReader.read(file);
            return fail(file.getFileName() + " (" + sizeOf(file) + " bytes) parsed without error: " + image);
        } catch (Throwable t) {
            PeFormatException e = assertInstanceOf(
                    PeFormatException.class, t, () -> file.getFileName() + " (" + sizeOf(file) + " bytes): " + t);
            assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(" at offset 0x"), e.getMessage());
            assertEquals(file, e.file());
            return e;
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < MAX_MILLIS_PER_FILE, file + " took " + millis + " ms");
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static void patch(Path file, long offset, int width, long value) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(le(value, width));
        }
    }

    private static byte[] le(long value, int width) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        return java.util.Arrays.copyOf(b.array(), width);
    }

    private static long toLong(byte[] bytes) {
        return ByteBuffer.wrap(java.util.Arrays.copyOf(bytes, 8))
                .order(ByteOrder.LITTLE_ENDIAN)
                .getLong();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
