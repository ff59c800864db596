package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.diff.DiffFixturesAccess;
import io.github.hotpatch.maven.InspectGoalAndCommandTest.Cli;
import io.github.hotpatch.report.DiffReportFiles;
import io.github.hotpatch.testing.NativeFixtures;
import io.github.hotpatch.testing.NativeFixtures.Built;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The two doors to one diff: {@code hotpatch:diff} and {@code java -jar … diff} write the same JSON for the same
 * real ARM64 builds, and the command's exit codes carry the gate. Linux only: the builds come from Debian's LLVM.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the base and patched DLLs are cross-built with Debian's LLVM")
class DiffGoalAndCommandTest {

    private static Path dir(String name) throws Exception {
        Path dir = NativeFixtures.ROOT.resolve("diff-doors").resolve(name);
        NativeFixtures.deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    private static DiffMojo goal(Built base, Built patched, Path reports) throws Exception {
        DiffMojo mojo = new DiffMojo(null);
        mojo.base = base.dll().toFile();
        mojo.patched = patched.dll().toFile();
        mojo.reportDirectory = reports.toFile();
        mojo.pluginVersion = "test";
        mojo.execute();
        return mojo;
    }

    @Test
    void theCommandWritesTheGoalsJson() throws Exception {
        Built base = DiffFixturesAccess.arm64Base();
        Built patched = DiffFixturesAccess.arm64BodyEdited();
        Path dir = dir("same-json");
        goal(base, patched, dir.resolve("goal"));
        Path report = dir.resolve("cli/diff.json");
        Cli cli = InspectGoalAndCommandTest.cli(
                "diff",
                "--report",
                report.toString(),
                base.dll().toString(),
                patched.dll().toString());
        assertEquals(0, cli.exit(), cli.err());
        assertEquals("", cli.err());
        byte[] goalJson = Files.readAllBytes(dir.resolve("goal").resolve(DiffReportFiles.JSON_FILE));
        assertTrue(new String(goalJson).contains("\"HOTPATCH_CANDIDATE\""), new String(goalJson));
        assertArrayEquals(goalJson, Files.readAllBytes(report), "the command's JSON differs from the goal's");
        assertTrue(cli.out().contains("Edited"), cli.out());
    }

    @Test
    void failUnlessCandidateExitsOneNamingTheReason() throws Exception {
        Path sarif = dir("gate").resolve("diff.sarif");
        Cli cli = InspectGoalAndCommandTest.cli(
                "diff",
                "--fail-unless-candidate",
                "--sarif",
                sarif.toString(),
                DiffFixturesAccess.arm64Base().dll().toString(),
                DiffFixturesAccess.arm64GlobalWidened().dll().toString());
        assertEquals(1, cli.exit(), cli.out());
        assertTrue(cli.err().startsWith("hotpatch diff: NOT_HOTPATCHABLE: "), cli.err());
        assertTrue(Files.readString(sarif).contains("\"2.1.0\""));
    }

    @Test
    void withoutTheGateANotHotpatchableDiffIsReportedWithExitZero() throws Exception {
        Cli cli = InspectGoalAndCommandTest.cli(
                "diff",
                DiffFixturesAccess.arm64Base().dll().toString(),
                DiffFixturesAccess.arm64GlobalWidened().dll().toString());
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().contains("NOT_HOTPATCHABLE"), cli.out());
    }

    @Test
    void aMissingInputIsOneLineAndExitTwo() throws Exception {
        Path missing = dir("missing").resolve("nope.dll");
        Cli cli = InspectGoalAndCommandTest.cli(
                "diff", DiffFixturesAccess.arm64Base().dll().toString(), missing.toString());
        assertEquals(2, cli.exit(), cli.out());
        assertTrue(cli.err().startsWith("hotpatch diff: ") && cli.err().contains("nope.dll"), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
    }

    @Test
    void oneInputIsBadUsage() {
        Cli cli = InspectGoalAndCommandTest.cli("diff", "only.dll");
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("expected BASE and PATCHED"), cli.err());
    }
}
