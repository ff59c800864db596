package io.github.hotpatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/** {@code java -jar … <command>} in process: dispatch, help, version, exit codes, bad usage as one line. */
class MainTest {

    private static NativeFixtures.Built hotpatch;
    private static NativeFixtures.Built plain;

    @TempDir
    Path dir;

    @BeforeAll
    static void fixtures() throws IOException {
        hotpatch = NativeFixtures.arm64Hotpatch();
        plain = NativeFixtures.arm64Plain();
    }

    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(List.of(args), o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The version in this work tree's pom.xml (the project's own, after its parent-less artifactId). */
    private static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>hotpatch-maven-plugin</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "no version in pom.xml");
        return m.group(1);
    }

    @Test
    void version_isTheProjectVersion() throws IOException {
        Run r = run("--version");
        assertEquals(Main.OK, r.exit());
        assertEquals("hotpatch " + pomVersion() + "\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void help_listsTheCommandsAndExitCodes() {
        Run r = run("--help");
        assertEquals(Main.OK, r.exit());
        assertTrue(r.out().contains("\n  inspect   "), r.out());
        assertTrue(r.out().contains("Exit codes: 0"), r.out());
        assertEquals("", r.err());
        assertEquals(r.out(), run("-h").out());
    }

    @Test
    void commandHelp_listsEveryOption() {
        Run r = run("inspect", "--help");
        assertEquals(Main.OK, r.exit());
        for (String option : List.of(
                "--pdb F",
                "--arch ARM64|x64",
                "--report F",
                "--sarif F",
                "--junit F",
                "--fail-on-violation",
                "--threads N")) {
            assertTrue(r.out().contains(option), option + " in " + r.out());
        }
        assertEquals(r.out(), run("help", "inspect").out());
        // --help wins over other arguments, even bad ones
        assertEquals(r.out(), run("inspect", "--bogus", "--help").out());
    }

    @Test
    void helpAfterDoubleDashIsAPath() {
        Run r = run("inspect", "--", "--help");
        assertEquals(Main.ERROR, r.exit());
        assertEquals(
                List.of("hotpatch inspect: " + Path.of("--help").toAbsolutePath() + ": no such file or directory"),
                r.errLines());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|hotpatch: no command given",
                "frobnicate|hotpatch: unknown command \"frobnicate\"; commands: inspect",
                "inspect|hotpatch inspect: no PATH given",
                "inspect --bogus x.dll|hotpatch inspect: unknown option --bogus",
                "inspect --report|hotpatch inspect: --report needs a value",
                "inspect --report= x.dll|hotpatch inspect: --report needs a value",
                "inspect --arch sparc x.dll|hotpatch inspect: --arch: unknown arch 'sparc': expected ARM64 or x64",
                "inspect --arch x64 --arch ARM64 x.dll|hotpatch inspect: --arch given twice",
                "inspect --pdb a.pdb a.dll b.dll|hotpatch inspect: --pdb names the PDB of one file",
                "inspect --fail-on-violation=yes x.dll|hotpatch inspect: --fail-on-violation takes no value",
                "help frobnicate|hotpatch: unknown command \"frobnicate\"",
                "inspect --threads 0 x.dll|hotpatch inspect: --threads: expected a number from 1 to 256, not 0",
                "inspect --threads many x.dll|hotpatch inspect: --threads: expected a number from 1 to 256, not many",
            })
    void badUsage_isOneLineAndExitTwo(String commandLine, String expectedStart) {
        String[] args = commandLine.isEmpty() ? new String[0] : commandLine.split(" ");
        Run r = run(args);
        assertEquals(Main.ERROR, r.exit());
        assertEquals("", r.out());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith(expectedStart), r.err());
    }

    @Test
    void ready_exitsZero() {
        Run r = run(
                "inspect",
                "--fail-on-violation",
                "--arch",
                "ARM64",
                hotpatch.dll().toString());
        assertEquals(Main.OK, r.exit(), r.err());
        assertTrue(r.out().contains("hotpatch.dll: HOTPATCH_READY"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void notReady_exitsZeroWithoutFailOnViolation_andOneWithIt() {
        Run report = run("inspect", plain.dll().toString());
        assertEquals(Main.OK, report.exit(), report.err());
        assertTrue(report.out().contains("plain.dll: NOT_READY"), report.out());
        assertTrue(report.out().contains("FAIL"), report.out());

        Run strict = run("inspect", "--fail-on-violation", plain.dll().toString());
        assertEquals(Main.NOT_READY, strict.exit());
        assertEquals(1, strict.errLines().size(), strict.err());
        assertTrue(strict.err().startsWith("hotpatch inspect: NOT_READY: plain.dll HP-BIN-"), strict.err());
    }

    @Test
    void threads_sameReportAsOneThread() throws IOException {
        Path tree = dir.resolve("tree");
        for (int i = 0; i < 10; i++) {
            Path sub = Files.createDirectories(tree.resolve("d" + i));
            Files.copy(hotpatch.dll(), sub.resolve("hotpatch.dll"));
            Files.copy(hotpatch.pdb(), sub.resolve("hotpatch.pdb"));
            Files.copy(plain.dll(), sub.resolve("plain.dll"));
        }
        Run one = run(
                "inspect", "--threads", "1", "--report", dir.resolve("one.json").toString(), tree.toString());
        Run two = run(
                "inspect", "--threads=2", "--report", dir.resolve("two.json").toString(), tree.toString());
        assertEquals(Main.OK, one.exit(), one.err());
        assertEquals(Main.OK, two.exit(), two.err());
        assertEquals(Files.readString(dir.resolve("one.json")), Files.readString(dir.resolve("two.json")));
        // 20 PE files inspected; the 10 PDBs are listed as skipped (not PE by content).
        JsonNode entries = new ObjectMapper().readTree(dir.resolve("two.json").toFile());
        int skipped = 0;
        for (JsonNode entry : entries) {
            skipped += entry.has("skipped") ? 1 : 0;
        }
        assertEquals(30, entries.size());
        assertEquals(10, skipped);
    }

    @Test
    void wrongArch_isNotReady() {
        Run r = run(
                "inspect", "--fail-on-violation", "--arch=x64", hotpatch.dll().toString());
        assertEquals(Main.NOT_READY, r.exit(), r.err());
    }

    @Test
    void missingPath_exitsTwoNamingIt() {
        Path missing = dir.resolve("nope.dll");
        Run r = run("inspect", missing.toString());
        assertEquals(Main.ERROR, r.exit());
        assertEquals(List.of("hotpatch inspect: " + missing + ": no such file or directory"), r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void relativePath_isReportedAbsolute_asMavenHandsItToTheGoal() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path relative = cwd.relativize(hotpatch.dll());
        assertFalse(relative.isAbsolute());
        Path json = dir.resolve("r.json");
        Run r = run("inspect", "--report", json.toString(), "./" + relative);
        assertEquals(Main.OK, r.exit(), r.err());
        assertEquals(
                hotpatch.dll().toString(),
                new ObjectMapper().readTree(json.toFile()).get("file").asText());
    }

    @Test
    void unreadableSingleFile_exitsTwoWithOneLineNamingIt() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.dll"), "not a PE image");
        Run r = run("inspect", "--report", dir.resolve("r.json").toString(), text.toString());
        assertEquals(Main.ERROR, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("hotpatch inspect: "), r.err());
        assertTrue(r.err().contains(text.toString()), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("r.json")), "no report for an input that could not be read");
    }

    @Test
    void unwritableReport_exitsTwoNamingTheFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "a file, not a directory");
        Path report = blocker.resolve("r.json");
        Run r = run("inspect", "--report", report.toString(), hotpatch.dll().toString());
        assertEquals(Main.ERROR, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("hotpatch inspect: cannot write " + report + ": "), r.err());
    }

    @Test
    void severalPaths_oneArrayInPathOrder_andSarifAndJunit() throws Exception {
        Path json = dir.resolve("out/r.json");
        Path sarif = dir.resolve("out/r.sarif");
        Path junit = dir.resolve("out/TEST-r.xml");
        Run r = run(
                "inspect",
                "--report=" + json,
                "--sarif",
                sarif.toString(),
                "--junit",
                junit.toString(),
                plain.dll().toString(),
                hotpatch.dll().toString());
        assertEquals(Main.OK, r.exit(), r.err());
        assertTrue(r.out().endsWith("Report: " + json + "\n"), r.out());

        JsonNode array = new ObjectMapper().readTree(json.toFile());
        assertTrue(array.isArray(), array.toString());
        assertEquals(2, array.size());
        assertEquals("NOT_READY", array.get(0).get("verdict").asText());
        assertEquals("HOTPATCH_READY", array.get(1).get("verdict").asText());

        JsonNode log = new ObjectMapper().readTree(sarif.toFile());
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode driver = log.get("runs").get(0).get("tool").get("driver");
        assertEquals(Main.version(), driver.get("version").asText());
        assertTrue(log.get("runs").get(0).get("results").size() > 2, log.toString());

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertEquals(2, xml.getElementsByTagName("testsuite").getLength());
        assertTrue(xml.getElementsByTagName("failure").getLength() >= 1, "plain.dll fails a rule");
    }

    /** The command's door imports no Maven API and no mojo: it must run from the jar alone (IT cli-java-jar runs it). */
    @Test
    void cliPackage_importsNothingFromMaven() throws IOException {
        Path dir = Path.of("src/main/java/io/github/hotpatch/cli");
        List<Path> sources;
        try (var files = Files.list(dir)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() >= 4, sources.toString());
        for (Path source : sources) {
            for (String line : Files.readAllLines(source)) {
                assertFalse(
                        line.startsWith("import org.apache.maven")
                                || line.startsWith("import org.codehaus")
                                || line.startsWith("import io.github.hotpatch.maven"),
                        source + ": " + line);
            }
        }
    }
}
