package io.github.hotpatch.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.pdb.PdbFile;
import io.github.hotpatch.pdb.PdbFileReader;
import io.github.hotpatch.pe.PeImage;
import io.github.hotpatch.pe.PeImageReader;
import io.github.hotpatch.pe.RichEntry;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Which linker wrote an image, from each kind of evidence in turn, on real lld- and MSVC-linked images. */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class LinkerIdentityTest {

    private static NativeFixtures.Built hotpatch;
    private static PeImage lldImage;
    private static PdbFile lldPdb;
    private static Path msvcNode;
    private static PeImage msvcImage;

    @BeforeAll
    static void read() throws IOException {
        hotpatch = NativeFixtures.arm64Hotpatch();
        lldImage = PeImageReader.read(hotpatch.dll());
        lldPdb = PdbFileReader.read(hotpatch.pdb());
        msvcNode = NativeFixtures.msvcArm64Node();
        msvcImage = PeImageReader.read(msvcNode);
    }

    @Test
    void fromThePdbsLinkerModule() {
        LinkerIdentity id = LinkerIdentity.of(lldImage, Optional.of(lldPdb));
        assertEquals(Optional.of(LinkerKind.LLD), id.kind());
        assertEquals(lldPdb.linkerName().orElseThrow(), id.name());
        assertTrue(id.name().contains("LLVM Linker"), id.name());
        // lld records MSVC's 14.10.25019.0, not its own version; the real one is in the linker's path
        assertEquals(LinkerIdentity.LLD_FIXED_VERSION, lldPdb.linkerVersion().orElseThrow());
        assertTrue(
                lldPdb.environment().get("exe").endsWith("lld-link-22"),
                lldPdb.environment().toString());
        assertEquals("22", id.version());
        assertTrue(id.evidence().contains("S_COMPILE3"), id.evidence());
        assertTrue(id.evidence().contains("lld-link-22 in its S_ENVBLOCK"), id.evidence());
        Map<String, Object> facts = id.toFacts();
        assertEquals("14.10.25019.0", facts.get("recordedVersion"));
        assertEquals(
                "lld-link writes the fixed value 14.10.25019.0 into S_COMPILE3, not its own version",
                facts.get("versionNote"));
        // lld writes no Rich header, so nothing else could have said so
        assertTrue(lldImage.richHeader().isEmpty());
    }

    @Test
    void thePdbOutranksTheImage() {
        // the PDB's own linker record is the best evidence, even when the image would say otherwise
        LinkerIdentity id = LinkerIdentity.of(msvcImage, Optional.of(lldPdb));
        assertEquals(Optional.of(LinkerKind.LLD), id.kind());
        assertTrue(id.evidence().contains("S_COMPILE3"), id.evidence());
    }

    @Test
    void fromTheRichHeaderOfAnMsvcImage() {
        RichEntry linker = msvcImage.richHeader().flatMap(r -> r.linker()).orElseThrow();
        LinkerIdentity id = LinkerIdentity.of(msvcImage, Optional.empty());
        assertEquals(Optional.of(LinkerKind.MSVC), id.kind());
        assertEquals("Microsoft (R) LINK", id.name());
        assertEquals(msvcImage.linkerVersion() + "." + linker.build(), id.version());
        assertTrue(id.version().startsWith("14."), id.version());
        assertTrue(id.evidence().contains("Rich header"), id.evidence());
    }

    @Test
    void fromLldsGuidSignatureWithoutAPdb() {
        byte[] guid = lldImage.codeView().orElseThrow().guid();
        assertArrayEquals("LLD PDB.".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(guid, 8, 16));
        LinkerIdentity id = LinkerIdentity.of(lldImage, Optional.empty());
        assertEquals(Optional.of(LinkerKind.LLD), id.kind());
        assertEquals("LLVM Linker", id.name());
        assertEquals(lldImage.linkerVersion().toString(), id.version());
        assertTrue(id.evidence().contains("RSDS GUID"), id.evidence());
        // the MSVC image's GUID is random, so the signature does not misfire on it
        byte[] msvcGuid = msvcImage.codeView().orElseThrow().guid();
        assertFalse(Arrays.equals("LLD PDB.".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(msvcGuid, 8, 16)));
    }

    @Test
    void nothingToGoOnIsUnknownAndHeldToMsvcsProfile(@TempDir Path dir) throws IOException {
        // the MSVC image with its Rich header wiped (the loader ignores it): no PDB, no Rich header, no lld GUID
        byte[] bytes = Files.readAllBytes(msvcNode);
        int from = (int) msvcImage.richHeader().orElseThrow().offset();
        Arrays.fill(bytes, from, (int) msvcImage.eLfanew(), (byte) 0);
        Path stripped = Files.write(dir.resolve("stripped.node"), bytes);
        PeImage image = PeImageReader.read(stripped);
        assertTrue(image.richHeader().isEmpty());

        LinkerIdentity id = LinkerIdentity.of(image, Optional.empty());
        assertEquals(Optional.empty(), id.kind());
        assertEquals("unknown", id.name());
        assertEquals(image.linkerVersion().toString(), id.version());
        Map<String, Object> facts = id.toFacts();
        assertEquals(List.of("name", "version", "kind", "evidence"), List.copyOf(facts.keySet()));
        assertNull(facts.get("kind"));

        SubjectReport report = BinaryInspection.inspect(
                "stripped.node",
                BinaryEvidence.collect(stripped, Optional.empty()),
                Optional.empty(),
                Optional.empty());
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) report.facts().get("profile");
        assertEquals("MSVC", profile.get("linker"));
        assertEquals(
                HotpatchProfile.of(io.github.hotpatch.profile.Arch.ARM64, LinkerKind.MSVC)
                        .flags(),
                profile.get("flags"));
    }

    @Test
    void factsCarryTheIdentity() {
        Map<String, Object> facts =
                LinkerIdentity.of(msvcImage, Optional.empty()).toFacts();
        assertEquals("MSVC", facts.get("kind"));
        assertEquals("Microsoft (R) LINK", facts.get("name"));
    }

    @Test
    void lldsRealVersionComesFromTheLinkersPathWhereItHasOne() {
        assertEquals(
                "19",
                LinkerIdentity.lldWithFixedVersion("LLVM Linker", "/usr/lib/llvm-19/bin/lld-link")
                        .version());
        assertEquals(
                "22",
                LinkerIdentity.lldWithFixedVersion("LLVM Linker", "/usr/bin/lld-link-22")
                        .version());
        LinkerIdentity none = LinkerIdentity.lldWithFixedVersion("LLVM Linker", "C:\\LLVM\\bin\\lld-link.exe");
        assertEquals("unknown", none.version());
        assertTrue(none.evidence().endsWith("C:\\LLVM\\bin\\lld-link.exe names no version"), none.evidence());
        assertEquals(
                "14.10.25019.0",
                LinkerIdentity.lldWithFixedVersion("LLVM Linker", null)
                        .toFacts()
                        .get("recordedVersion"));
    }
}
