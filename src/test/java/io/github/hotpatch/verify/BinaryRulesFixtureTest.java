package io.github.hotpatch.verify;

import static io.github.hotpatch.verify.VerifyFixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.pdb.PdbFile;
import io.github.hotpatch.pdb.PdbFileReader;
import io.github.hotpatch.pe.DebugEntry;
import io.github.hotpatch.pe.DebugType;
import io.github.hotpatch.pe.PeImage;
import io.github.hotpatch.pe.PeImageReader;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import io.github.hotpatch.report.JsonReport;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
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

/**
 * The binary rules on DLLs and PDBs that clang-cl/lld-link really wrote (and one MSVC-linked ARM64 image from npm):
 * each verdict is checked against what the readers see in the same files, and each damaged case is a copy of a
 * fixture with one file added, removed, replaced or cut.
 */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class BinaryRulesFixtureTest {

    private static final HotpatchProfile LLD_ARM64 = HotpatchProfile.of(Arch.ARM64, LinkerKind.LLD);

    private static NativeFixtures.Built hotpatch;
    private static NativeFixtures.Built plain;
    private static NativeFixtures.Built x64;
    private static NativeFixtures.Built lld19;

    @BeforeAll
    static void fixtures() throws IOException {
        hotpatch = NativeFixtures.arm64Hotpatch();
        plain = NativeFixtures.arm64Plain();
        x64 = NativeFixtures.x64Hotpatch();
        lld19 = NativeFixtures.arm64Lld19Profile();
    }

    private static List<RuleResult> check(Path dll, Optional<Path> pdb, Arch arch, HotpatchProfile profile)
            throws IOException {
        BinaryEvidence evidence = BinaryEvidence.collect(dll, pdb);
        return BinaryRules.check(
                evidence, Optional.of(arch), profile, LinkerIdentity.of(evidence.image(), evidence.pdb()));
    }

    private static void assertStatus(RuleStatus expected, List<RuleResult> results, String ruleId) {
        RuleResult r = result(results, ruleId);
        assertEquals(expected, r.status(), ruleId + ": " + r.message());
    }

    @Test
    void hotpatchFixtureMeetsTheLldArm64Profile() throws IOException {
        List<RuleResult> results = check(hotpatch.dll(), Optional.empty(), Arch.ARM64, LLD_ARM64);
        assertEquals(
                List.of(
                        "HP-BIN-001",
                        "HP-BIN-002",
                        "HP-BIN-003",
                        "HP-BIN-004",
                        "HP-BIN-005",
                        "HP-BIN-006",
                        "HP-BIN-007",
                        "HP-BIN-008",
                        "HP-BIN-009"),
                results.stream().map(RuleResult::id).toList());
        for (String id : List.of(
                "HP-BIN-001", "HP-BIN-002", "HP-BIN-003", "HP-BIN-004", "HP-BIN-005", "HP-BIN-006", "HP-BIN-008")) {
            assertStatus(RuleStatus.PASS, results, id);
        }
        // lld writes no FIXUP data for /PROFILE: neither a PE FIXUP entry nor a stream in the optional debug header
        PeImage image = PeImageReader.read(hotpatch.dll());
        PdbFile pdb = PdbFileReader.read(hotpatch.pdb());
        assertFalse(image.hasDebugEntry(DebugType.FIXUP));
        assertFalse(pdb.hasFixupStream());
        assertStatus(RuleStatus.NOT_APPLICABLE, results, "HP-BIN-007");
        assertTrue(
                result(results, "HP-BIN-007").message().contains("LLVM Linker"),
                result(results, "HP-BIN-007").message());
        // the fixture links with /map, so the map lies beside the PDB: a documented substitute, never a PASS
        assertTrue(Files.isRegularFile(hotpatch.map()));
        RuleResult map = result(results, "HP-BIN-009");
        assertEquals(RuleStatus.DEVIATION, map.status(), map.message());
        assertEquals(hotpatch.map().toString(), map.file());
    }

    @Test
    void messagesNameTheEvidenceRead() throws IOException {
        List<RuleResult> results = check(hotpatch.dll(), Optional.empty(), Arch.ARM64, LLD_ARM64);
        PeImage image = PeImageReader.read(hotpatch.dll());
        PdbFile pdb = PdbFileReader.read(hotpatch.pdb());

        String machine = result(results, "HP-BIN-001").message();
        assertTrue(
                machine.contains("offset 0x" + Long.toHexString(image.eLfanew() + 4)) && machine.contains("0xAA64"),
                machine);

        DebugEntry ex = image.debugEntries(DebugType.EX_DLLCHARACTERISTICS).get(0);
        String bit = result(results, "HP-BIN-002").message();
        assertTrue(bit.contains("EX_DLLCHARACTERISTICS"), bit);
        assertTrue(bit.contains("offset 0x" + Long.toHexString(ex.fileOffset())), bit);
        assertTrue(
                bit.contains(
                        "= 0x" + Integer.toHexString(ex.exDllCharacteristics().getAsInt())),
                bit);
        assertEquals(hotpatch.dll().toString(), result(results, "HP-BIN-002").file());

        String relocs = result(results, "HP-BIN-003").message();
        assertTrue(
                relocs.contains("data directory #5")
                        && relocs.contains(
                                "size " + image.relocations().directory().size()),
                relocs);

        String cv = result(results, "HP-BIN-004").message();
        assertTrue(cv.contains(image.codeView().orElseThrow().guidString()), cv);

        String match = result(results, "HP-BIN-005").message();
        assertTrue(
                match.contains(" info stream GUID " + pdb.guid().formatted())
                        && match.contains("age " + pdb.age())
                        && match.contains("the RSDS record asks for '"
                                + image.codeView().orElseThrow().pdbPath() + "'"),
                match);
        assertEquals(hotpatch.pdb().toString(), result(results, "HP-BIN-005").file());

        String incremental = result(results, "HP-BIN-006").message();
        assertTrue(
                incremental.contains("DBI header Flags")
                        && incremental.contains(
                                "0x" + Integer.toHexString(pdb.dbi().flags())),
                incremental);

        String cmd = result(results, "HP-BIN-008").message();
        assertTrue(cmd.contains("S_ENVBLOCK") && cmd.contains("/hotpatchcompatible"), cmd);
        // the flags the rule claims are really in the command line lld recorded
        List<String> tokens = LinkerFlags.tokens(pdb.linkerCommandLine().orElseThrow());
        LLD_ARM64.flags().forEach(f -> assertTrue(LinkerFlags.find(tokens, f).isPresent(), f + " in " + tokens));
    }

    @Test
    void deletedMapFileFailsTheMapRule(@TempDir Path dir) throws IOException {
        Path dll = VerifyFixtures.copy(hotpatch, dir, false);
        List<RuleResult> results = check(dll, Optional.empty(), Arch.ARM64, LLD_ARM64);
        RuleResult map = result(results, "HP-BIN-009");
        assertEquals(RuleStatus.FAIL, map.status(), map.message());
        assertTrue(map.message().contains("hotpatch.map") && map.message().contains(dir.toString()), map.message());
        // everything else is unchanged: the copy's PDB beside it is the one read
        assertStatus(RuleStatus.PASS, results, "HP-BIN-005");
        assertEquals(
                dir.resolve("hotpatch.pdb").toString(),
                result(results, "HP-BIN-005").file());
        assertTrue(Files.isRegularFile(hotpatch.map()), "the shared fixture keeps its map");
    }

    @Test
    void plainFixtureFailsTheHotpatchBitAndNamesTheMissingFlags() throws IOException {
        List<RuleResult> results = check(plain.dll(), Optional.empty(), Arch.ARM64, LLD_ARM64);
        assertFalse(PeImageReader.read(plain.dll()).hasDebugEntry(DebugType.EX_DLLCHARACTERISTICS));
        RuleResult bit = result(results, "HP-BIN-002");
        assertEquals(RuleStatus.FAIL, bit.status());
        assertTrue(
                bit.message().contains("no EX_DLLCHARACTERISTICS (type 20)")
                        && bit.message().contains("CODEVIEW"),
                bit.message());
        RuleResult cmd = result(results, "HP-BIN-008");
        assertEquals(RuleStatus.FAIL, cmd.status());
        assertTrue(
                cmd.message().contains("lacks /hotpatchcompatible /profile /incremental:no /functionpadmin:8 /map"),
                cmd.message());
        // the plain link is otherwise sound
        assertStatus(RuleStatus.PASS, results, "HP-BIN-001");
        assertStatus(RuleStatus.PASS, results, "HP-BIN-005");
    }

    @Test
    void x64ImageCheckedAsArm64FailsTheMachineRule() throws IOException {
        List<RuleResult> results = check(x64.dll(), Optional.empty(), Arch.ARM64, LLD_ARM64);
        RuleResult machine = result(results, "HP-BIN-001");
        assertEquals(RuleStatus.FAIL, machine.status());
        assertEquals(0x8664, PeImageReader.read(x64.dll()).machine().code());
        assertTrue(
                machine.message().contains("0x8664") && machine.message().contains("expected ARM64 (0xAA64)"),
                machine.message());
        // and passes as the arch it is
        assertStatus(
                RuleStatus.PASS,
                check(x64.dll(), Optional.empty(), Arch.X64, HotpatchProfile.of(Arch.X64, LinkerKind.LLD)),
                "HP-BIN-001");
    }

    @Test
    void pdbOfAnotherLinkDoesNotMatch(@TempDir Path dir) throws IOException {
        Path dll = VerifyFixtures.copy(hotpatch, dir, true);
        Files.copy(plain.pdb(), dir.resolve("hotpatch.pdb"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PdbFile other = PdbFileReader.read(dir.resolve("hotpatch.pdb"));
        assertFalse(Arrays.equals(
                other.guid().bytes(),
                PeImageReader.read(dll).codeView().orElseThrow().guid()));

        RuleResult match = result(check(dll, Optional.empty(), Arch.ARM64, LLD_ARM64), "HP-BIN-005");
        assertEquals(RuleStatus.FAIL, match.status());
        assertTrue(match.message().contains("belongs to another link"), match.message());
        assertTrue(match.message().contains(other.guid().formatted()), match.message());
    }

    @Test
    void explicitPdbIsTheOneChecked() throws IOException {
        BinaryEvidence evidence = BinaryEvidence.collect(hotpatch.dll(), Optional.of(plain.pdb()));
        assertEquals(Optional.of(plain.pdb()), evidence.pdbPath());
        assertEquals(List.of(plain.pdb()), evidence.pdbSearched());
        assertEquals(RuleStatus.FAIL, BinaryRules.pdbMatches(evidence).status());
    }

    @Test
    void missingPdbFailsEveryPdbRule(@TempDir Path dir) throws IOException {
        // /pdbaltpath:%_PDB% records only the PDB's name, so no absolute path leads back to the fixture's PDB
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
        assertEquals(
                "altpath.pdb",
                PeImageReader.read(alt.dll()).codeView().orElseThrow().pdbPath());
        Path dll = Files.copy(alt.dll(), dir.resolve("altpath.dll"));

        BinaryEvidence evidence = BinaryEvidence.collect(dll, Optional.empty());
        assertEquals(Optional.empty(), evidence.pdbPath());
        assertTrue(
                evidence.pdbSearched().stream().allMatch(Path::isAbsolute),
                "a relative RSDS path must not be looked up in the working directory: " + evidence.pdbSearched());
        List<RuleResult> results = BinaryRules.check(
                evidence, Optional.of(Arch.ARM64), LLD_ARM64, LinkerIdentity.of(evidence.image(), evidence.pdb()));
        for (String id : List.of("HP-BIN-005", "HP-BIN-006", "HP-BIN-008")) {
            RuleResult r = result(results, id);
            assertEquals(RuleStatus.FAIL, r.status(), id);
            assertTrue(r.message().contains("no PDB"), id + ": " + r.message());
        }
        assertTrue(result(results, "HP-BIN-005")
                .message()
                .contains(dir.resolve("altpath.pdb").toString()));
        // the image's own evidence is still read
        assertStatus(RuleStatus.PASS, results, "HP-BIN-002");
        assertStatus(RuleStatus.PASS, results, "HP-BIN-004");
    }

    @Test
    void truncatedPdbIsReportedNotThrown(@TempDir Path dir) throws IOException {
        Path dll = VerifyFixtures.copy(hotpatch, dir, true);
        Path pdb = dir.resolve("hotpatch.pdb");
        byte[] bytes = Files.readAllBytes(pdb);
        Files.write(pdb, Arrays.copyOf(bytes, bytes.length / 2));
        IOException reader = assertThrows(IOException.class, () -> PdbFileReader.read(pdb));

        BinaryEvidence evidence = BinaryEvidence.collect(dll, Optional.empty());
        assertEquals(Optional.of(pdb), evidence.pdbPath());
        assertEquals(Optional.of(reader.getMessage()), evidence.pdbError());
        List<RuleResult> results = BinaryRules.check(
                evidence, Optional.of(Arch.ARM64), LLD_ARM64, LinkerIdentity.of(evidence.image(), evidence.pdb()));
        RuleResult match = result(results, "HP-BIN-005");
        assertEquals(RuleStatus.FAIL, match.status());
        assertTrue(
                match.message().contains("PDB unreadable") && match.message().contains(reader.getMessage()),
                match.message());
        assertEquals(pdb.toString(), match.file());
        assertStatus(RuleStatus.FAIL, results, "HP-BIN-006");
        assertStatus(RuleStatus.FAIL, results, "HP-BIN-008");

        @SuppressWarnings("unchecked")
        Map<String, Object> pdbFacts = (Map<String, Object>)
                BinaryInspection.inspect("hotpatch.dll", evidence, Optional.of(Arch.ARM64), Optional.of(LLD_ARM64))
                        .facts()
                        .get("pdb");
        assertEquals(reader.getMessage(), pdbFacts.get("error"));
        assertEquals(false, pdbFacts.get("matches"));
    }

    @Test
    void ilkBesideThePdbFailsTheIncrementalRule(@TempDir Path dir) throws IOException {
        Path dll = VerifyFixtures.copy(hotpatch, dir, true);
        assertStatus(RuleStatus.PASS, check(dll, Optional.empty(), Arch.ARM64, LLD_ARM64), "HP-BIN-006");
        Files.write(dir.resolve("hotpatch.ilk"), new byte[16]);
        RuleResult r = result(check(dll, Optional.empty(), Arch.ARM64, LLD_ARM64), "HP-BIN-006");
        assertEquals(RuleStatus.FAIL, r.status());
        assertTrue(
                r.message().contains("hotpatch.ilk exists") && r.message().contains("WasIncrementallyLinked clear"),
                r.message());
    }

    @Test
    void msvcLinkedNpmBinaryIsNotReady() throws IOException {
        Path node = NativeFixtures.msvcArm64Node();
        BinaryEvidence evidence = BinaryEvidence.collect(node, Optional.empty());
        SubjectReport report =
                BinaryInspection.inspect(node.getFileName().toString(), evidence, Optional.empty(), Optional.empty());
        PeImage image = evidence.image();

        assertEquals(JsonReport.VERDICT_NOT_READY, JsonReport.verdict(report));
        assertEquals("ARM64", report.arch());
        assertEquals(0xAA64, image.machine().code());
        assertStatus(RuleStatus.PASS, report.results(), "HP-BIN-001");
        @SuppressWarnings("unchecked")
        Map<String, Object> linker = (Map<String, Object>) report.facts().get("linker");
        assertEquals("MSVC", linker.get("kind"));
        assertTrue(((String) linker.get("version")).startsWith("14."), linker.toString());
        assertTrue(((String) linker.get("version")).startsWith(image.linkerVersion() + "."), linker.toString());
        // the profile chosen is link.exe's ARM64 one: /pdbinject:mapfile, no map file beside the PDB
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) report.facts().get("profile");
        assertEquals("MSVC", profile.get("linker"));
        assertEquals(HotpatchProfile.of(Arch.ARM64, LinkerKind.MSVC).flags(), profile.get("flags"));
        assertStatus(RuleStatus.NOT_APPLICABLE, report.results(), "HP-BIN-009");

        RuleResult bit = result(report, "HP-BIN-002");
        assertEquals(RuleStatus.FAIL, bit.status());
        assertFalse(image.hasDebugEntry(DebugType.EX_DLLCHARACTERISTICS));
        assertTrue(bit.message().contains("EX_DLLCHARACTERISTICS"), bit.message());
        // no PDB is shipped: the PDB rules fail, and only absolute paths were looked at
        assertEquals(Optional.empty(), evidence.pdbPath());
        assertTrue(
                evidence.pdbSearched().stream().allMatch(Path::isAbsolute),
                evidence.pdbSearched().toString());
        assertStatus(RuleStatus.FAIL, report.results(), "HP-BIN-005");
        assertStatus(RuleStatus.FAIL, report.results(), "HP-BIN-007");
    }

    @Test
    void lld19LinkHasNoHotpatchBit() throws IOException {
        List<RuleResult> results = check(lld19.dll(), Optional.empty(), Arch.ARM64, LLD_ARM64);
        assertStatus(RuleStatus.FAIL, results, "HP-BIN-002");
        RuleResult cmd = result(results, "HP-BIN-008");
        assertEquals(RuleStatus.FAIL, cmd.status());
        assertTrue(cmd.message().contains("lacks /hotpatchcompatible"), cmd.message());
        // /profile and /incremental:no were given and are recorded, so they are not named as missing
        assertFalse(cmd.message().contains("/profile"), cmd.message());
        assertStatus(RuleStatus.PASS, results, "HP-BIN-003");
    }

    @Test
    void inspectChoosesTheProfileFromTheImage() throws IOException {
        SubjectReport armReport = BinaryInspection.inspect(
                "hotpatch.dll",
                BinaryEvidence.collect(hotpatch.dll(), Optional.empty()),
                Optional.empty(),
                Optional.empty());
        assertTrue(armReport.passed(), armReport.results().toString());
        assertEquals(JsonReport.VERDICT_READY, JsonReport.verdict(armReport));
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) armReport.facts().get("profile");
        assertEquals(LLD_ARM64.flags(), profile.get("flags"));
        assertEquals(LLD_ARM64.deviation().orElseThrow(), profile.get("deviation"));
        assertEquals(true, armReport.facts().get("hotpatchCompatible"));

        SubjectReport x64Report = BinaryInspection.inspect(
                "hotpatch.dll",
                BinaryEvidence.collect(x64.dll(), Optional.empty()),
                Optional.empty(),
                Optional.empty());
        assertEquals("x64", x64Report.arch());
        @SuppressWarnings("unchecked")
        Map<String, Object> x64Profile = (Map<String, Object>) x64Report.facts().get("profile");
        assertEquals(HotpatchProfile.of(Arch.X64, LinkerKind.LLD).flags(), x64Profile.get("flags"));
        assertNotEquals(LLD_ARM64.flags(), x64Profile.get("flags"));
        assertTrue(x64Report.passed(), x64Report.results().toString());
    }

    @Test
    void eachBinaryResultIsLocatedAtTheStructureItsMessageNames() throws IOException {
        BinaryEvidence evidence = BinaryEvidence.collect(hotpatch.dll(), Optional.empty());
        PeImage image = evidence.image();
        List<RuleResult> results = BinaryRules.check(
                evidence, Optional.of(Arch.ARM64), LLD_ARM64, LinkerIdentity.of(image, evidence.pdb()));
        RuleResult machine = result(results, "HP-BIN-001");
        assertEquals(new EvidenceRegion(image.eLfanew() + 4, 2), machine.region());
        assertTrue(machine.message().contains("offset 0x" + Long.toHexString(image.eLfanew() + 4)), machine.message());
        DebugEntry ex = image.debugEntries(DebugType.EX_DLLCHARACTERISTICS).get(0);
        RuleResult bit = result(results, "HP-BIN-002");
        assertEquals(new EvidenceRegion(ex.pointerToRawData(), 4), bit.region());
        assertTrue(bit.message().contains("data at 0x" + Long.toHexString(ex.pointerToRawData())), bit.message());
        DebugEntry cv = image.debugEntries(DebugType.CODEVIEW).get(0);
        RuleResult codeView = result(results, "HP-BIN-004");
        assertEquals(new EvidenceRegion(cv.fileOffset(), DebugEntry.SIZE), codeView.region());
        assertTrue(codeView.message().contains("offset 0x" + Long.toHexString(cv.fileOffset())), codeView.message());
        // PE32+: data directory #5 at optional header + 152 (FACTS §2)
        RuleResult relocs = result(results, "HP-BIN-003");
        assertEquals(new EvidenceRegion(image.eLfanew() + 24 + 152, 8), relocs.region());
        assertTrue(
                relocs.message().contains("at offset 0x" + Long.toHexString(image.eLfanew() + 24 + 152)),
                relocs.message());
        // PDB evidence is read from streams scattered over blocks: the region is the whole PDB
        RuleResult pdb = result(results, "HP-BIN-006");
        assertEquals(new EvidenceRegion(0, Files.size(hotpatch.pdb())), pdb.region());
    }
}
