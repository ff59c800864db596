package io.github.hotpatch.verify;

import static io.github.hotpatch.verify.VerifyFixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.pdb.PdbFileReader;
import io.github.hotpatch.pe.PeImageReader;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDB that belongs to an image is the one its CodeView (RSDS) record names: looked for beside the image first,
 * then at the recorded path, then as {@code <image>.pdb}. A portable PDB is named as such, never as a broken MSF.
 */
class PdbChoiceTest {

    static final String SARIF_MULTITOOL_VERSION = "5.7.0";

    @Test
    void theRsdsNameBesideTheImageWinsOverTheImagesOwnName(@TempDir Path dir) throws IOException {
        NativeFixtures.Built hotpatch = NativeFixtures.arm64Hotpatch();
        NativeFixtures.Built plain = NativeFixtures.arm64Plain();
        // renamed.dll's RSDS record names hotpatch.pdb; renamed.pdb beside it belongs to another link
        Path dll = Files.copy(hotpatch.dll(), dir.resolve("renamed.dll"));
        Files.copy(hotpatch.pdb(), dir.resolve("hotpatch.pdb"));
        Files.copy(plain.pdb(), dir.resolve("renamed.pdb"));
        BinaryEvidence evidence = BinaryEvidence.collect(dll, Optional.empty());
        assertEquals(Optional.of(dir.resolve("hotpatch.pdb")), evidence.pdbPath());
        assertEquals(dir.resolve("hotpatch.pdb"), evidence.pdbSearched().get(0));
        assertEquals(
                dir.resolve("renamed.pdb"),
                evidence.pdbSearched().get(evidence.pdbSearched().size() - 1));
        RuleResult r = BinaryRules.pdbMatches(evidence);
        assertEquals(RuleStatus.PASS, r.status(), r.message());

        // without it beside the image, the recorded path itself (this machine built it) comes next
        Files.delete(dir.resolve("hotpatch.pdb"));
        BinaryEvidence recorded = BinaryEvidence.collect(dll, Optional.empty());
        assertEquals(Optional.of(hotpatch.pdb()), recorded.pdbPath());
        assertEquals(RuleStatus.PASS, BinaryRules.pdbMatches(recorded).status());
    }

    @Test
    void imageNamePdbComesLastAndItsMismatchIsTheFinding(@TempDir Path dir) throws IOException {
        // /pdbaltpath:%_PDB% records only the name: no absolute path leads back to the fixture's own PDB
        NativeFixtures.Built alt = NativeFixtures.build(
                "altpath",
                22,
                NativeFixtures.Arch.ARM64,
                "/hotpatchcompatible",
                "/profile",
                "/incremental:no",
                "/functionpadmin:8",
                "/map",
                "/pdbaltpath:%_PDB%");
        Path dll = Files.copy(alt.dll(), dir.resolve("renamed.dll"));
        Files.copy(NativeFixtures.arm64Plain().pdb(), dir.resolve("renamed.pdb"));
        BinaryEvidence fallback = BinaryEvidence.collect(dll, Optional.empty());
        assertEquals(List.of(dir.resolve("altpath.pdb"), dir.resolve("renamed.pdb")), fallback.pdbSearched());
        assertEquals(Optional.of(dir.resolve("renamed.pdb")), fallback.pdbPath());
        RuleResult mismatch = BinaryRules.pdbMatches(fallback);
        assertEquals(RuleStatus.FAIL, mismatch.status());
        assertTrue(
                mismatch.message().startsWith("the RSDS record asks for 'altpath.pdb'")
                        && mismatch.message().contains("belongs to another link"),
                mismatch.message());
    }

    @Test
    void aPortablePdbIsNamedAsSuchNotAsABrokenMsf(@TempDir Path dir) throws IOException {
        Path portable =
                Files.write(dir.resolve("managed.pdb"), new byte[] {'B', 'S', 'J', 'B', 1, 0, 1, 0, 0, 0, 0, 0});
        Files.write(portable, new byte[64], java.nio.file.StandardOpenOption.APPEND);
        IOException e = assertThrows(IOException.class, () -> PdbFileReader.read(portable));
        assertTrue(e.getMessage().contains("a portable PDB (metadata signature \"BSJB\""), e.getMessage());
        assertFalse(e.getMessage().contains("MSF superblock magic"), e.getMessage());
    }

    @Test
    void sarifMultitoolExeNamesSingleFileHostPdbAndThePortableOneBesideItIsPassedOver() throws IOException {
        Path pkg = NativeFixtures.npmPackage("@microsoft/sarif-multitool-win32", SARIF_MULTITOOL_VERSION);
        Path exe = pkg.resolve("Sarif.Multitool.exe");
        String recorded = PeImageReader.read(exe).codeView().orElseThrow().pdbPath();
        assertTrue(recorded.endsWith("\\singlefilehost.pdb"), recorded);

        Inspector.Result result = new Inspector().inspect(exe, Optional.empty(), Optional.empty());
        SubjectReport subject = result.subjects().get(0);
        RuleResult r = result(subject, "HP-BIN-005");
        assertEquals(RuleStatus.FAIL, r.status());
        assertTrue(r.message().startsWith("no PDB found: the RSDS record asks for '" + recorded + "'"), r.message());
        assertTrue(
                r.message()
                        .contains(
                                pkg.resolve("Sarif.Multitool.pdb") + " is a portable PDB (metadata signature \"BSJB\""),
                r.message());
        assertFalse(r.message().contains("MSF superblock"), r.message());
        // looked for beside the image under the recorded name first, then under the image's own name
        BinaryEvidence evidence = BinaryEvidence.collect(exe, Optional.empty());
        assertEquals(
                List.of(pkg.resolve("singlefilehost.pdb"), pkg.resolve("Sarif.Multitool.pdb")), evidence.pdbSearched());
        assertEquals(null, subject.facts().get("pdb"));
    }
}
