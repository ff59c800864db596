package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.diff.DiffFixturesAccess;
import io.github.hotpatch.json.JsonReader;
import io.github.hotpatch.report.DiffReportFiles;
import io.github.hotpatch.testing.NativeFixtures;
import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The diff goal on real ARM64 builds: its reports, the gate, zips, and what it refuses. */
class DiffMojoTest {

    private static DiffMojo mojo(Path base, Path patched, Path reports) {
        DiffMojo mojo = new DiffMojo(null);
        mojo.base = base == null ? null : base.toFile();
        mojo.patched = patched.toFile();
        mojo.reportDirectory = reports.toFile();
        mojo.pluginVersion = "test";
        return mojo;
    }

    private static Path reports(String name) throws IOException {
        Path dir = NativeFixtures.ROOT.resolve("diff-mojo").resolve(name);
        NativeFixtures.deleteRecursively(dir);
        return dir;
    }

    @Test
    void editedBodyIsACandidateAndTheReportsSaySo() throws Exception {
        Built base = DiffFixturesAccess.arm64Base();
        Built patched = DiffFixturesAccess.arm64BodyEdited();
        Path dir = reports("candidate");
        DiffMojo mojo = mojo(base.dll(), patched.dll(), dir);
        mojo.failUnlessCandidate = true;
        mojo.execute();

        Map<?, ?> json = (Map<?, ?>) JsonReader.parse(Files.readString(dir.resolve(DiffReportFiles.JSON_FILE)));
        assertEquals("HOTPATCH_CANDIDATE", json.get("verdict"));
        List<?> functions = (List<?>) json.get("functions");
        assertEquals(1, functions.size());
        Map<?, ?> edited = (Map<?, ?>) functions.get(0);
        assertEquals("Edited", edited.get("name"));
        assertEquals("CHANGED", edited.get("kind"));
        assertTrue(((String) edited.get("baseRva")).startsWith("0x"), edited.toString());

        Map<?, ?> sarif = (Map<?, ?>) JsonReader.parse(Files.readString(dir.resolve(DiffReportFiles.SARIF_FILE)));
        assertEquals("2.1.0", sarif.get("version"));
        Map<?, ?> run = (Map<?, ?>) ((List<?>) sarif.get("runs")).get(0);
        List<?> results = (List<?>) run.get("results");
        assertEquals(1, results.size());
        assertEquals("HP-DIFF-100", ((Map<?, ?>) results.get(0)).get("ruleId"));
    }

    @Test
    void theGateFailsNamingTheWidenedGlobal() throws Exception {
        Path dir = reports("gate");
        DiffMojo mojo = mojo(
                DiffFixturesAccess.arm64Base().dll(),
                DiffFixturesAccess.arm64GlobalWidened().dll(),
                dir);
        mojo.failUnlessCandidate = true;
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("NOT_HOTPATCHABLE"), e.getMessage());
        assertTrue(e.getMessage().contains("GLOBAL_CHANGED widen"), e.getMessage());
        // the reports are written before the gate fails
        Map<?, ?> sarif = (Map<?, ?>) JsonReader.parse(Files.readString(dir.resolve(DiffReportFiles.SARIF_FILE)));
        Map<?, ?> run = (Map<?, ?>) ((List<?>) sarif.get("runs")).get(0);
        Map<?, ?> first = (Map<?, ?>) ((List<?>) run.get("results")).get(0);
        assertEquals("error", first.get("level"));
        assertEquals("HP-DIFF-004", first.get("ruleId"));
    }

    @Test
    void zipsAreReadInPlace() throws Exception {
        Path dir = reports("zip");
        Path baseZip = zip(DiffFixturesAccess.arm64Base(), dir.resolveSibling("base.zip"));
        Path patchedZip = zip(DiffFixturesAccess.arm64Rebuilt(), dir.resolveSibling("patched.zip"));
        DiffMojo mojo = mojo(baseZip, patchedZip, dir);
        mojo.failUnlessCandidate = true;
        mojo.execute();
        Map<?, ?> json = (Map<?, ?>) JsonReader.parse(Files.readString(dir.resolve(DiffReportFiles.JSON_FILE)));
        assertEquals(List.of(), json.get("functions"));
        assertTrue(((String) ((Map<?, ?>) json.get("base")).get("file")).contains("base.zip!"), json.toString());
    }

    @Test
    void baseCoordinatesAreResolvedThenDiffed() throws Exception {
        Path dir = reports("coordinates");
        Built base = DiffFixturesAccess.arm64Base();
        DiffMojo mojo = mojo(null, base.dll(), dir);
        mojo.baseCoordinates = "org.example:lib:1.0:dll:arm64";
        List<String> asked = new java.util.ArrayList<>();
        mojo.resolver = Optional.of(c -> {
            asked.add(c);
            return base.dll();
        });
        mojo.execute();
        assertEquals(List.of("org.example:lib:1.0:dll:arm64"), asked);
        Map<?, ?> json = (Map<?, ?>) JsonReader.parse(Files.readString(dir.resolve(DiffReportFiles.JSON_FILE)));
        assertEquals("HOTPATCH_CANDIDATE", json.get("verdict"), json.toString());
    }

    @Test
    void unresolvableBaseCoordinatesFailNamingThem() throws IOException {
        DiffMojo mojo = mojo(null, DiffFixturesAccess.arm64Base().dll(), reports("coordinates-missing"));
        mojo.baseCoordinates = "org.example:lib:1.0:zip:arm64";
        mojo.resolver = Optional.of(c -> {
            throw new IOException("hotpatch:diff cannot resolve " + c + " from [central]");
        });
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("cannot resolve org.example:lib:1.0:zip:arm64"), e.getMessage());
    }

    @Test
    void malformedBaseCoordinatesAreRefusedNamingTheParameter() throws IOException {
        DiffMojo mojo = mojo(null, DiffFixturesAccess.arm64Base().dll(), reports("coordinates-bad"));
        mojo.baseCoordinates = "only-a-name";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("hotpatch.baseCoordinates: "), e.getMessage());
    }

    @Test
    void aMissingPatchedFileIsAnErrorNotAVerdict() throws IOException {
        Path dir = reports("missing");
        DiffMojo mojo = mojo(DiffFixturesAccess.arm64Base().dll(), dir.resolve("nope.dll"), dir);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("nope.dll: no such file"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve(DiffReportFiles.JSON_FILE)));
    }

    private static Path zip(Built built, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path p : List.of(built.dll(), built.pdb(), built.map())) { // the map: HP-BIN-009 for lld
                out.putNextEntry(new ZipEntry("bin/" + p.getFileName()));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        return zip;
    }
}
