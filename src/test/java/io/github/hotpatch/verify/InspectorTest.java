package io.github.hotpatch.verify;

import static io.github.hotpatch.verify.VerifyFixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The inspect goal's walk: one file, a directory, a zip read in place; damaged files are reported, not thrown. */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class InspectorTest {

    private static final String GARBAGE = "this is not a PE image, only text named like one";

    private static NativeFixtures.Built hotpatch;
    private static NativeFixtures.Built plain;

    @BeforeAll
    static void fixtures() throws IOException {
        hotpatch = NativeFixtures.arm64Hotpatch();
        plain = NativeFixtures.arm64Plain();
    }

    private final Inspector inspector = new Inspector();

    /**
     * hotpatch.dll (+pdb, map) and plain.dll (+pdb), a broken.dll that is a real image cut after 0x100 bytes (its
     * e_lfanew still points inside, the section table is gone) and a text file in {@code dir}.
     */
    private static Path artifactDir(Path dir) throws IOException {
        VerifyFixtures.copy(hotpatch, dir, true);
        VerifyFixtures.copy(plain, dir, false);
        Files.write(dir.resolve("broken.dll"), java.util.Arrays.copyOf(Files.readAllBytes(hotpatch.dll()), 0x100));
        Files.writeString(dir.resolve("notes.txt"), "not a binary");
        return dir;
    }

    @Test
    void singleFileIsOneSubject() throws IOException {
        Inspector.Result result = inspector.inspect(hotpatch.dll(), Optional.empty(), Optional.of(Arch.ARM64));
        assertTrue(result.single());
        assertEquals(List.of(), result.unreadable());
        assertEquals(1, result.subjects().size());
        SubjectReport subject = result.subjects().get(0);
        assertEquals("hotpatch.dll", subject.name());
        assertEquals(SubjectReport.KIND_BINARY, subject.kind());
        assertTrue(subject.passed(), subject.results().toString());
        assertTrue(result.ready());
        assertEquals(RuleStatus.PASS, result(subject, "HP-BIN-005").status());
    }

    @Test
    void singleFileUsesTheGivenPdb() throws IOException {
        Inspector.Result result = inspector.inspect(hotpatch.dll(), Optional.of(plain.pdb()), Optional.empty());
        RuleResult match = result(result.subjects().get(0), "HP-BIN-005");
        assertEquals(RuleStatus.FAIL, match.status());
        assertEquals(plain.pdb().toString(), match.file());
        assertFalse(result.ready());
    }

    @Test
    void singleFileOfTheWrongArch() throws IOException {
        Inspector.Result result = inspector.inspect(hotpatch.dll(), Optional.empty(), Optional.of(Arch.X64));
        assertEquals(
                RuleStatus.FAIL, result(result.subjects().get(0), "HP-BIN-001").status());
        assertFalse(result.ready());
    }

    @Test
    void directoryGivesOneSubjectPerImageAndReportsTheBrokenOne(@TempDir Path dir) throws IOException {
        artifactDir(dir);
        Inspector.Result result = inspector.inspect(dir, Optional.empty(), Optional.empty());
        assertFalse(result.single());
        assertEquals(
                List.of("hotpatch.dll", "plain.dll"),
                result.subjects().stream().map(SubjectReport::name).toList());
        assertTrue(
                result.subjects().get(0).passed(),
                result.subjects().get(0).results().toString());
        assertFalse(result.subjects().get(1).passed());
        // each image's own PDB, found beside it
        assertEquals(
                dir.resolve("plain.pdb").toString(),
                result(result.subjects().get(1), "HP-BIN-005").file());
        assertEquals(
                RuleStatus.PASS, result(result.subjects().get(1), "HP-BIN-005").status());

        assertEquals(1, result.unreadable().size());
        UnreadableSubject broken = result.unreadable().get(0);
        assertEquals(dir.resolve("broken.dll").toString(), broken.file());
        assertTrue(broken.error().contains("broken.dll"), broken.error());
        assertFalse(result.ready());
        // the PDBs, the map and the text file are skipped: not PE by content
        assertEquals(
                List.of("hotpatch.map", "hotpatch.pdb", "notes.txt", "plain.pdb"),
                result.skipped().stream()
                        .map(f -> Path.of(f.file()).getFileName().toString())
                        .toList());
    }

    @Test
    void zipIsReadInPlace(@TempDir Path dir) throws IOException {
        Path files = artifactDir(dir.resolve("files"));
        Path zip = dir.resolve("artifact.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : List.of(
                    "hotpatch.dll",
                    "hotpatch.pdb",
                    "hotpatch.map",
                    "plain.dll",
                    "plain.pdb",
                    "broken.dll",
                    "notes.txt")) {
                z.putNextEntry(new ZipEntry("bin/" + name));
                z.write(Files.readAllBytes(files.resolve(name)));
                z.closeEntry();
            }
        }
        assertTrue(ArtifactScanner.isZip(zip));
        List<Path> before = list(dir);

        Inspector.Result result = inspector.inspect(zip, Optional.empty(), Optional.empty());
        assertFalse(result.single());
        assertEquals(
                List.of("bin/hotpatch.dll", "bin/plain.dll"),
                result.subjects().stream().map(SubjectReport::name).toList());
        SubjectReport hot = result.subjects().get(0);
        assertTrue(hot.passed(), hot.results().toString());
        // the PDB and the map were read from inside the zip, not from the fixture directory the RSDS path names
        assertEquals(RuleStatus.PASS, result(hot, "HP-BIN-005").status());
        assertTrue(
                result(hot, "HP-BIN-005").file().endsWith("bin/hotpatch.pdb"),
                result(hot, "HP-BIN-005").file());
        assertFalse(result(hot, "HP-BIN-005").file().startsWith(hotpatch.dir().toString()));
        assertEquals(RuleStatus.DEVIATION, result(hot, "HP-BIN-009").status());
        assertFalse(result.subjects().get(1).passed());

        assertEquals(1, result.unreadable().size());
        UnreadableSubject broken = result.unreadable().get(0);
        assertEquals(zip + "!/bin/broken.dll", broken.file());
        assertTrue(broken.error().contains("broken.dll"), broken.error());
        assertEquals(before, list(dir), "nothing was extracted");
    }

    @Test
    void severalInputsGoIntoOneResultEachNamingItsOrigin(@TempDir Path dir) throws IOException {
        Path files = artifactDir(dir.resolve("files"));
        Path zip = dir.resolve("a-1-arm64-openssl.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : List.of("hotpatch.dll", "hotpatch.pdb", "hotpatch.map", "broken.dll")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(Files.readAllBytes(files.resolve(name)));
                z.closeEntry();
            }
        }
        // a dll as the repository names it, with its pdb given explicitly (not beside it under the same name)
        Path dll = Files.copy(plain.dll(), dir.resolve("a-1-arm64-schannel.dll"));
        Path pdb = Files.copy(plain.pdb(), dir.resolve("elsewhere.pdb"));
        Path notPe = Files.writeString(dir.resolve("a-1-x64.dll"), GARBAGE);

        Inspector.Result result = inspector.inspectAll(
                List.of(
                        new Inspector.Input("g:a:1:zip:arm64-openssl", zip, Optional.empty()),
                        new Inspector.Input("g:a:1:dll:arm64-schannel", dll, Optional.of(pdb)),
                        new Inspector.Input("g:a:1:dll:x64", notPe, Optional.empty())),
                Optional.of(Arch.ARM64));

        assertFalse(result.single());
        assertEquals(
                List.of("g:a:1:zip:arm64-openssl!/hotpatch.dll", "g:a:1:dll:arm64-schannel"),
                result.subjects().stream().map(SubjectReport::name).toList());
        SubjectReport fromZip = result.subjects().get(0);
        assertEquals("g:a:1:zip:arm64-openssl", fromZip.facts().get("artifact"));
        assertEquals("artifact", fromZip.facts().keySet().iterator().next(), "the origin is the first fact");
        assertTrue(fromZip.passed(), fromZip.results().toString());
        SubjectReport direct = result.subjects().get(1);
        assertEquals("g:a:1:dll:arm64-schannel", direct.facts().get("artifact"));
        assertEquals(pdb.toString(), result(direct, "HP-BIN-005").file());
        assertEquals(RuleStatus.PASS, result(direct, "HP-BIN-005").status());
        assertFalse(direct.passed(), "plain.dll has no hotpatch bit");

        assertEquals(2, result.unreadable().size());
        assertEquals("g:a:1:zip:arm64-openssl", result.unreadable().get(0).artifact());
        assertEquals(zip + "!/broken.dll", result.unreadable().get(0).file());
        assertEquals("g:a:1:dll:x64", result.unreadable().get(1).artifact());
        assertEquals(notPe.toString(), result.unreadable().get(1).file());
        assertFalse(result.ready());
    }

    @Test
    void corruptZipIsOneClearError(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("cut.zip");
        // the local-header magic, then nothing a zip reader can use
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        IOException e =
                assertThrows(IOException.class, () -> inspector.inspect(zip, Optional.empty(), Optional.empty()));
        assertTrue(
                e.getMessage().contains(zip.toString()) && e.getMessage().contains("not a readable zip archive"),
                e.getMessage());
    }

    @Test
    void directoryWithoutPeFilesIsAnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "no binaries here");
        Files.createDirectories(dir.resolve("sub"));
        IOException e =
                assertThrows(IOException.class, () -> inspector.inspect(dir, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("no PE files"), e.getMessage());
    }

    @Test
    void missingTargetIsAnError(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        IOException e =
                assertThrows(IOException.class, () -> inspector.inspect(missing, Optional.empty(), Optional.empty()));
        assertTrue(
                e.getMessage().contains(missing.toString()) && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void aFileCutAfterItsMzHeaderInADirectoryIsAnUnreadableEntry(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("x.dll"), new byte[] {'M', 'Z', 0, 0});
        Inspector.Result result = inspector.inspect(dir, Optional.empty(), Optional.empty());
        assertEquals(List.of(), result.subjects());
        assertEquals(1, result.unreadable().size());
        assertEquals(dir.resolve("x.dll").toString(), result.unreadable().get(0).file());
        assertTrue(
                result.unreadable().get(0).error().contains("x.dll"),
                result.unreadable().get(0).error());
        assertFalse(result.ready());
    }

    @Test
    void nonPeFilesNamedLikeImagesAreSkippedNotFailed(@TempDir Path dir) throws IOException {
        VerifyFixtures.copy(hotpatch, dir, true);
        // an ELF executable named like a node addon, as a multi-platform npm package ships its darwin/linux builds
        Files.copy(Path.of("/bin/true"), dir.resolve("x.node"));
        Files.write(dir.resolve("mac.node"), new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0});
        Files.write(dir.resolve("empty.dll"), new byte[0]);
        Inspector.Result result = inspector.inspect(dir, Optional.empty(), Optional.empty());
        assertEquals(
                List.of("hotpatch.dll"),
                result.subjects().stream().map(SubjectReport::name).toList());
        assertEquals(List.of(), result.unreadable());
        assertTrue(result.ready(), result.subjects().get(0).results().toString());
        List<String> skipped = result.skipped().stream().map(SkippedFile::file).toList();
        assertEquals(
                List.of("empty.dll", "hotpatch.map", "hotpatch.pdb", "mac.node", "x.node").stream()
                        .map(n -> dir.resolve(n).toString())
                        .toList(),
                skipped);
        assertEquals("empty file, not a PE image", result.skipped().get(0).reason());
        assertEquals(
                "no MZ signature at offset 0 (starts cf fa ed fe: Mach-O), not a PE image",
                result.skipped().get(3).reason());
        assertEquals(
                "no MZ signature at offset 0 (starts 7f 45 4c 46: ELF), not a PE image",
                result.skipped().get(4).reason());
    }

    @Test
    void nodePty110DirectoryReportsEveryPeFileAndSkipsTheMachOOnes() throws IOException {
        Path pkg = NativeFixtures.npmPackage("node-pty", "1.1.0");
        Inspector.Result result = inspector.inspect(pkg, Optional.empty(), Optional.empty());
        assertEquals(List.of(), result.unreadable());
        // every file of the package that starts with MZ + the PE signature, counted independently here
        List<String> pe = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(pkg)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] b = Files.readAllBytes(p);
                if (b.length > 0x40 && b[0] == 'M' && b[1] == 'Z') {
                    int lfanew = java.nio.ByteBuffer.wrap(b, 0x3C, 4)
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .getInt();
                    if (b[lfanew] == 'P' && b[lfanew + 1] == 'E' && b[lfanew + 2] == 0 && b[lfanew + 3] == 0) {
                        pe.add(pkg.relativize(p).toString());
                    }
                }
            }
        }
        // 7 images each in prebuilds/win32-x64 and win32-arm64, 2 each in third_party/conpty/*/win10-{x64,arm64}
        assertEquals(18, pe.size(), pe.toString());
        assertEquals(
                14, pe.stream().filter(p -> p.startsWith("prebuilds/win32-")).count());
        assertEquals(pe, result.subjects().stream().map(SubjectReport::name).toList());
        List<String> machO = result.skipped().stream()
                .filter(s -> s.file().contains("/prebuilds/darwin-"))
                .map(SkippedFile::reason)
                .toList();
        assertEquals(4, machO.size(), machO.toString());
        assertTrue(machO.stream().allMatch(r -> r.contains("Mach-O")), machO.toString());
    }

    @Test
    void singleUnreadableFileIsAnError(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.dll"), GARBAGE, StandardCharsets.US_ASCII);
        IOException e =
                assertThrows(IOException.class, () -> inspector.inspect(broken, Optional.empty(), Optional.empty()));
        assertTrue(e.getMessage().contains("broken.dll"), e.getMessage());
    }

    @Test
    void scannerFindsImagesByContentNotByName(@TempDir Path dir) throws IOException {
        Files.copy(hotpatch.dll(), dir.resolve("renamed.bin"));
        Files.writeString(dir.resolve("damaged.NODE"), "MZ then nothing");
        Files.writeString(dir.resolve("text.dll"), "x");
        Files.writeString(dir.resolve("other.txt"), "MX");
        Files.copy(hotpatch.pdb(), dir.resolve("hotpatch.pdb"));
        assertEquals(List.of(dir.resolve("damaged.NODE"), dir.resolve("renamed.bin")), ArtifactScanner.candidates(dir));
        assertEquals(
                List.of(dir.resolve("hotpatch.pdb"), dir.resolve("other.txt"), dir.resolve("text.dll")),
                ArtifactScanner.scan(dir).skipped().stream()
                        .map(ArtifactScanner.Skipped::file)
                        .toList());
        assertFalse(ArtifactScanner.isZip(dir.resolve("renamed.bin")));
        assertFalse(ArtifactScanner.isZip(dir));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void workers_oneThreadPerCoreAtMostOnePerEightFiles() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(1, Inspector.workers(0, 1));
        assertEquals(1, Inspector.workers(0, Inspector.FILES_PER_WORKER - 1));
        assertEquals(Math.min(cores, 2), Inspector.workers(0, 2 * Inspector.FILES_PER_WORKER));
        assertEquals(cores, Inspector.workers(0, 1000 * Inspector.FILES_PER_WORKER));
        assertEquals(1, Inspector.workers(1, 1000), "asked for one: this thread only");
        assertEquals(3, Inspector.workers(3, 3), "asked for: as many, never more than files");
        assertEquals(2, Inspector.workers(3, 2));
    }

    @Test
    void parallelReading_givesTheSerialResultInTheSameOrder(@TempDir Path dir) throws IOException {
        for (int i = 0; i < 12; i++) {
            Path sub = dir.resolve(String.format("d%02d", i));
            artifactDir(sub);
        }
        Inspector.Result serial = new Inspector(1).inspect(dir, Optional.empty(), Optional.empty());
        assertEquals(24, serial.subjects().size());
        assertEquals(12, serial.unreadable().size());
        for (int threads : new int[] {2, 3, 7}) {
            Inspector.Result parallel = new Inspector(threads).inspect(dir, Optional.empty(), Optional.empty());
            assertEquals(serial, parallel, threads + " threads");
        }
        assertEquals(serial, new Inspector().inspect(dir, Optional.empty(), Optional.empty()), "default threads");
    }

    @Test
    void negativeThreadsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Inspector(-1));
    }
}
