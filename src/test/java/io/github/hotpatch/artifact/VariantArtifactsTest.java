package io.github.hotpatch.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.cmake.BuildVariant;
import io.github.hotpatch.profile.Arch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finds the outputs through a File API reply laid out as CMake writes it for a Ninja Multi-Config DLL target
 * (index → codemodel-v2 → target file, artifacts relative to the build directory), with placeholder binaries.
 * The IT {@code attach-install} does the same on a real clang-cl/lld-link build.
 */
class VariantArtifactsTest {

    private static final BuildVariant SCHANNEL = new BuildVariant("arm64_schannel", Arch.ARM64, Map.of());
    private static final BuildVariant OPENSSL = new BuildVariant("arm64_openssl", Arch.ARM64, Map.of());

    @TempDir
    Path root;

    private Path buildRoot;
    private Path zipDirectory;

    @BeforeEach
    void layOutBothVariants() throws IOException {
        buildRoot = root.resolve("build/windows");
        zipDirectory = root.resolve("target/hotpatch");
        for (BuildVariant variant : List.of(SCHANNEL, OPENSSL)) {
            Path dir = buildRoot.resolve(variant.name());
            writeReply(dir, "Debug", "Release");
            for (String file : List.of("msquic.dll", "msquic.lib", "msquic.pdb")) {
                Path out =
                        Files.createDirectories(dir.resolve("src/bin/Release")).resolve(file);
                Files.writeString(out, variant.name() + " " + file);
            }
        }
    }

    /** A codemodel-v2 reply with target msquic in each of {@code configurations}, outputs in src/bin/<config>/. */
    private static void writeReply(Path buildDir, String... configurations) throws IOException {
        Path reply = Files.createDirectories(buildDir.resolve(".cmake/api/v1/reply"));
        List<String> configs = new ArrayList<>();
        for (String config : configurations) {
            String targetFile = "target-msquic-" + config + "-0123456789abcdef.json";
            configs.add("{\"name\":\"" + config + "\",\"targets\":[{\"name\":\"msquic\",\"jsonFile\":\"" + targetFile
                    + "\"}]}");
            String out = "src/bin/" + config + "/msquic";
            Files.writeString(
                    reply.resolve(targetFile),
                    "{\"name\":\"msquic\",\"type\":\"SHARED_LIBRARY\","
                            + "\"nameOnDisk\":\"msquic.dll\",\"artifacts\":[{\"path\":\"" + out + ".dll\"},{\"path\":\""
                            + out
                            + ".lib\"},{\"path\":\"" + out + ".pdb\"}]}");
        }
        Files.writeString(
                reply.resolve("codemodel-v2-0123456789abcdef.json"),
                "{\"kind\":\"codemodel\","
                        + "\"version\":{\"major\":2,\"minor\":7},\"paths\":{\"source\":\"/src\",\"build\":\"" + buildDir
                        + "\"},"
                        + "\"configurations\":[" + String.join(",", configs) + "]}");
        Files.writeString(
                reply.resolve("index-2026-01-01T00-00-00-0000.json"),
                "{\"cmake\":{\"version\":{\"string\":"
                        + "\"3.31.6\"},\"generator\":{\"name\":\"Ninja Multi-Config\",\"multiConfig\":true}},\"reply\":{"
                        + "\"codemodel-v2\":{\"kind\":\"codemodel\",\"version\":{\"major\":2,\"minor\":7},"
                        + "\"jsonFile\":\"codemodel-v2-0123456789abcdef.json\"}}}");
    }

    private VariantArtifacts release() {
        return new VariantArtifacts(buildRoot, "msquic", "Release", zipDirectory);
    }

    private static Map<String, String> zipEntries(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                entries.put(
                        entry.getName(), new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void classifierIsTheVariantNameWithDashes() {
        assertEquals("arm64-schannel", VariantArtifacts.classifier("arm64_schannel"));
        assertEquals("x64-openssl-3.1", VariantArtifacts.classifier("x64_openssl-3.1"));
    }

    @Test
    void attachesDllPdbLibAndZipPerVariantInOrder() throws Exception {
        List<AttachableFile> files = release().collect(List.of(SCHANNEL, OPENSSL));

        Path schannel = buildRoot.resolve("arm64_schannel/src/bin/Release");
        Path openssl = buildRoot.resolve("arm64_openssl/src/bin/Release");
        assertEquals(
                List.of(
                        new AttachableFile(schannel.resolve("msquic.dll"), "dll", "arm64-schannel"),
                        new AttachableFile(schannel.resolve("msquic.pdb"), "pdb", "arm64-schannel"),
                        new AttachableFile(schannel.resolve("msquic.lib"), "lib", "arm64-schannel"),
                        new AttachableFile(zipDirectory.resolve("msquic-arm64-schannel.zip"), "zip", "arm64-schannel"),
                        new AttachableFile(openssl.resolve("msquic.dll"), "dll", "arm64-openssl"),
                        new AttachableFile(openssl.resolve("msquic.pdb"), "pdb", "arm64-openssl"),
                        new AttachableFile(openssl.resolve("msquic.lib"), "lib", "arm64-openssl"),
                        new AttachableFile(zipDirectory.resolve("msquic-arm64-openssl.zip"), "zip", "arm64-openssl")),
                files);

        assertEquals(
                Map.of(
                        "msquic.dll",
                        "arm64_openssl msquic.dll",
                        "msquic.pdb",
                        "arm64_openssl msquic.pdb",
                        "msquic.lib",
                        "arm64_openssl msquic.lib"),
                zipEntries(zipDirectory.resolve("msquic-arm64-openssl.zip")));
        assertEquals(
                List.of("msquic.dll", "msquic.pdb", "msquic.lib"),
                List.copyOf(zipEntries(zipDirectory.resolve("msquic-arm64-schannel.zip"))
                        .keySet()));
    }

    @Test
    void onlyTheSelectedVariantsAreCollected() throws Exception {
        List<AttachableFile> files = release().collect(List.of(OPENSSL));
        assertEquals(4, files.size());
        assertTrue(files.stream().allMatch(f -> f.classifier().equals("arm64-openssl")), files.toString());
        assertFalse(Files.exists(zipDirectory.resolve("msquic-arm64-schannel.zip")));
    }

    @Test
    void theZipDependsOnlyOnNamesAndContents() throws Exception {
        Path zip = zipDirectory.resolve("msquic-arm64-schannel.zip");
        release().collect(List.of(SCHANNEL));
        byte[] first = Files.readAllBytes(zip);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertTrue(file.stream().allMatch(e -> e.getTimeLocal().equals(DeterministicZip.ENTRY_TIME)));
        }

        // a rebuild with identical outputs: new modification times, same bytes
        for (String name : List.of("msquic.dll", "msquic.lib", "msquic.pdb")) {
            Files.setLastModifiedTime(
                    buildRoot.resolve("arm64_schannel/src/bin/Release").resolve(name),
                    FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
        }
        release().collect(List.of(SCHANNEL));
        assertArrayEquals(first, Files.readAllBytes(zip));
        try (var left = Files.list(zipDirectory)) {
            assertEquals(List.of(zip), left.toList(), "no partial files left behind");
        }
    }

    @Test
    void anUpToDateZipIsNotWrittenAgainButAChangedInputRewritesIt() throws Exception {
        Path zip = zipDirectory.resolve("msquic-arm64-schannel.zip");
        Path dir = buildRoot.resolve("arm64_schannel/src/bin/Release");
        FileTime past = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        for (String name : List.of("msquic.dll", "msquic.lib", "msquic.pdb")) {
            Files.setLastModifiedTime(dir.resolve(name), past);
        }
        release().collect(List.of(SCHANNEL));
        FileTime marker = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(zip, marker);

        release().collect(List.of(SCHANNEL));
        assertEquals(marker, Files.getLastModifiedTime(zip), "inputs older than the zip, same names and sizes: kept");

        // Same size, newer: rewritten with the new content.
        Files.writeString(dir.resolve("msquic.pdb"), "arm64_schannel msquic.PDB");
        release().collect(List.of(SCHANNEL));
        assertEquals("arm64_schannel msquic.PDB", zipEntries(zip).get("msquic.pdb"));

        // Same time as before but a different size (a file restored from a copy, say): rewritten too.
        Files.writeString(dir.resolve("msquic.dll"), "a longer arm64_schannel msquic.dll");
        Files.setLastModifiedTime(dir.resolve("msquic.dll"), past);
        Files.setLastModifiedTime(zip, marker);
        release().collect(List.of(SCHANNEL));
        assertEquals("a longer arm64_schannel msquic.dll", zipEntries(zip).get("msquic.dll"));

        // A damaged zip is replaced, not trusted, even when it is newer than every input.
        for (String name : List.of("msquic.dll", "msquic.lib", "msquic.pdb")) {
            Files.setLastModifiedTime(dir.resolve(name), past);
        }
        Files.writeString(zip, "not a zip");
        Files.setLastModifiedTime(zip, marker);
        release().collect(List.of(SCHANNEL));
        assertEquals(3, zipEntries(zip).size());
    }

    @Test
    void missingFilesAreAllNamedWithTheirVariantAndNothingIsZipped() throws IOException {
        Files.delete(buildRoot.resolve("arm64_schannel/src/bin/Release/msquic.pdb"));
        Files.delete(buildRoot.resolve("arm64_openssl/src/bin/Release/msquic.dll"));

        VariantArtifacts.NotAttachable e = assertThrows(
                VariantArtifacts.NotAttachable.class, () -> release().collect(List.of(SCHANNEL, OPENSSL)));
        assertEquals(
                "hotpatch:attach cannot attach the Release outputs of target 'msquic':\n"
                        + "  [arm64_schannel] Release pdb is missing: "
                        + buildRoot.resolve("arm64_schannel/src/bin/Release/msquic.pdb")
                        + " (run hotpatch:build with buildConfig Release first)\n"
                        + "  [arm64_openssl] Release dll is missing: "
                        + buildRoot.resolve("arm64_openssl/src/bin/Release/msquic.dll")
                        + " (run hotpatch:build with buildConfig Release first)",
                e.getMessage());
        assertFalse(Files.exists(zipDirectory), "a zip only once every variant is complete");
    }

    @Test
    void anUnconfiguredVariantSaysToConfigure() throws IOException {
        BuildVariant x64 = new BuildVariant("x64_schannel", Arch.X64, Map.of());
        VariantArtifacts.NotAttachable e = assertThrows(
                VariantArtifacts.NotAttachable.class, () -> release().collect(List.of(x64)));
        assertTrue(
                e.getMessage()
                        .contains("[x64_schannel] " + buildRoot.resolve("x64_schannel/.cmake/api/v1/reply")
                                + ": no CMake File API reply in"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(run hotpatch:configure and hotpatch:build first)"), e.getMessage());
    }

    @Test
    void aConfigurationOrTargetTheReplyLacksIsNamed() {
        VariantArtifacts minSizeRel = new VariantArtifacts(buildRoot, "msquic", "MinSizeRel", zipDirectory);
        VariantArtifacts.NotAttachable e =
                assertThrows(VariantArtifacts.NotAttachable.class, () -> minSizeRel.collect(List.of(SCHANNEL)));
        assertEquals(
                "hotpatch:attach cannot attach the MinSizeRel outputs of target 'msquic':\n  [arm64_schannel]"
                        + " buildConfig 'MinSizeRel' is not a configuration CMake generated (configurations: Debug,"
                        + " Release)",
                e.getMessage());

        VariantArtifacts lowerCase = new VariantArtifacts(buildRoot, "msquic", "release", zipDirectory);
        e = assertThrows(VariantArtifacts.NotAttachable.class, () -> lowerCase.collect(List.of(SCHANNEL)));
        assertTrue(e.getMessage().contains("did you mean 'Release'?"), e.getMessage());

        VariantArtifacts otherTarget = new VariantArtifacts(buildRoot, "msquic_static", "Release", zipDirectory);
        e = assertThrows(VariantArtifacts.NotAttachable.class, () -> otherTarget.collect(List.of(SCHANNEL)));
        assertTrue(
                e.getMessage()
                        .contains("[arm64_schannel] target 'msquic_static' is not a target of this CMake project"
                                + " (shared-library targets: msquic). Set <target> or -Dhotpatch.target"),
                e.getMessage());
    }

    @Test
    void variantsThatWouldShareAClassifierAreRefused() {
        BuildVariant dashed = new BuildVariant("arm64-schannel", Arch.ARM64, Map.of());
        VariantArtifacts.NotAttachable e = assertThrows(
                VariantArtifacts.NotAttachable.class, () -> release().collect(List.of(SCHANNEL, dashed)));
        assertEquals(
                "variants 'arm64_schannel' and 'arm64-schannel' would both be attached with classifier"
                        + " 'arm64-schannel'; rename one of them",
                e.getMessage());
    }

    @Test
    void zipRefusesTwoFilesOfTheSameName() throws IOException {
        Path a = Files.createDirectories(root.resolve("a")).resolve("msquic.dll");
        Path b = Files.createDirectories(root.resolve("b")).resolve("msquic.dll");
        Files.writeString(a, "a");
        Files.writeString(b, "b");
        assertThrows(
                IllegalArgumentException.class, () -> DeterministicZip.write(root.resolve("out.zip"), List.of(a, b)));
    }
}
