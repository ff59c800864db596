package io.github.hotpatch.msbuild.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import io.github.hotpatch.testing.ReaderFuzzTest;
import io.github.hotpatch.testing.ReaderFuzzing;
import io.github.hotpatch.vcxproj.VcxprojFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link ProjectEvaluator#evaluate(Path)} on fuzzed hand-written projects: an {@link EvaluatedProject} or a
 * {@link VcxprojFormatException} (a {@link ProjectEvaluationException} for the evaluator's own bounds), nothing
 * else, within {@link ReaderFuzzing#TIME_BOUND} and the fuzzing JVM's heap. The evaluator is confined to the
 * scratch directory, so an import or {@code Exists} of another path is a not-evaluated entry, never a read
 * elsewhere. Seeds: {@code src/test/resources/msbuild/eval/*.vcxproj} (see FUZZING.md).
 */
class ProjectEvaluatorFuzzTest {

    private static final String METHOD = "evaluate";
    private static final List<String> FLAGS = List.of("/hotpatchcompatible", "/PROFILE", "/incremental:no");

    private static Path scratch;

    @DictionaryEntries({
        "<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">",
        "<ProjectConfiguration Include=\"Release|ARM64\" />",
        "PropertyGroup",
        "ItemDefinitionGroup",
        "<Link>",
        "<AdditionalOptions>%(AdditionalOptions) $(P)</AdditionalOptions>",
        "Condition=\"'$(Configuration)|$(Platform)'=='Release|ARM64'\"",
        "<Import Project=\"input.vcxproj\" />",
        "<Import Project=\"$(VCTargetsPath)\\Microsoft.Cpp.targets\" />",
        "Exists('",
        " and ",
        " or ",
        "$(P)$(P)",
        "$([System.String]::Copy(''))",
        "<Choose>",
        "<Target Name=\"T\">"
    })
    @ReaderFuzzTest
    void evaluate(byte[] file) throws IOException {
        Path project = projectPath();
        Files.write(project, file);
        ReaderFuzzing.readOrReject(VcxprojFormatException.class, () -> {
            ProjectEvaluator evaluator = new ProjectEvaluator(Map.of(), Map.of(), project.getParent());
            useEverything(evaluator.evaluate(project));
        });
    }

    private static void useEverything(EvaluatedProject project) {
        for (EvaluatedConfiguration c : project.configurations()) {
            c.linkOptions();
            c.affectingLink().forEach(NotEvaluated::toString);
            c.configurationType();
            for (String flag : FLAGS) {
                c.link().evidenceFor(flag).toString();
            }
        }
    }

    private static synchronized Path projectPath() throws IOException {
        if (scratch == null) {
            scratch = ReaderFuzzing.scratchDir(ProjectEvaluatorFuzzTest.class).resolve("input.vcxproj");
        }
        return scratch;
    }

    @Test
    void seedsAreEvaluated() throws IOException {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(ReaderFuzzing.inputsDir(ProjectEvaluatorFuzzTest.class, METHOD))) {
            seeds = files.filter(p -> p.getFileName().toString().startsWith("seed-"))
                    .sorted()
                    .toList();
        }
        assertFalse(seeds.isEmpty());
        for (Path seed : seeds) {
            EvaluatedProject p = new ProjectEvaluator(Map.of(), Map.of()).evaluate(seed);
            assertFalse(
                    p.configurations().stream().allMatch(c -> c.linkOptions().isEmpty()), seed::toString);
        }
    }

    /** Rewrites the seeds: {@code -Dtest=ProjectEvaluatorFuzzTest -DskipFuzz -Dgroups=seed-refresh -Dsurefire.excludedGroups=}. */
    @Test
    @Tag("seed-refresh")
    void refreshSeeds() throws IOException {
        Path fixtures = Path.of("src", "test", "resources", "msbuild", "eval");
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path fixture : files.filter(p -> p.toString().endsWith(".vcxproj"))
                    .sorted()
                    .toList()) {
                ReaderFuzzing.writeSeed(
                        ProjectEvaluatorFuzzTest.class,
                        METHOD,
                        "seed-" + fixture.getFileName(),
                        Files.readAllBytes(fixture));
            }
        }
    }
}
