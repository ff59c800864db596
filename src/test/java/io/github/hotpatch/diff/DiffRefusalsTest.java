package io.github.hotpatch.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.NativeFixtures;
import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the diff refuses (errors, never verdicts) and the verdicts that come before any function is compared. */
class DiffRefusalsTest {

    @Test
    void anotherMachineThanArm64AndX64IsRefusedWithAClearMessage() throws IOException {
        Built x86 = NativeFixtures.x86LoadConfig();
        DiffException e = assertThrows(DiffException.class, () -> Differ.diff(x86.dll(), x86.dll()));
        assertTrue(e.getMessage().contains("only ARM64 and x64 code is normalised"), e.getMessage());
        assertTrue(e.getMessage().contains("x86"), e.getMessage());
    }

    @Test
    void anArm64BaseAndAnX64PatchAreDifferentMachines() throws IOException {
        DiffReport report = Differ.diff(
                DiffFixtures.arm64(DiffFixtures.BASE).dll(),
                DiffFixtures.x64(DiffFixtures.BASE).dll());
        assertEquals(Verdict.NOT_HOTPATCHABLE, report.verdict());
        assertEquals(
                List.of(Reason.Code.MACHINE_MISMATCH),
                report.reasons().stream().map(Reason::code).toList());
        assertEquals(0, report.functionsCompared());
    }

    @Test
    void aBaseLinkedWithoutTheHotpatchFlagsFailsReadiness() throws IOException {
        Built plain = NativeFixtures.buildSource(
                DiffFixtures.NAME,
                22,
                NativeFixtures.Arch.ARM64.triple,
                NativeFixtures.Arch.ARM64.machine,
                DiffFixtures.BASE);
        DiffReport report =
                Differ.diff(plain.dll(), DiffFixtures.arm64(DiffFixtures.BASE).dll());
        assertEquals(Verdict.NOT_HOTPATCHABLE, report.verdict());
        assertTrue(
                report.reasons().stream()
                        .allMatch(r -> r.code() == Reason.Code.NOT_READY
                                && r.subject().startsWith(plain.dll().toString())),
                report.reasons().toString());
        assertTrue(report.reasons().size() >= 1);
    }

    @Test
    void anotherNameIsNotThePatchOfThisBase() throws IOException {
        Built base = DiffFixtures.arm64(DiffFixtures.BASE);
        Built other = NativeFixtures.buildSource(
                "other",
                22,
                NativeFixtures.Arch.ARM64.triple,
                NativeFixtures.Arch.ARM64.machine,
                DiffFixtures.BASE,
                "/hotpatchcompatible",
                "/profile",
                "/incremental:no",
                "/functionpadmin:8",
                "/map");
        DiffReport report = Differ.diff(base.dll(), other.dll());
        assertEquals(
                List.of(Reason.Code.NAME_MISMATCH),
                report.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void anImageBesideAnotherBuildsPdbIsAnError() throws IOException {
        // (an image with no PDB at all is found by its RSDS path on this machine, as inspect finds it)
        Built base = DiffFixtures.arm64(DiffFixtures.BASE);
        Path dir = Files.createTempDirectory(NativeFixtures.ROOT, "wrongpdb");
        Path alone = dir.resolve("gt.dll");
        Files.copy(base.dll(), alone);
        Files.copy(DiffFixtures.arm64(DiffFixtures.REBUILT).pdb(), dir.resolve("gt.pdb"));
        DiffException e = assertThrows(DiffException.class, () -> Differ.diff(base.dll(), alone));
        assertTrue(e.getMessage().startsWith(alone.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("GUID and age differ"), e.getMessage());
    }

    @Test
    void aFileThatIsNoImageIsAnError() throws IOException {
        Path junk = Files.createTempDirectory(NativeFixtures.ROOT, "junk").resolve("gt.dll");
        Files.write(junk, new byte[] {'M', 'Z', 0, 0});
        DiffException e = assertThrows(
                DiffException.class,
                () -> Differ.diff(DiffFixtures.arm64(DiffFixtures.BASE).dll(), junk));
        assertTrue(e.getMessage().contains("not a readable image"), e.getMessage());
    }
}
