package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.cli.Main;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two doors to one inspection: hotpatch:inspect as Maven builds it from the plugin descriptor, and {@code java
 * -jar … inspect} run in process, on the same real clang-cl/lld-link DLLs. Their JSON reports must be the same bytes,
 * and their console tables the same lines.
 */
@MojoTest
class InspectGoalAndCommandTest {

    private static NativeFixtures.Built hotpatch;
    private static NativeFixtures.Built plain;
    private static NativeFixtures.Built x64;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() throws IOException {
        hotpatch = NativeFixtures.arm64Hotpatch();
        plain = NativeFixtures.arm64Plain();
        x64 = NativeFixtures.x64Hotpatch();
    }

    /**
     * The goal's log: every line in order as the console shows it without the level (FAIL rows are errors, DEVIATION
     * rows warnings), and the error lines on their own.
     */
    static final class RecordingLog extends SystemStreamLog {
        final List<String> console = new ArrayList<>();
        final List<String> error = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            console.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            console.add(content.toString());
        }

        @Override
        public void error(CharSequence content) {
            console.add(content.toString());
            error.add(content.toString());
        }
    }

    record Cli(int exit, String out, String err) {}

    static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(List.of(args), o, e);
        }
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(NativeFixtures.Built fixture, Path to, boolean withMap) throws IOException {
        Files.createDirectories(to);
        Files.copy(fixture.dll(), to.resolve(fixture.dll().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(fixture.pdb(), to.resolve(fixture.pdb().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        if (withMap) {
            Files.copy(fixture.map(), to.resolve(fixture.map().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An artifact tree: ARM64 hotpatch (+map), ARM64 plain, x64 hotpatch, each with its PDB. */
    private Path artifactTree() throws IOException {
        Path tree = dir.resolve("artifact");
        copy(hotpatch, tree.resolve("arm64"), true);
        copy(plain, tree.resolve("arm64"), false);
        copy(x64, tree.resolve("x64"), false);
        Files.writeString(tree.resolve("README.txt"), "not a binary");
        return tree;
    }

    private static Path zip(Path tree, Path zip) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(tree)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path f : files) {
                z.putNextEntry(new ZipEntry(tree.relativize(f).toString().replace('\\', '/')));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return zip;
    }

    /** Runs the goal on {@code target} and the command with the same inputs; returns both JSON reports' bytes. */
    private void assertSameReportAndTable(InspectMojo mojo, Path target, String arch) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.file = target.toFile();
        mojo.arch = arch;
        mojo.report = dir.resolve("goal/inspect.json").toFile();
        mojo.execute();

        Path cliReport = dir.resolve("cli/inspect.json");
        List<String> args = new ArrayList<>(List.of("inspect", "--report", cliReport.toString()));
        if (arch != null) {
            args.addAll(List.of("--arch", arch));
        }
        args.add(target.toString());
        Cli cli = cli(args.toArray(String[]::new));
        assertEquals(Main.OK, cli.exit(), cli.err());
        assertEquals("", cli.err());

        byte[] goalJson = Files.readAllBytes(mojo.report.toPath());
        assertTrue(goalJson.length > 100, new String(goalJson, StandardCharsets.UTF_8));
        assertArrayEquals(goalJson, Files.readAllBytes(cliReport), "the command's JSON differs from the goal's");

        // The same table and verdict lines; only the "Report:" line names each door's own file. After it the goal
        // may end with a NOT_READY warning (failOnViolation=false), which the command says with its exit code.
        List<String> goalLines = new ArrayList<>(log.console);
        int reportLine = goalLines.indexOf("Report: " + mojo.report);
        assertTrue(reportLine > 0, goalLines.toString());
        goalLines = new ArrayList<>(goalLines.subList(0, reportLine + 1));
        List<String> cliLines = new ArrayList<>(cli.out().lines().toList());
        assertEquals("Report: " + mojo.report, goalLines.remove(goalLines.size() - 1));
        assertEquals("Report: " + cliReport, cliLines.remove(cliLines.size() - 1));
        assertEquals(goalLines, cliLines);
        assertTrue(cliLines.get(0).startsWith("SUBJECT"), cliLines.get(0));
    }

    @Test
    @InjectMojo(goal = "inspect")
    void singleFile_sameJsonAndTable(InspectMojo mojo) throws Exception {
        assertSameReportAndTable(mojo, hotpatch.dll(), "ARM64");
        String json = Files.readString(dir.resolve("cli/inspect.json"));
        assertTrue(json.startsWith("{"), json);
        assertTrue(
                json.contains("\"verdict\" : \"HOTPATCH_READY\"") || json.contains("\"verdict\": \"HOTPATCH_READY\""),
                json);
    }

    @Test
    @InjectMojo(goal = "inspect")
    void directory_sameJsonAndTable(InspectMojo mojo) throws Exception {
        assertSameReportAndTable(mojo, artifactTree(), null);
        String json = Files.readString(dir.resolve("cli/inspect.json"));
        assertTrue(json.startsWith("["), json);
        for (String name : List.of("arm64/hotpatch.dll", "arm64/plain.dll", "x64/hotpatch.dll")) {
            assertTrue(json.contains(name), name + " in " + json);
        }
        assertTrue(json.contains("NOT_READY"), "plain.dll is not ready: " + json);
    }

    @Test
    @InjectMojo(goal = "inspect")
    void zip_sameJsonAndTable(InspectMojo mojo) throws Exception {
        Path zip = zip(artifactTree(), dir.resolve("artifact.zip"));
        assertSameReportAndTable(mojo, zip, null);
        String json = Files.readString(dir.resolve("cli/inspect.json"));
        assertTrue(json.contains(zip + "!/arm64/hotpatch.dll"), json);
    }

    @Test
    @InjectMojo(goal = "inspect")
    void strictNotReady_goalFailsAndCommandExitsOne(InspectMojo mojo) throws Exception {
        mojo.setLog(new RecordingLog());
        mojo.file = plain.dll().toFile();
        mojo.report = dir.resolve("goal.json").toFile();
        mojo.failOnViolation = true;
        MojoFailureException goal = assertThrows(MojoFailureException.class, mojo::execute);

        Cli cli = cli(
                "inspect",
                "--fail-on-violation",
                "--report",
                dir.resolve("cli.json").toString(),
                plain.dll().toString());
        assertEquals(Main.NOT_READY, cli.exit());
        assertEquals("hotpatch inspect: " + goal.getMessage() + "\n", cli.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("goal.json")), Files.readAllBytes(dir.resolve("cli.json")));
    }

    @Test
    @InjectMojo(goal = "inspect")
    void unreadableMember_goalFailsAndCommandExitsTwo_bothAfterTheSameReport(InspectMojo mojo) throws Exception {
        Path tree = artifactTree();
        Files.writeString(tree.resolve("arm64/broken.dll"), "MZ but nothing else");
        mojo.setLog(new RecordingLog());
        mojo.file = tree.toFile();
        mojo.report = dir.resolve("goal.json").toFile();
        MojoExecutionException goal = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(goal.getMessage().contains("broken.dll"), goal.getMessage());

        Cli cli = cli("inspect", "--report", dir.resolve("cli.json").toString(), tree.toString());
        assertEquals(Main.ERROR, cli.exit());
        List<String> err = cli.err().lines().toList();
        assertEquals(1, err.size(), cli.err());
        assertTrue(
                err.get(0).startsWith("hotpatch inspect: unreadable: " + tree.resolve("arm64/broken.dll") + ": "),
                err.get(0));
        assertArrayEquals(Files.readAllBytes(dir.resolve("goal.json")), Files.readAllBytes(dir.resolve("cli.json")));
    }
}
