package io.github.hotpatch.fileapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import io.github.hotpatch.testing.ReaderFuzzTest;
import io.github.hotpatch.testing.ReaderFuzzing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@link FileApiReplyReader#read} on fuzzed reply directories: a {@link FileApiReply} or a
 * {@link FileApiFormatException}, nothing else, within {@link ReaderFuzzing#TIME_BOUND} and the fuzzing JVM's heap.
 *
 * <p>The reader follows file names from one reply file to the next (index, codemodel, targets), so one input is
 * a whole reply directory, a <em>reply bundle</em>: files separated by a NUL byte, each {@code <name>\n<content>}.
 * The fuzzer can thus change any file, rename it, drop it or add one. The seed is the reply CMake wrote for
 * {@link FileApiTestProject} ({@code FileApiReplyFuzzTestInputs/read/}); see FUZZING.md.
 */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class FileApiReplyFuzzTest {

    private static final String METHOD = "read";

    /** Separates the files of a bundle; JSON never contains a raw NUL. */
    private static final byte FILE_SEPARATOR = 0;

    /** Names a bundle may create in the reply directory: plain file names, nothing that leaves the directory. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    /** Reused for every input; see {@link ReaderFuzzing#scratchDir}. */
    private static Path buildDir;

    /** What the reply directory holds now, by file name. */
    private static final Map<String, byte[]> laidOut = new HashMap<>();

    // Field names and values the reader compares exactly.
    @DictionaryEntries({
        "\"jsonFile\"",
        "\"codemodel-v2\"",
        "\"kind\"",
        "\"codemodel\"",
        "\"version\"",
        "\"major\"",
        "\"configurations\"",
        "\"targets\"",
        "\"artifacts\"",
        "\"path\"",
        "\"nameOnDisk\"",
        "\"link\"",
        "\"commandFragments\"",
        "\"fragment\"",
        "\"role\"",
        "\"flags\"",
        "\"error\"",
        "\"reply\"",
        "\"paths\"",
        "\"source\"",
        "\"generator\"",
        "\"multiConfig\"",
        "index-",
        ".json"
    })
    @ReaderFuzzTest
    void read(byte[] bundle) throws IOException {
        Path build = layOut(bundle);
        ReaderFuzzing.readOrReject(FileApiFormatException.class, () -> useEverything(FileApiReplyReader.read(build)));
    }

    /** What the build and verify goals take from a reply. */
    private static void useEverything(FileApiReply reply) {
        reply.cmakeVersion();
        reply.generator();
        reply.sourceDir();
        for (FileApiConfiguration configuration : reply.configurations()) {
            for (FileApiTarget target : configuration.targets()) {
                target.primaryArtifact();
                target.pdb();
                target.importLibrary();
                target.linkFlagTokens();
                target.hasLinkFlag("/profile");
                target.linkFragments().forEach(FileApiCommandFragment::toString);
                target.toString();
            }
        }
        reply.toString();
    }

    /**
     * Makes the reply directory hold exactly the bundle's files; returns the build directory. Most mutations
     * change one file, so only changed files are written and only dropped ones deleted: rewriting all ten of
     * the seed's files for every input made file I/O most of the time per input.
     */
    private static synchronized Path layOut(byte[] bundle) throws IOException {
        Path replyDir = FileApiReply.replyDir(buildDir());
        Map<String, byte[]> files = parse(bundle);
        for (String name : List.copyOf(laidOut.keySet())) {
            if (!files.containsKey(name)) {
                Files.deleteIfExists(replyDir.resolve(name));
                laidOut.remove(name);
            }
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!Arrays.equals(laidOut.get(file.getKey()), file.getValue())) {
                Files.write(replyDir.resolve(file.getKey()), file.getValue());
                laidOut.put(file.getKey(), file.getValue());
            }
        }
        return buildDir;
    }

    /** The bundle's files by name, a later one replacing an earlier one of the same name. */
    private static Map<String, byte[]> parse(byte[] bundle) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= bundle.length; i++) {
            if (i == bundle.length || bundle[i] == FILE_SEPARATOR) {
                addEntry(files, Arrays.copyOfRange(bundle, start, i));
                start = i + 1;
            }
        }
        return files;
    }

    /** One {@code <name>\n<content>} entry; one without a usable name is skipped, as the fuzzer may make any. */
    private static void addEntry(Map<String, byte[]> files, byte[] entry) {
        int newline = 0;
        while (newline < entry.length && entry[newline] != '\n') {
            newline++;
        }
        String name = new String(entry, 0, newline, StandardCharsets.ISO_8859_1);
        if (newline < entry.length && FILE_NAME.matcher(name).matches()) {
            files.put(name, Arrays.copyOfRange(entry, newline + 1, entry.length));
        }
    }

    private static synchronized Path buildDir() throws IOException {
        if (buildDir == null) {
            buildDir = ReaderFuzzing.scratchDir(FileApiReplyFuzzTest.class).resolve("build");
            Files.createDirectories(FileApiReply.replyDir(buildDir));
        }
        return buildDir;
    }

    /** The real reply bundle lays out into a reply the reader accepts in full. */
    @Test
    void seedBundleIsAReadableReply() throws IOException {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(ReaderFuzzing.inputsDir(FileApiReplyFuzzTest.class, METHOD))) {
            seeds = files.filter(p -> p.getFileName().toString().startsWith("seed-"))
                    .sorted()
                    .toList();
        }
        assertFalse(seeds.isEmpty(), "no seeds in " + ReaderFuzzing.inputsDir(FileApiReplyFuzzTest.class, METHOD));
        for (Path seed : seeds) {
            FileApiReply reply = FileApiReplyReader.read(layOut(Files.readAllBytes(seed)));
            assertEquals(List.of("Debug", "Release", "RelWithDebInfo"), reply.configurationNames(), seed::toString);
            assertFalse(
                    reply.target("Release", "msquic").orElseThrow().linkFlags().isEmpty(), seed::toString);
        }
    }

    /**
     * Rewrites the committed seed from a fresh configure of {@link FileApiTestProject}:
     * {@code ./mvnw test -Dtest=FileApiReplyFuzzTest -DskipFuzz -Dgroups=seed-refresh -Dsurefire.excludedGroups=}. Only the files the
     * reader opens go in (index, codemodel, targets); CMake's directory-* objects are left out.
     */
    @Test
    @Tag("seed-refresh")
    void refreshSeeds() throws Exception {
        Path reply = FileApiReply.replyDir(FileApiTestProject.configured());
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(reply)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("index-") || name.startsWith("codemodel-v2-") || name.startsWith("target-")) {
                    if (bundle.size() > 0) {
                        bundle.write(FILE_SEPARATOR);
                    }
                    bundle.write((name + "\n").getBytes(StandardCharsets.ISO_8859_1));
                    bundle.write(Files.readAllBytes(file));
                }
            }
        }
        ReaderFuzzing.writeSeed(
                FileApiReplyFuzzTest.class,
                METHOD,
                "seed-ninja-multi-config-clang-cl-arm64.reply",
                bundle.toByteArray());
    }
}
