package io.github.hotpatch.vcxproj;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import io.github.hotpatch.testing.ReaderFuzzTest;
import io.github.hotpatch.testing.ReaderFuzzing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link VcxprojFileReader#read} on fuzzed project files: a {@link VcxprojFile} or a {@link VcxprojFormatException},
 * nothing else, within {@link ReaderFuzzing#TIME_BOUND} and the fuzzing JVM's heap. Seeds are the fixtures in
 * src/test/resources/vcxproj ({@code VcxprojFileFuzzTestInputs/read/}); see FUZZING.md.
 */
class VcxprojFileFuzzTest {

    private static final String METHOD = "read";

    /** The linker switches the verifier asks about, in both spellings CMake may leave them in. */
    private static final List<String> FLAGS = List.of(
            "/hotpatchcompatible",
            "/PROFILE",
            "/profile",
            "/INCREMENTAL:NO",
            "/incremental:no",
            "/FUNCTIONPADMIN:6",
            "/functionpadmin",
            "/DEBUG",
            "/OPT:REF",
            "/pdbinject:mapfile");

    /** Reused for every input; see {@link ReaderFuzzing#scratchDir}. */
    private static Path project;

    // Element and attribute names the reader matches exactly; mutating bytes seldom produces them.
    @DictionaryEntries({
        "<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">",
        "ItemGroup",
        "ProjectConfiguration",
        "Include=\"Release|ARM64\"",
        "PropertyGroup",
        "ItemDefinitionGroup",
        "<Link>",
        "AdditionalOptions",
        "%(AdditionalOptions)",
        "Condition=\"'$(Configuration)|$(Platform)'=='Release|ARM64'\"",
        "LinkIncremental",
        "CreateHotPatchableImage",
        "<!DOCTYPE",
        "<!ENTITY",
        "&#x",
        "<![CDATA["
    })
    @ReaderFuzzTest
    void read(byte[] file) throws IOException {
        Path path = projectPath();
        Files.write(path, file);
        ReaderFuzzing.readOrReject(VcxprojFormatException.class, () -> useEverything(VcxprojFileReader.read(path)));
    }

    /** What the verifier asks of a project, and the messages it would print. */
    private static void useEverything(VcxprojFile project) {
        project.ignoredConditions();
        for (ProjectConfiguration configuration : project.configurations()) {
            LinkSettings settings = project.linkSettings(configuration).orElseThrow();
            settings.additionalOptions().tokens();
            settings.linkIncrementalByElement();
            settings.configurationType();
            for (String flag : FLAGS) {
                settings.evidenceFor(flag).toString();
            }
        }
        project.toString();
    }

    private static synchronized Path projectPath() throws IOException {
        if (project == null) {
            project = ReaderFuzzing.scratchDir(VcxprojFileFuzzTest.class).resolve("input.vcxproj");
        }
        return project;
    }

    /** Seeds named seed-* are read, rejected-* are refused: the corpus covers both ends of the reader. */
    @Test
    void seedsAreReadOrRejectedAsNamed() throws IOException {
        List<Path> seeds = inputs("seed-");
        assertFalse(seeds.isEmpty(), "no seeds in " + ReaderFuzzing.inputsDir(VcxprojFileFuzzTest.class, METHOD));
        for (Path seed : seeds) {
            assertFalse(VcxprojFileReader.read(seed).configurations().isEmpty(), seed::toString);
        }
        for (Path rejected : inputs("rejected-")) {
            assertThrows(VcxprojFormatException.class, () -> VcxprojFileReader.read(rejected), rejected::toString);
        }
    }

    private static List<Path> inputs(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(ReaderFuzzing.inputsDir(VcxprojFileFuzzTest.class, METHOD))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Rewrites the committed seeds from src/test/resources/vcxproj:
     * {@code ./mvnw test -Dtest=VcxprojFileFuzzTest -DskipFuzz -Dgroups=seed-refresh -Dsurefire.excludedGroups=}.
     */
    @Test
    @Tag("seed-refresh")
    void refreshSeeds() throws IOException {
        Path fixtures = Paths.get("src", "test", "resources", "vcxproj");
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path fixture : files.filter(p -> p.toString().endsWith(".vcxproj"))
                    .sorted()
                    .toList()) {
                String name = fixture.getFileName().toString();
                byte[] bytes = Files.readAllBytes(fixture);
                if (bytes.length == 0) {
                    continue; // Jazzer always runs the empty input itself
                }
                String prefix = name.startsWith("msquic-") ? "seed-" : "rejected-";
                ReaderFuzzing.writeSeed(VcxprojFileFuzzTest.class, METHOD, prefix + name, bytes);
            }
        }
    }
}
