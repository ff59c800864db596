package io.github.hotpatch.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.artifact.AttachableFile;
import io.github.hotpatch.artifact.VariantArtifacts;
import io.github.hotpatch.cmake.BuildVariant;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import io.github.hotpatch.profile.VariantState;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's own artifact passes its own inspect: a variant built for real (lld ARM64 profile) is verified, attached
 * as hotpatch:attach zips it, and the zip inspected in place; every binary rule has the same status both ways.
 */
class VerifyInspectAgreementTest {

    @Test
    void verifyAndInspectOfTheAttachedZipAgree(@TempDir Path out) throws Exception {
        Path dir = VerifyFixtures.cmakeBuild("agree", VerifyFixtures.HOTPATCH_RELEASE_FLAGS, null, "Release");
        HotpatchProfile profile = HotpatchProfile.of(Arch.ARM64, LinkerKind.LLD);
        BuildVariant variant = new BuildVariant("agree", Arch.ARM64, Map.of());
        new VariantState(
                        "agree",
                        Arch.ARM64,
                        "Ninja Multi-Config",
                        LinkerKind.LLD,
                        true,
                        profile.flags(),
                        profile.deviation())
                .write(dir);
        SubjectReport verified = new VariantVerifier().verify(dir, variant.name(), "msquic", true);
        assertEquals(
                Verdict.HOTPATCH_READY, Verdict.of(verified), verified.results().toString());

        List<AttachableFile> attached =
                new VariantArtifacts(dir.getParent(), "msquic", "Release", out).collect(List.of(variant));
        Path zip = attached.stream()
                .filter(a -> a.type().equals("zip"))
                .findFirst()
                .orElseThrow()
                .file();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(
                    List.of("msquic.dll", "msquic.pdb", "msquic.lib", "msquic.map"),
                    z.stream().map(ZipEntry::getName).toList());
        }

        Inspector.Result inspected = new Inspector().inspect(zip, Optional.empty(), Optional.of(Arch.ARM64));
        assertEquals(List.of(), inspected.unreadable());
        assertEquals(1, inspected.subjects().size());
        SubjectReport fromZip = inspected.subjects().get(0);
        assertTrue(inspected.ready(), fromZip.results().toString());
        assertEquals(Verdict.HOTPATCH_READY, Verdict.of(fromZip));

        Map<String, RuleStatus> inspectStatuses = statuses(fromZip);
        Map<String, RuleStatus> verifyStatuses = statuses(verified);
        verifyStatuses.keySet().retainAll(inspectStatuses.keySet());
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
                List.copyOf(inspectStatuses.keySet()));
        assertEquals(inspectStatuses, verifyStatuses);
        assertEquals(RuleStatus.DEVIATION, inspectStatuses.get("HP-BIN-009"));
    }

    private static Map<String, RuleStatus> statuses(SubjectReport report) {
        Map<String, RuleStatus> m = new LinkedHashMap<>();
        report.results().forEach(r -> m.put(r.id(), r.status()));
        return m;
    }
}
