package io.github.hotpatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hotpatch.verify.SubjectReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void writesJsonPerSubjectThenSarifThenJunit() throws Exception {
        Path dir = temp.resolve("target/hotpatch");
        List<SubjectReport> subjects = List.of(Subjects.mixed("arm64_schannel"), Subjects.ready("msquic.dll"));

        List<Path> written = ReportFiles.writeAll(dir, "0.1.0", subjects);

        Path root = dir.toAbsolutePath().normalize();
        assertEquals(
                List.of(
                        root.resolve("arm64_schannel.json"),
                        root.resolve("msquic.dll.json"),
                        root.resolve("hotpatch.sarif"),
                        root.resolve("TEST-hotpatch.xml")),
                written);
        assertEquals(
                "NOT_READY",
                mapper.readTree(written.get(0).toFile()).get("verdict").asText());
        assertEquals(
                "HOTPATCH_READY",
                mapper.readTree(written.get(1).toFile()).get("verdict").asText());
        JsonNode sarif = mapper.readTree(written.get(2).toFile());
        SarifReportTest.assertValidSarif(sarif);
        assertEquals(
                "0.1.0",
                sarif.get("runs")
                        .get(0)
                        .get("tool")
                        .get("driver")
                        .get("version")
                        .asText());
        assertEquals(
                root.toUri().toString(),
                sarif.get("runs")
                        .get(0)
                        .get("originalUriBaseIds")
                        .get("SRCROOT")
                        .get("uri")
                        .asText());
        assertEquals(
                "7",
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(written.get(3).toFile())
                        .getDocumentElement()
                        .getAttribute("tests"));
    }

    @Test
    void sarifLocationsCanBeRelativeToAnotherBase() throws Exception {
        Path project = temp.resolve("project");
        SubjectReport subject = new SubjectReport(
                "s",
                "binary",
                "x64",
                List.of(Subjects.rule(
                        "R",
                        io.github.hotpatch.verify.RuleStatus.FAIL,
                        "m",
                        project.resolve("build/msquic.dll").toString())),
                null);
        List<Path> written = ReportFiles.writeAll(project.resolve("target/hotpatch"), project, "1", List.of(subject));
        JsonNode artifact = mapper.readTree(written.get(1).toFile())
                .at("/runs/0/results/0/locations/0" + "/physicalLocation/artifactLocation");
        assertEquals("build/msquic.dll", artifact.get("uri").asText());
    }

    @Test
    void hostileSubjectNamesNeverLeaveTheDirectory() throws Exception {
        Path dir = temp.resolve("reports");
        List<String> names = List.of(
                "../../evil",
                "..",
                ".",
                "",
                "a/b",
                "a_b",
                "A_B",
                "..\\..\\win",
                "/etc/passwd",
                "C:\\Windows\\x",
                "CON",
                "nul.txt",
                "x\u0000y",
                "hotpatch.sarif",
                "TEST-hotpatch.xml",
                "z".repeat(300));
        List<SubjectReport> subjects = new ArrayList<>();
        names.forEach(name -> subjects.add(Subjects.ready(name)));

        List<Path> written = ReportFiles.writeAll(dir, "1", subjects);

        Path root = dir.toAbsolutePath().normalize();
        Set<String> distinct = new HashSet<>();
        for (Path file : written) {
            assertEquals(root, file.getParent(), file.toString());
            assertTrue(Files.isRegularFile(file), file.toString());
            assertTrue(distinct.add(file.getFileName().toString().toLowerCase(Locale.ROOT)), "no overwrite: " + file);
        }
        assertEquals(names.size() + 2, written.size());
        try (Stream<Path> listing = Files.list(root)) {
            assertEquals(names.size() + 3, listing.count(), "everything (and the manifest) in the directory itself");
        }
        try (Stream<Path> listing = Files.list(temp)) {
            assertEquals(
                    List.of(root),
                    listing.map(p -> p.toAbsolutePath().normalize()).toList(),
                    "nothing written beside the directory");
        }
        // The JSON of the colliding subjects is theirs, not overwritten by a later one.
        assertEquals("a_b.json", written.get(4).getFileName().toString());
        assertEquals("a_b_2.json", written.get(5).getFileName().toString());
        assertEquals("A_B_3.json", written.get(6).getFileName().toString());
    }

    @Test
    void fileNamesAreSanitized() {
        assertEquals("arm64_schannel.json", ReportFiles.jsonFileName("arm64_schannel"));
        assertEquals("msquic.dll.json", ReportFiles.jsonFileName("msquic.dll"));
        assertEquals("_._.._evil.json", ReportFiles.jsonFileName("../../evil"));
        assertEquals("_..json", ReportFiles.jsonFileName(".."));
        assertEquals("_.json", ReportFiles.jsonFileName("."));
        assertEquals("_.json", ReportFiles.jsonFileName(""));
        assertEquals("a_b.json", ReportFiles.jsonFileName("a/b"));
        assertEquals("a_b.json", ReportFiles.jsonFileName("a\\b"));
        assertEquals("_CON.json", ReportFiles.jsonFileName("CON"));
        assertEquals("_com1.txt.json", ReportFiles.jsonFileName("com1.txt"));
        assertEquals("console.json", ReportFiles.jsonFileName("console"));
        assertEquals("caf_.json", ReportFiles.jsonFileName("caf\u00E9"));
        assertEquals(
                ReportFiles.MAX_STEM_LENGTH + 5,
                ReportFiles.jsonFileName("z".repeat(300)).length());
        for (String name : List.of("../x", "..", "a/../../b", "\\\\server\\share")) {
            String file = ReportFiles.jsonFileName(name);
            assertFalse(file.contains("/") || file.contains("\\") || file.startsWith("."), file);
        }
    }

    @Test
    void aVariantNotRunThisTimeLeavesNoReportBehindAndSarifAndJunitCoverOnlyThisRun() throws Exception {
        Path dir = temp.resolve("target/hotpatch");
        ReportFiles.writeAll(dir, "1", List.of(Subjects.mixed("arm64_schannel"), Subjects.mixed("arm64_openssl")));
        Path inspect = Files.writeString(dir.resolve("inspect.json"), "{}");
        Path own = Files.writeString(dir.resolve("notes.json"), "{}");

        List<Path> written = ReportFiles.writeAll(dir, "1", List.of(Subjects.ready("arm64_schannel")));

        assertFalse(Files.exists(dir.resolve("arm64_openssl.json")), "the report of the variant not run is gone");
        assertTrue(Files.isRegularFile(dir.resolve("arm64_schannel.json")));
        assertTrue(Files.isRegularFile(inspect), "files the plugin did not list are left alone");
        assertTrue(Files.isRegularFile(own));
        assertEquals(List.of("arm64_schannel.json"), Files.readAllLines(dir.resolve(ReportFiles.MANIFEST_FILE)));
        String sarif = Files.readString(written.get(1));
        String junit = Files.readString(written.get(2));
        assertTrue(sarif.contains("arm64_schannel") && !sarif.contains("arm64_openssl"), sarif);
        assertTrue(junit.contains("arm64_schannel") && !junit.contains("arm64_openssl"), junit);
    }

    @Test
    void aManifestNamingSomethingOutsideTheDirectoryDeletesNothing() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("target/hotpatch"));
        Path outside = Files.writeString(temp.resolve("target/precious.json"), "{}");
        Files.write(dir.resolve(ReportFiles.MANIFEST_FILE), List.of("../precious.json", "/etc/passwd.json", ""));
        ReportFiles.writeAll(dir, "1", List.of(Subjects.ready("x")));
        assertTrue(Files.isRegularFile(outside));
    }
}
