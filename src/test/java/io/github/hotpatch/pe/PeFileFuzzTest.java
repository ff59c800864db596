package io.github.hotpatch.pe;

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
 * {@link PeImageReader#read} on fuzzed images: a {@link PeImage} or a {@link PeFormatException}, nothing else, within
 * {@link ReaderFuzzing#TIME_BOUND} and the fuzzing JVM's heap. Seeds are lld-link images from {@link NativeFixtures}
 * ({@code PeFileFuzzTestInputs/read/}); see FUZZING.md for how this runs and how to run it longer.
 */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class PeFileFuzzTest {

    private static final String METHOD = "read";

    /** Reused for every input; see {@link ReaderFuzzing#scratchDir}. */
    private static Path image;

    // Signatures the reader compares against whole words; the fuzzer rarely guesses them byte by byte.
    @DictionaryEntries({"MZ", "PE\0\0", "Rich", "DanS", "RSDS", "NB10", ".reloc", ".text", ".rdata", ".debug"})
    @ReaderFuzzTest
    void read(byte[] file) throws IOException {
        Path path = imagePath();
        Files.write(path, file);
        ReaderFuzzing.readOrReject(PeFormatException.class, () -> useEverything(PeImageReader.read(path)));
    }

    /** What the verifier derives from an image, and every record's toString, so lazy views are exercised too. */
    private static void useEverything(PeImage image) {
        image.machine().name();
        image.hotpatchCompatible();
        image.relocations().present();
        image.codeView().ifPresent(CodeViewRecord::guidString);
        image.richHeader().flatMap(RichHeader::linker);
        image.loadConfig().ifPresent(LoadConfig::toString);
        for (int i = 0; i < DataDirectory.COUNT; i++) {
            image.dataDirectory(i);
        }
        image.debugEntries().forEach(DebugEntry::typeName);
        image.toString();
    }

    private static synchronized Path imagePath() throws IOException {
        if (image == null) {
            image = ReaderFuzzing.scratchDir(PeFileFuzzTest.class).resolve("input.dll");
        }
        return image;
    }

    /** The real seeds parse: fuzzing starts from images that reach the end of the reader, not its first check. */
    @Test
    void seedsAreReadableImages() throws IOException {
        List<Path> seeds = seeds();
        assertFalse(seeds.isEmpty(), "no seeds in " + ReaderFuzzing.inputsDir(PeFileFuzzTest.class, METHOD));
        for (Path seed : seeds) {
            assertEquals(Files.size(seed), PeImageReader.read(seed).fileSize(), seed::toString);
        }
    }

    private static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(ReaderFuzzing.inputsDir(PeFileFuzzTest.class, METHOD))) {
            return files.filter(p -> p.getFileName().toString().startsWith("seed-"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Rewrites the committed seeds from freshly linked fixtures:
     * {@code ./mvnw test -Dtest=PeFileFuzzTest -DskipFuzz -Dgroups=seed-refresh -Dsurefire.excludedGroups=}.
     */
    @Test
    @Tag("seed-refresh")
    void refreshSeeds() throws IOException {
        seed("seed-lld22-arm64-hotpatch.dll", NativeFixtures.arm64Hotpatch());
        seed("seed-lld22-arm64-plain.dll", NativeFixtures.arm64Plain());
        seed("seed-lld22-x64-hotpatch.dll", NativeFixtures.x64Hotpatch());
        seed("seed-lld19-arm64-profile.dll", NativeFixtures.arm64Lld19Profile());
        seed("seed-lld22-arm64-loadconfig.dll", NativeFixtures.arm64LoadConfig());
        seed("seed-lld22-x86-pe32-loadconfig.dll", NativeFixtures.x86LoadConfig());
    }

    private static void seed(String name, NativeFixtures.Built built) throws IOException {
        ReaderFuzzing.writeSeed(PeFileFuzzTest.class, METHOD, name, Files.readAllBytes(built.dll()));
    }
}
