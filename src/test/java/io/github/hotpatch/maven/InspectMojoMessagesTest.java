package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.NativeFixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hotpatch:inspect's default report path and what a failing directory inspection says, on real clang-cl DLLs. */
class InspectMojoMessagesTest {
    @TempDir
    Path dir;

    @Test
    void withoutAProjectTheReportGoesToTargetHotpatchOfTheCurrentDirectory() {
        InspectMojo mojo = new InspectMojo(null);
        // What Maven 3 hands a project-less goal: the super POM's expression, unresolved.
        mojo.projectBuildDirectory = new File("${project.basedir}/target");
        mojo.executionRootDirectory = dir.toFile();
        assertEquals(dir.resolve("target/hotpatch/inspect.json"), mojo.reportPath());

        mojo.projectBuildDirectory = dir.resolve("module/target").toFile();
        assertEquals(dir.resolve("module/target/hotpatch/inspect.json"), mojo.reportPath(), "in a project");

        mojo.report = dir.resolve("given.json").toFile();
        assertEquals(dir.resolve("given.json"), mojo.reportPath(), "as given");
    }

    @Test
    void aFailingDirectoryPrintsTheCountThenOneLinePerFailingFile() throws Exception {
        NativeFixtures.Built plain = NativeFixtures.arm64Plain();
        Path in = Files.createDirectories(dir.resolve("artifacts"));
        Files.copy(plain.dll(), in.resolve("first.dll"));
        Files.copy(plain.dll(), in.resolve("second.dll"));
        InspectMojo mojo = new InspectMojo(null);
        LevelLog log = new LevelLog();
        mojo.setLog(log);
        mojo.file = in.toFile();
        mojo.executionRootDirectory = dir.toFile();
        mojo.failOnViolation = true;

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        List<String> lines = List.of(e.getMessage().split("\n"));
        assertEquals("2 of 2 files are NOT_READY (first failing rule of each):", lines.get(0), e.getMessage());
        assertEquals(3, lines.size(), e.getMessage());
        assertTrue(lines.get(1).matches("  first\\.dll: HP-BIN-\\d{3} .+"), lines.get(1));
        assertTrue(lines.get(2).matches("  second\\.dll: HP-BIN-\\d{3} .+"), lines.get(2));
        assertTrue(Files.isRegularFile(dir.resolve("target/hotpatch/inspect.json")), "the report was written first");
        assertTrue(!log.at("ERROR").isEmpty(), "the FAIL rows were logged as errors");

        mojo.failOnViolation = false;
        LevelLog quiet = new LevelLog();
        mojo.setLog(quiet);
        mojo.execute();
        String last = quiet.lines.get(quiet.lines.size() - 1);
        assertEquals(
                "WARN NOT_READY: 2 of 2 files not hotpatch-ready (failOnViolation=false; the table above has each"
                        + " failing rule)",
                last);
    }
}
