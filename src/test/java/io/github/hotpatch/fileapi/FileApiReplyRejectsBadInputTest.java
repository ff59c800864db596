package io.github.hotpatch.fileapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing, corrupted and hostile replies fail with a {@link FileApiFormatException} naming the file and
 * field. Each test damages a copy of the real reply from {@link FileApiTestProject}.
 */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class FileApiReplyRejectsBadInputTest {

    private static Path realReply;

    @TempDir
    Path build;

    private Path reply;

    @BeforeAll
    static void configure() throws Exception {
        realReply = FileApiReply.replyDir(FileApiTestProject.configured());
    }

    @BeforeEach
    void copyReply() throws IOException {
        reply = Files.createDirectories(FileApiReply.replyDir(build));
        try (Stream<Path> files = Files.list(realReply)) {
            for (Path f : files.toList()) {
                Files.copy(f, reply.resolve(f.getFileName()));
            }
        }
    }

    private FileApiFormatException rejected() {
        return assertThrows(FileApiFormatException.class, () -> FileApiReplyReader.read(build));
    }

    private Path only(String glob) throws IOException {
        try (Stream<Path> files = Files.list(reply)) {
            return files.filter(p ->
                            reply.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                    .reduce((a, b) -> {
                        throw new IllegalStateException("more than one " + glob);
                    })
                    .orElseThrow();
        }
    }

    private void replaceIn(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " lacks " + from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void theUndamagedCopyReads() throws IOException {
        assertEquals(
                "Release", FileApiReplyReader.read(build).configurationNames().get(1));
    }

    @Test
    void noReplyDirectory() throws IOException {
        NativeFixtures.deleteRecursively(reply);
        FileApiFormatException e = rejected();
        assertTrue(
                e.getMessage()
                        .contains("no CMake File API reply in " + reply + ": was the project configured with the query "
                                + FileApiQuery.queryFile(build) + " in place?"),
                e.getMessage());
    }

    @Test
    void noIndexFile() throws IOException {
        Files.delete(only("index-*.json"));
        assertTrue(rejected().getMessage().contains("no CMake File API reply in"));
    }

    @Test
    void truncatedIndex() throws IOException {
        Path index = only("index-*.json");
        String text = Files.readString(index);
        Files.writeString(index, text.substring(0, text.length() / 2));
        FileApiFormatException e = rejected();
        assertEquals(index, e.file());
        assertTrue(e.getMessage().startsWith(index + ": malformed JSON at line"), e.getMessage());
    }

    @Test
    void emptyIndex() throws IOException {
        Path index = only("index-*.json");
        Files.writeString(index, "");
        assertTrue(rejected().getMessage().equals(index + ": reply file is empty; expected a JSON object"));
    }

    @Test
    void trailingGarbage() throws IOException {
        Files.writeString(only("codemodel-v2-*.json"), "} junk", StandardOpenOption.APPEND);
        assertTrue(rejected().getMessage().contains("malformed JSON"));
    }

    @Test
    void notAnObject() throws IOException {
        Files.writeString(only("index-*.json"), "[1, 2]");
        assertTrue(rejected().getMessage().endsWith("expected a JSON object, found array"));
    }

    @Test
    void theNewestIndexByNameIsTheOneRead() throws IOException {
        Files.writeString(reply.resolve("index-0000-older.json"), "garbage that must not be read");
        FileApiReplyReader.read(build);
        Files.writeString(reply.resolve("index-9999-newer.json"), "{ broken");
        assertTrue(rejected().getMessage().contains("index-9999-newer.json: malformed JSON"));
    }

    @Test
    void queryWasNotInPlace() throws IOException {
        Path index = only("index-*.json");
        replaceIn(index, "\"codemodel-v2\" : ", "\"toolchains-v1\" : ");
        FileApiFormatException e = rejected();
        assertTrue(e.getMessage().contains(index + ": field reply.codemodel-v2 is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("was " + FileApiQuery.queryFile(build) + " in place"), e.getMessage());
    }

    @Test
    void cmakeAnsweredWithAnError() throws IOException {
        Path index = only("index-*.json");
        String text = Files.readString(index);
        int at = text.indexOf("\"reply\"");
        Files.writeString(
                index,
                text.substring(0, at)
                        + "\"reply\" : { \"codemodel-v2\" : { \"error\" : \"unknown request kind 'codemodel'\" } } }");
        assertTrue(rejected()
                .getMessage()
                .endsWith("CMake answered the codemodel-v2 query with an error: unknown request kind 'codemodel'"));
    }

    @Test
    void codemodelFileMissing() throws IOException {
        Path codemodel = only("codemodel-v2-*.json");
        Files.delete(codemodel);
        FileApiFormatException e = rejected();
        assertEquals(codemodel, e.file());
        assertTrue(e.getMessage().contains("reply file does not exist"), e.getMessage());
    }

    /** Makes the index's codemodel-v2 {@code jsonFile} name {@code jsonFile} instead of the real codemodel file. */
    private void pointCodemodelAt(String jsonFile) throws IOException {
        String codemodel = only("codemodel-v2-*.json").getFileName().toString();
        replaceIn(only("index-*.json"), "\"" + codemodel + "\"", "\"" + jsonFile + "\"");
    }

    @Test
    void jsonFileThatLeavesTheReplyDirectoryIsNotFollowed() throws IOException {
        pointCodemodelAt("../../../../../../etc/passwd");
        FileApiFormatException e = rejected();
        assertTrue(
                e.getMessage()
                        .contains("field reply.codemodel-v2.jsonFile must name a file in the reply directory, "
                                + "found '../../../../../../etc/passwd'"),
                e.getMessage());
    }

    /** Found by FileApiReplyFuzzTest (its crash-1445b098... input): the file system's error became a format error. */
    @Test
    void jsonFileNameTooLongForTheFileSystem() throws IOException {
        pointCodemodelAt("codemodel-" + "\u00e9".repeat(200) + ".json");
        FileApiFormatException e = rejected();
        assertTrue(e.getMessage().contains("cannot read reply file: "), e.getMessage());
        assertTrue(e.getMessage().contains("File name too long"), e.getMessage());
    }

    @Test
    void jsonFileNamingADirectory() throws IOException {
        Files.createDirectory(only("index-*.json").resolveSibling("not-a-file.json"));
        pointCodemodelAt("not-a-file.json");
        assertTrue(
                rejected().getMessage().endsWith("not-a-file.json: reply file is not a regular file"),
                rejected().getMessage());
    }

    @Test
    void codemodelWithoutConfigurations() throws IOException {
        Path codemodel = only("codemodel-v2-*.json");
        replaceIn(codemodel, "\"configurations\"", "\"configurationz\"");
        assertTrue(rejected().getMessage().equals(codemodel + ": field configurations is missing or not an array"));
    }

    @Test
    void codemodelOfAnotherMajorVersion() throws IOException {
        Path codemodel = only("codemodel-v2-*.json");
        String text = Files.readString(codemodel);
        int version = text.lastIndexOf("\"major\" : 2");
        Files.writeString(codemodel, text.substring(0, version) + "\"major\" : 3" + text.substring(version + 11));
        assertTrue(rejected()
                .getMessage()
                .endsWith("expected a codemodel object of major version 2, found kind 'codemodel' version 3"));
    }

    @Test
    void targetEntryWithoutJsonFile() throws IOException {
        Path codemodel = only("codemodel-v2-*.json");
        String text = Files.readString(codemodel);
        Files.writeString(codemodel, text.replaceFirst("\"jsonFile\" : \"target-", "\"jsonFilf\" : \"target-"));
        FileApiFormatException e = rejected();
        assertTrue(
                e.getMessage()
                        .matches(
                                ".*: field configurations\\[0\\]\\.targets\\[\\d\\]\\.jsonFile is missing or not a string"),
                e.getMessage());
    }

    @Test
    void targetWithoutType() throws IOException {
        Path target = only("target-msquic-Release-*.json");
        replaceIn(target, "\"type\" : \"SHARED_LIBRARY\"", "\"kind\" : \"SHARED_LIBRARY\"");
        assertTrue(rejected().getMessage().equals(target + ": field type is missing or not a string"));
    }

    @Test
    void artifactWithoutPath() throws IOException {
        Path target = only("target-msquic-Release-*.json");
        replaceIn(target, "\"path\" : \"Release/msquic.pdb\"", "\"file\" : \"Release/msquic.pdb\"");
        assertTrue(rejected().getMessage().equals(target + ": field artifacts[2].path is missing or not a string"));
    }

    @Test
    void fragmentWithoutRole() throws IOException {
        Path target = only("target-msquic-Release-*.json");
        replaceIn(target, "\"role\" : \"flags\"", "\"rolle\" : \"flags\"");
        assertTrue(rejected()
                .getMessage()
                .equals(target + ": field link.commandFragments[0].role is missing or not a string"));
    }

    @Test
    void oversizedReplyFileIsRefusedUnread() throws IOException {
        Path target = only("target-msquic-Release-*.json");
        try (RandomAccessFile f = new RandomAccessFile(target.toFile(), "rw")) {
            f.setLength(FileApiJson.MAX_BYTES + 1); // sparse: costs no disk
        }
        FileApiFormatException e = rejected();
        assertEquals(target, e.file());
        assertTrue(e.getMessage().contains("refusing to read it"), e.getMessage());
    }
}
