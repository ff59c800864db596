package io.github.hotpatch.verify;

import static io.github.hotpatch.verify.VerifyFixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.fileapi.FileApiReply;
import io.github.hotpatch.fileapi.FileApiReplyReader;
import io.github.hotpatch.fileapi.FileApiTarget;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project rules on File API replies CMake 3.25 really wrote (Ninja Multi-Config, clang-cl-22 ARM64 toolchain)
 * and on the vcxproj fixtures shaped like CMake's Visual Studio generator output.
 */
@EnabledOnOs(
        value = OS.LINUX,
        disabledReason =
                "builds or reads its fixtures with Debian's LLVM cross tools (clang-cl, lld-link, llvm-readobj, llvm-pdbutil)")
class ProjectRulesTest {

    private static final HotpatchProfile LLD_ARM64 = HotpatchProfile.of(Arch.ARM64, LinkerKind.LLD);
    private static final HotpatchProfile MSVC_ARM64 = HotpatchProfile.of(Arch.ARM64, LinkerKind.MSVC);

    private static FileApiReply hotpatch;
    private static FileApiReply leaky;

    @BeforeAll
    static void configure() throws IOException {
        hotpatch = FileApiReplyReader.read(VerifyFixtures.hotpatchProject());
        leaky = FileApiReplyReader.read(VerifyFixtures.leakyProject());
    }

    private static List<RuleResult> check(FileApiReply reply, HotpatchProfile profile, Optional<Path> vcxproj) {
        return ProjectRules.check(reply, "msquic", profile, vcxproj);
    }

    private static Path vcxprojFixture(String name) {
        try {
            return Path.of(
                    ProjectRulesTest.class.getResource("/vcxproj/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a vcxproj fixture with {@code from} (which must occur exactly once) replaced by {@code to}. */
    private static Path edited(Path dir, String fixture, String from, String to) throws IOException {
        String text = Files.readString(vcxprojFixture(fixture), StandardCharsets.UTF_8);
        int at = text.indexOf(from);
        assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, "'" + from + "' once in " + fixture);
        return Files.writeString(dir.resolve("msquic.vcxproj"), text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void rulesInOrder() {
        assertEquals(
                List.of("HP-PRJ-001", "HP-PRJ-002", "HP-PRJ-003", "HP-PRJ-004"),
                check(hotpatch, LLD_ARM64, Optional.empty()).stream()
                        .map(RuleResult::id)
                        .toList());
    }

    @Test
    void releaseFlagsCarryTheLldArm64Profile() {
        FileApiTarget release = hotpatch.target("Release", "msquic").orElseThrow();
        assertTrue(release.linkFlags().endsWith(VerifyFixtures.HOTPATCH_RELEASE_FLAGS), release.linkFlags());
        RuleResult r = result(check(hotpatch, LLD_ARM64, Optional.empty()), "HP-PRJ-001");
        assertEquals(RuleStatus.PASS, r.status(), r.message());
        assertTrue(
                r.message().contains("link.commandFragments") && r.message().contains(release.linkFlags()),
                r.message());
        assertEquals(release.jsonFile().toString(), r.file());
        assertTrue(r.file().contains("target-msquic-Release-"), r.file());
        // switches compare as the linker reads them: '-' or '/', any case
        RuleResult dashed = result(
                check(
                        hotpatch,
                        LLD_ARM64.withFlags(List.of("-HOTPATCHCOMPATIBLE", "-profile", "-incremental:no")),
                        Optional.empty()),
                "HP-PRJ-001");
        assertEquals(RuleStatus.PASS, dashed.status(), dashed.message());
    }

    @Test
    void aProfileFlagMissingFromReleaseFails() {
        List<String> flags = new ArrayList<>(LLD_ARM64.flags());
        flags.add("/pdbinject:mapfile");
        RuleResult r = result(check(hotpatch, LLD_ARM64.withFlags(flags), Optional.empty()), "HP-PRJ-001");
        assertEquals(RuleStatus.FAIL, r.status());
        assertTrue(r.message().endsWith("lacks /pdbinject:mapfile"), r.message());
        // MSVC's ARM64 profile lacks the lld-only flags too: only what is really missing is named
        RuleResult msvc = result(check(hotpatch, MSVC_ARM64, Optional.empty()), "HP-PRJ-001");
        assertEquals(RuleStatus.FAIL, msvc.status());
        assertTrue(msvc.message().endsWith("lacks /pdbinject:mapfile"), msvc.message());
    }

    @Test
    void anUnknownTargetFailsNamingTheConfigurations() {
        List<RuleResult> results = ProjectRules.check(hotpatch, "nope", LLD_ARM64, Optional.empty());
        RuleResult r = result(results, "HP-PRJ-001");
        assertEquals(RuleStatus.FAIL, r.status());
        assertTrue(
                r.message().contains("'nope'")
                        && r.message().contains(hotpatch.configurationNames().toString()),
                r.message());
        assertEquals(hotpatch.indexFile().toString(), r.file());
        assertEquals(RuleStatus.NOT_APPLICABLE, result(results, "HP-PRJ-003").status());
        assertEquals(RuleStatus.NOT_APPLICABLE, result(results, "HP-PRJ-004").status());
    }

    @Test
    void otherConfigurationsCarryNoHotpatchFlag() {
        FileApiTarget debug = hotpatch.target("Debug", "msquic").orElseThrow();
        assertFalse(debug.hasLinkFlag("/hotpatchcompatible") || debug.hasLinkFlag("/profile"), debug.linkFlags());
        RuleResult r = result(check(hotpatch, LLD_ARM64, Optional.empty()), "HP-PRJ-003");
        assertEquals(RuleStatus.PASS, r.status(), r.message());
        assertTrue(r.message().contains("[Debug, RelWithDebInfo]"), r.message());
        // /incremental:no is in every configuration's defaults, so it is not what marks a leak
        assertFalse(r.message().contains("/incremental:no"), r.message());
    }

    @Test
    void aHotpatchFlagInDebugFails() {
        FileApiTarget debug = leaky.target("Debug", "msquic").orElseThrow();
        assertTrue(debug.linkFlags().endsWith(VerifyFixtures.LEAKY_DEBUG_FLAGS), debug.linkFlags());
        RuleResult r = result(check(leaky, LLD_ARM64, Optional.empty()), "HP-PRJ-003");
        assertEquals(RuleStatus.FAIL, r.status());
        assertTrue(r.message().contains("/hotpatchcompatible in Debug (target-msquic-Debug-"), r.message());
        // link.exe and lld-link take '-PROFILE' as /profile; without /hotpatchcompatible it would be a deviation,
        // and it is named with its origin (set here through -DCMAKE_SHARED_LINKER_FLAGS_DEBUG)
        assertTrue(
                r.message().contains("-PROFILE in Debug (target-msquic-Debug-")
                        && r.message()
                                .contains("from CMAKE_SHARED_LINKER_FLAGS_DEBUG or the target's LINK_FLAGS_DEBUG"),
                r.message());
        assertFalse(r.message().contains("/map in"), r.message());
        assertFalse(r.message().contains("RelWithDebInfo"), r.message());
    }

    @Test
    void optIcfIsAConflictWarning() {
        RuleResult r = result(check(hotpatch, LLD_ARM64, Optional.empty()), "HP-PRJ-004");
        assertEquals(RuleStatus.DEVIATION, r.status(), r.message());
        assertTrue(r.message().contains("/OPT:ICF") && r.message().contains("/OPT:NOICF"), r.message());
        assertFalse(r.status().isViolation());
        // the warning is about /PROFILE's /OPT:NOICF: without /profile in the profile there is nothing to conflict with
        RuleResult noProfile = result(
                check(
                        hotpatch,
                        LLD_ARM64.withFlags(List.of("/hotpatchcompatible", "/incremental:no")),
                        Optional.empty()),
                "HP-PRJ-004");
        assertEquals(RuleStatus.PASS, noProfile.status(), noProfile.message());
    }

    @Test
    void aBareIncrementalLastFails() {
        List<RuleResult> results = check(leaky, LLD_ARM64, Optional.empty());
        // every profile flag is there, so only the conflict rule sees that the last /INCREMENTAL wins
        assertEquals(RuleStatus.PASS, result(results, "HP-PRJ-001").status());
        RuleResult r = result(results, "HP-PRJ-004");
        assertEquals(RuleStatus.FAIL, r.status());
        assertTrue(r.message().contains("last /INCREMENTAL switch is /INCREMENTAL:"), r.message());
        assertEquals(leaky.target("Release", "msquic").orElseThrow().jsonFile().toString(), r.file());
    }

    @Test
    void vcxprojWithoutAVisualStudioGeneratorIsNotApplicable() {
        assertEquals(
                RuleStatus.NOT_APPLICABLE,
                result(check(hotpatch, LLD_ARM64, Optional.empty()), "HP-PRJ-002")
                        .status());
    }

    @Test
    void vcxprojCarriesTheMsvcArm64ProfileInEitherSpelling() {
        RuleResult lower = result(
                check(hotpatch, MSVC_ARM64, Optional.of(vcxprojFixture("msquic-arm64-lowercase.vcxproj"))),
                "HP-PRJ-002");
        assertEquals(RuleStatus.PASS, lower.status(), lower.message());
        assertTrue(
                lower.message().contains("<AdditionalOptions> has '/profile'")
                        && lower.message().contains("<AdditionalOptions> has '/pdbinject:mapfile'"),
                lower.message());

        RuleResult upper = result(
                check(hotpatch, MSVC_ARM64, Optional.of(vcxprojFixture("msquic-arm64-uppercase.vcxproj"))),
                "HP-PRJ-002");
        assertEquals(RuleStatus.PASS, upper.status(), upper.message());
        assertTrue(
                upper.message().contains("<Profile>true</Profile>")
                        && upper.message().contains("<LinkIncremental>false</LinkIncremental>"),
                upper.message());
        assertTrue(upper.file().endsWith("msquic-arm64-uppercase.vcxproj"), upper.file());
    }

    @Test
    void vcxprojLackingAFlagFails(@TempDir Path dir) throws IOException {
        Path vcxproj = edited(
                dir,
                "msquic-arm64-lowercase.vcxproj",
                "/incremental:no /pdbinject:mapfile /IGNORE:4075",
                "/incremental:no /IGNORE:4075");
        RuleResult r = result(check(hotpatch, MSVC_ARM64, Optional.of(vcxproj)), "HP-PRJ-002");
        assertEquals(RuleStatus.FAIL, r.status());
        assertTrue(r.message().contains("/pdbinject:mapfile not in effect"), r.message());
        assertEquals(
                1,
                r.message().split("not in effect", -1).length - 1,
                "only the missing flag is reported: " + r.message());
        assertEquals(vcxproj.toString(), r.file());
    }

    @Test
    void vcxprojOfAnotherPlatformFails() {
        RuleResult r =
                result(check(hotpatch, MSVC_ARM64, Optional.of(vcxprojFixture("msquic-x64.vcxproj"))), "HP-PRJ-002");
        assertEquals(RuleStatus.FAIL, r.status());
        assertTrue(r.message().contains("expected configuration Release|ARM64"), r.message());
        // and the x64 fixture carries the x64 profile
        HotpatchProfile msvcX64 = HotpatchProfile.of(Arch.X64, LinkerKind.MSVC);
        RuleResult x64 =
                result(check(hotpatch, msvcX64, Optional.of(vcxprojFixture("msquic-x64.vcxproj"))), "HP-PRJ-002");
        assertEquals(RuleStatus.PASS, x64.status(), x64.message());
    }

    @Test
    void unreadableVcxprojFailsWithTheReadersMessage() {
        Path bad = vcxprojFixture("malformed-truncated.vcxproj");
        List<RuleResult> results = check(hotpatch, MSVC_ARM64, Optional.of(bad));
        for (String id : List.of("HP-PRJ-002", "HP-PRJ-003")) {
            RuleResult r = result(results, id);
            assertEquals(RuleStatus.FAIL, r.status(), id);
            assertTrue(r.message().contains("malformed XML"), id + ": " + r.message());
            assertEquals(bad.toString(), r.file());
        }
    }

    @Test
    void vcxprojDebugIsCheckedForLeaks(@TempDir Path dir) throws IOException {
        RuleResult clean = result(
                check(hotpatch, MSVC_ARM64, Optional.of(vcxprojFixture("msquic-arm64-lowercase.vcxproj"))),
                "HP-PRJ-003");
        assertEquals(RuleStatus.PASS, clean.status(), clean.message());
        assertTrue(clean.message().contains("Debug|ARM64 (vcxproj)"), clean.message());

        Path leak = edited(
                dir,
                "msquic-arm64-lowercase.vcxproj",
                "<AdditionalOptions>%(AdditionalOptions) /machine:ARM64 /guard:cf</AdditionalOptions>",
                "<AdditionalOptions>%(AdditionalOptions) /machine:ARM64 /hotpatchcompatible /guard:cf</AdditionalOptions>");
        RuleResult r = result(check(hotpatch, MSVC_ARM64, Optional.of(leak)), "HP-PRJ-003");
        assertEquals(RuleStatus.FAIL, r.status());
        assertTrue(r.message().contains("[Debug|ARM64]: /hotpatchcompatible in effect"), r.message());
        assertFalse(r.message().contains("[Release|"), r.message());
    }

    @Test
    void vcxprojDebugProfileThroughAMappedElementIsTheProjectsOwn(@TempDir Path dir) throws IOException {
        Path leak = edited(
                dir,
                "msquic-arm64-uppercase.vcxproj",
                "<ProgramDataBaseFile>C:/src/msquic/artifacts/bin/windows/arm64_Debug_schannel/msquic.pdb</ProgramDataBaseFile>",
                "<Profile>true</Profile>\n      "
                        + "<ProgramDataBaseFile>C:/src/msquic/artifacts/bin/windows/arm64_Debug_schannel/msquic.pdb</ProgramDataBaseFile>");
        RuleResult r = result(check(hotpatch, MSVC_ARM64, Optional.of(leak)), "HP-PRJ-003");
        assertEquals(RuleStatus.DEVIATION, r.status(), r.message());
        assertTrue(
                r.message().contains("[Debug|ARM64]: /profile in effect: <Link><Profile>true</Profile>")
                        && r.message().contains("from the project's own Debug|ARM64 link settings"),
                r.message());
    }
}
