package io.github.hotpatch.verify;

import static io.github.hotpatch.verify.VerifyFixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.cmake.BuildVariant;
import io.github.hotpatch.fileapi.FileApiReply;
import io.github.hotpatch.fileapi.FileApiReplyReader;
import io.github.hotpatch.pe.PeImageReader;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import io.github.hotpatch.profile.VariantState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify goal's work on variant directories CMake configured and Ninja built for real (clang-cl-22 and
 * lld-link-22, ARM64), with the state file hotpatch:configure would have written.
 */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class VariantVerifierTest {

    private static final HotpatchProfile LLD_ARM64 = HotpatchProfile.of(Arch.ARM64, LinkerKind.LLD);
    private static final BuildVariant VARIANT = new BuildVariant("arm64_test", Arch.ARM64, Map.of());

    private static Path built;
    /** Configured and built Release only; each test using it writes the state it needs first. */
    private static Path scratch;

    private final VariantVerifier verifier = new VariantVerifier();

    @BeforeAll
    static void configureAndBuild() throws IOException {
        built = VerifyFixtures.hotpatchProject();
        state(Arch.ARM64, true).write(built);
        scratch = VerifyFixtures.cmakeBuild("scratch", VerifyFixtures.HOTPATCH_RELEASE_FLAGS, null, "Release");
    }

    private static VariantState state(Arch arch, boolean hotpatch) {
        HotpatchProfile profile = HotpatchProfile.of(arch, LinkerKind.LLD);
        return new VariantState(
                VARIANT.name(),
                arch,
                "Ninja Multi-Config",
                LinkerKind.LLD,
                hotpatch,
                hotpatch ? profile.flags() : List.of(),
                hotpatch ? profile.deviation() : java.util.Optional.empty());
    }

    @Test
    void builtVariantHasNoFailure() throws Exception {
        SubjectReport report = verifier.verify(built, VARIANT.name(), "msquic", true);
        assertTrue(report.passed(), report.results().toString());
        assertEquals("arm64_test", report.name());
        assertEquals(SubjectReport.KIND_VARIANT, report.kind());
        assertEquals("ARM64", report.arch());
        assertEquals(
                List.of(
                        "HP-PRJ-001",
                        "HP-PRJ-002",
                        "HP-PRJ-003",
                        "HP-PRJ-004",
                        "HP-BIN-000",
                        "HP-BIN-001",
                        "HP-BIN-002",
                        "HP-BIN-003",
                        "HP-BIN-004",
                        "HP-BIN-005",
                        "HP-BIN-006",
                        "HP-BIN-007",
                        "HP-BIN-008",
                        "HP-BIN-009",
                        "HP-BIN-010"),
                report.results().stream().map(RuleResult::id).toList());

        Path dll = FileApiReplyReader.read(built)
                .target("Release", "msquic")
                .orElseThrow()
                .primaryArtifact()
                .orElseThrow();
        assertEquals(built.resolve("Release/msquic.dll"), dll);
        assertEquals(dll.toString(), result(report, "HP-BIN-000").file());
        assertTrue(PeImageReader.read(dll).hotpatchCompatible());
        for (String id : List.of(
                "HP-PRJ-001",
                "HP-PRJ-003",
                "HP-BIN-000",
                "HP-BIN-001",
                "HP-BIN-002",
                "HP-BIN-003",
                "HP-BIN-004",
                "HP-BIN-005",
                "HP-BIN-006",
                "HP-BIN-008")) {
            assertEquals(
                    RuleStatus.PASS,
                    result(report, id).status(),
                    id + ": " + result(report, id).message());
        }
        // the File API names the PDB, and that is the one matched
        assertEquals(
                built.resolve("Release/msquic.pdb").toString(),
                result(report, "HP-BIN-005").file());
        assertEquals(RuleStatus.DEVIATION, result(report, "HP-PRJ-004").status()); // msquic's /OPT:ICF
        assertEquals(RuleStatus.DEVIATION, result(report, "HP-BIN-009").status()); // lld: map beside the PDB
        assertEquals(RuleStatus.NOT_APPLICABLE, result(report, "HP-BIN-007").status());

        // Debug was built from the same project without the flags
        Path debugDll = built.resolve("Debug/msquic.dll");
        assertFalse(PeImageReader.read(debugDll).hotpatchCompatible());
        RuleResult debug = result(report, "HP-BIN-010");
        assertEquals(RuleStatus.PASS, debug.status(), debug.message());
        assertEquals(debugDll.toString(), debug.file());

        assertEquals(LLD_ARM64.flags(), report.facts().get("flags"));
        assertEquals("Ninja Multi-Config", report.facts().get("generator"));
        @SuppressWarnings("unchecked")
        Map<String, Object> release = (Map<String, Object>) report.facts().get("release");
        assertEquals(dll.toString(), release.get("file"));
        assertEquals(true, release.get("hotpatchCompatible"));
    }

    @Test
    void withoutBinariesOnlyTheProjectRulesRun() throws Exception {
        SubjectReport report = verifier.verify(built, VARIANT.name(), "msquic", false);
        assertEquals(
                List.of("HP-PRJ-001", "HP-PRJ-002", "HP-PRJ-003", "HP-PRJ-004"),
                report.results().stream().map(RuleResult::id).toList());
        assertFalse(report.facts().containsKey("release"));
        assertEquals(false, report.facts().get("binariesChecked"));
        assertTrue(report.passed(), report.results().toString());
        // passing the project rules proves the project, not the DLL
        assertEquals(Verdict.PROJECT_RULES_PASSED, Verdict.of(report));
        assertEquals(Verdict.HOTPATCH_READY, Verdict.of(verifier.verify(built, VARIANT.name(), "msquic", true)));
    }

    @Test
    void missingStateIsNotVerifiable() throws IOException {
        Path leaky = VerifyFixtures.leakyProject();
        assertFalse(Files.exists(leaky.resolve(VariantState.FILE_NAME)));
        VariantVerifier.NotVerifiable e = assertThrows(
                VariantVerifier.NotVerifiable.class, () -> verifier.verify(leaky, VARIANT.name(), "msquic", true));
        assertTrue(e.getMessage().startsWith("[arm64_test] "), e.getMessage());
        assertTrue(
                e.getMessage().contains(VariantState.FILE_NAME)
                        && e.getMessage().contains("configure"),
                e.getMessage());
    }

    @Test
    void missingReplyIsNotVerifiable(@TempDir Path dir) throws IOException {
        state(Arch.ARM64, true).write(dir);
        VariantVerifier.NotVerifiable e = assertThrows(
                VariantVerifier.NotVerifiable.class, () -> verifier.verify(dir, VARIANT.name(), "msquic", true));
        assertTrue(e.getMessage().startsWith("[arm64_test] "), e.getMessage());
        assertTrue(e.getMessage().contains("no CMake File API reply"), e.getMessage());
    }

    @Test
    void hotpatchOffFailsTheProjectRule() throws Exception {
        state(Arch.ARM64, false).write(scratch);
        SubjectReport report = verifier.verify(scratch, VARIANT.name(), "msquic", false);
        assertEquals(1, report.results().size());
        RuleResult r = result(report, "HP-PRJ-001");
        assertEquals(RuleStatus.FAIL, r.status());
        assertTrue(r.message().contains("hotpatch=false"), r.message());
        assertEquals(scratch.resolve(VariantState.FILE_NAME).toString(), r.file());
    }

    @Test
    void stateOfAnotherArchFailsTheMachineRule() throws Exception {
        state(Arch.X64, true).write(scratch);
        SubjectReport report = verifier.verify(scratch, VARIANT.name(), "msquic", true);
        assertEquals("x64", report.arch());
        RuleResult machine = result(report, "HP-BIN-001");
        assertEquals(RuleStatus.FAIL, machine.status());
        assertTrue(
                machine.message().contains("0xAA64") && machine.message().contains("expected x64 (0x8664)"),
                machine.message());
        // the x64 profile's /FUNCTIONPADMIN:6 is not what the ARM64 project links with
        assertTrue(
                result(report, "HP-PRJ-001").message().contains("lacks /FUNCTIONPADMIN:6"),
                result(report, "HP-PRJ-001").message());
    }

    @Test
    void deletedReleaseDllFailsOnlyTheBuiltRule() throws Exception {
        Path dir = VerifyFixtures.cmakeBuild("deleted", VerifyFixtures.HOTPATCH_RELEASE_FLAGS, null, "Release");
        Path dll = dir.resolve("Release/msquic.dll");
        assertTrue(Files.isRegularFile(dll));
        Files.delete(dll);
        state(Arch.ARM64, true).write(dir);
        SubjectReport report = verifier.verify(dir, VARIANT.name(), "msquic", true);
        RuleResult builtRule = result(report, "HP-BIN-000");
        assertEquals(RuleStatus.FAIL, builtRule.status());
        assertTrue(builtRule.message().contains(dll + " does not exist"), builtRule.message());
        assertEquals(
                FileApiReplyReader.read(dir)
                        .target("Release", "msquic")
                        .orElseThrow()
                        .jsonFile()
                        .toString(),
                builtRule.file());
        assertEquals(
                List.of("HP-BIN-000"),
                report.results().stream()
                        .map(RuleResult::id)
                        .filter(id -> id.startsWith("HP-BIN-"))
                        .toList());
        // the project rules still ran and pass
        assertEquals(RuleStatus.PASS, result(report, "HP-PRJ-001").status());

        // a Release "DLL" that is no PE image is reported, not thrown
        Files.writeString(dll, "not a PE image");
        SubjectReport garbage = verifier.verify(dir, VARIANT.name(), "msquic", true);
        assertEquals(RuleStatus.PASS, result(garbage, "HP-BIN-000").status());
        RuleResult unreadable = result(garbage, "HP-BIN-001");
        assertEquals(RuleStatus.FAIL, unreadable.status());
        assertTrue(
                unreadable.message().startsWith("cannot read the Release binary: ")
                        && unreadable.message().contains("MZ"),
                unreadable.message());
        assertEquals(RuleStatus.NOT_APPLICABLE, result(garbage, "HP-BIN-010").status()); // Debug was not built
    }

    @Test
    void aFailedVcxprojSearchIsAnErrorNamingTheDirectoryNotNoVcxproj() throws Exception {
        // As root every directory is readable, so the search's own failure is what the test hands in: the
        // AccessDeniedException Files.walk throws for an unreadable subdirectory of the variant.
        Path denied = built.resolve("src/bin");
        VariantVerifier failing = new VariantVerifier((dir, target) -> {
            throw new java.nio.file.AccessDeniedException(denied.toString());
        });
        SubjectReport report = failing.verify(built, VARIANT.name(), "msquic", false);
        for (String id : List.of("HP-PRJ-002", "HP-PRJ-003")) {
            RuleResult r = result(report, id);
            assertEquals(RuleStatus.FAIL, r.status(), id + ": " + r.message());
            assertEquals("cannot search " + built + " for msquic.vcxproj: " + denied, r.message());
            assertEquals(built.toString(), r.file());
        }
        // the search that finds nothing is still "no vcxproj"
        assertEquals(
                RuleStatus.NOT_APPLICABLE,
                result(verifier.verify(built, VARIANT.name(), "msquic", false), "HP-PRJ-002")
                        .status());
    }

    @Test
    void msquicCiProfileInEveryConfigurationIsTheProjectsOwnDeviation() throws Exception {
        // msquic with QUIC_CI=ON: /PROFILE in the msquic target's LINK_FLAGS for every configuration
        Path dir = VerifyFixtures.msquicCiProject();
        state(Arch.ARM64, true).write(dir);
        FileApiReply reply = FileApiReplyReader.read(dir);
        for (String config : List.of("Debug", "RelWithDebInfo", "Release")) {
            assertTrue(
                    reply.target(config, "msquic").orElseThrow().hasLinkFlag("/PROFILE"),
                    config + ": " + reply.target(config, "msquic").orElseThrow().linkFlags());
        }
        SubjectReport report = verifier.verify(dir, VARIANT.name(), "msquic", true);
        RuleResult r = result(report, "HP-PRJ-003");
        assertEquals(RuleStatus.DEVIATION, r.status(), r.message());
        assertTrue(
                r.message().contains("/PROFILE in Debug (target-msquic-Debug-")
                        && r.message().contains("/PROFILE in RelWithDebInfo (target-msquic-RelWithDebInfo-"),
                r.message());
        assertTrue(
                r.message()
                        .contains("from the target's own LINK_FLAGS (every configuration has it, after the"
                                + " per-configuration flags)"),
                r.message());
        assertTrue(
                r.message().contains("/functionpadmin:8 in Debug (target-msquic-Debug-")
                        && r.message()
                                .contains("from the target's own link options (target_link_options or LINK_OPTIONS"),
                r.message());
        // nothing fails: the Debug binary was linked with /PROFILE but without /hotpatchcompatible
        assertTrue(report.passed(), report.results().toString());
        RuleResult debug = result(report, "HP-BIN-010");
        assertEquals(RuleStatus.PASS, debug.status(), debug.message());
        assertEquals(Verdict.HOTPATCH_READY, Verdict.of(report));
    }

    @Test
    void hotpatchCompatibleInDebugStaysAFailWhoeverSetIt() throws Exception {
        Path dir = VerifyFixtures.cmakeBuild(
                "debug-hotpatchcompatible",
                VerifyFixtures.HOTPATCH_RELEASE_FLAGS,
                "/debug /INCREMENTAL:NO /hotpatchcompatible /functionpadmin:8",
                "Release",
                "Debug");
        state(Arch.ARM64, true).write(dir);
        SubjectReport report = verifier.verify(dir, VARIANT.name(), "msquic", true);
        RuleResult r = result(report, "HP-PRJ-003");
        assertEquals(RuleStatus.FAIL, r.status(), r.message());
        assertTrue(
                r.message().contains("/hotpatchcompatible in Debug (target-msquic-Debug-")
                        && r.message().contains("it makes the Debug image hotpatch-compatible"),
                r.message());
        // and the binary-level proof agrees: the Debug DLL carries the bit
        assertEquals(RuleStatus.FAIL, result(report, "HP-BIN-010").status());
    }
}
