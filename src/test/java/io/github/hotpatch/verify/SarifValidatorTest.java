package io.github.hotpatch.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import io.github.hotpatch.profile.VariantState;
import io.github.hotpatch.report.SarifReport;
import io.github.hotpatch.testing.NativeFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF reports pass Microsoft's own validator ({@code Sarif.Multitool validate} from npm package
 * {@code @microsoft/sarif-multitool-linux}, a self-contained Linux executable) with no error and no warning: a
 * verify SARIF of real builds (one ready variant, one with the project's own /PROFILE outside Release, one failing)
 * and an inspect SARIF of a directory of real images.
 */
class SarifValidatorTest {

    static final String VERSION = "5.7.0";

    private static Path multitool;

    @BeforeAll
    static void fetchValidator() throws IOException {
        Path pkg = NativeFixtures.npmPackage("@microsoft/sarif-multitool-linux", VERSION);
        multitool = pkg.resolve("Sarif.Multitool");
        assertTrue(multitool.toFile().setExecutable(true), "chmod +x " + multitool);
    }

    private static VariantState state(HotpatchProfile profile) {
        return new VariantState(
                "arm64_test",
                Arch.ARM64,
                "Ninja Multi-Config",
                LinkerKind.LLD,
                true,
                profile.flags(),
                profile.deviation());
    }

    @Test
    void verifySarifOfRealBuildsHasNoErrorOrWarning(@TempDir Path dir) throws Exception {
        HotpatchProfile lld = HotpatchProfile.of(Arch.ARM64, LinkerKind.LLD);
        VariantVerifier verifier = new VariantVerifier();
        List<SubjectReport> subjects = new ArrayList<>();
        for (Path variantDir : List.of(
                VerifyFixtures.hotpatchProject(),
                VerifyFixtures.msquicCiProject(),
                VerifyFixtures.cmakeBuild("sarif-plain", "/INCREMENTAL:NO /DEBUG", null, "Release"))) {
            state(lld).write(variantDir);
            subjects.add(verifier.verify(variantDir, variantDir.getFileName().toString(), "msquic", true));
        }
        // every kind of result is in the log: PASS, FAIL, DEVIATION, NOT_APPLICABLE
        List<RuleStatus> statuses = subjects.stream()
                .flatMap(s -> s.results().stream())
                .map(RuleResult::status)
                .distinct()
                .sorted()
                .toList();
        assertEquals(List.of(RuleStatus.values()).stream().sorted().toList(), statuses);
        Path sarif = dir.resolve("hotpatch.sarif");
        Files.writeString(sarif, new SarifReport("0.1.0-SNAPSHOT", VerifyFixtures.CMAKE_ROOT).toJson(subjects));
        assertValid(sarif, dir);
    }

    @Test
    void inspectSarifOfADirectoryHasNoErrorOrWarning(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        VerifyFixtures.copy(NativeFixtures.arm64Hotpatch(), images, true);
        VerifyFixtures.copy(NativeFixtures.arm64Plain(), images, false);
        Files.copy(NativeFixtures.msvcArm64Node(), images.resolve("rollup.node"));
        Inspector.Result result = new Inspector().inspect(images, Optional.empty(), Optional.empty());
        assertEquals(3, result.subjects().size());
        Path sarif = dir.resolve("inspect.sarif");
        Files.writeString(sarif, new SarifReport("0.1.0-SNAPSHOT", images).toJson(result.subjects()));
        assertValid(sarif, dir);
    }

    /** Runs the validator; fails listing every result it reports that is an error or a warning. */
    private static void assertValid(Path sarif, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve(sarif.getFileName() + ".validation.sarif");
        ProcessBuilder pb = new ProcessBuilder(
                        multitool.toString(), "validate", sarif.toString(), "--output", out.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true);
        // no ICU needed: the validator's messages are all it must print
        pb.environment().put("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1");
        Process p = pb.start();
        String console;
        try (InputStream in = p.getInputStream()) {
            console = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "validator timed out");
        assertEquals(0, p.exitValue(), console);
        JsonNode log = new ObjectMapper().readTree(out.toFile());
        List<String> problems = new ArrayList<>();
        for (JsonNode run : log.get("runs")) {
            for (JsonNode r : run.path("results")) {
                // SARIF: a result without a level is a warning
                String level = r.path("level").asText("warning");
                if (level.equals("error") || level.equals("warning")) {
                    problems.add(level + " " + r.path("ruleId").asText() + ": "
                            + r.path("message")
                                    .path("text")
                                    .asText(r.path("message").toString()));
                }
            }
            for (JsonNode invocation : run.path("invocations")) {
                for (JsonNode n : invocation.path("toolExecutionNotifications")) {
                    String level = n.path("level").asText("warning");
                    if (level.equals("error") || level.equals("warning")) {
                        problems.add("tool " + level + ": "
                                + n.path("message").path("text").asText());
                    }
                }
            }
        }
        assertEquals(List.of(), problems, console);
        assertTrue(console.contains("1 files scanned"), console);
    }
}
