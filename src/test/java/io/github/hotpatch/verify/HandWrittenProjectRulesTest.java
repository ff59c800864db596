package io.github.hotpatch.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.json.JsonReader;
import io.github.hotpatch.report.JsonReport;
import io.github.hotpatch.report.JunitReport;
import io.github.hotpatch.report.SarifReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-configuration rules on a hand-written driver project and edits of it (the project file is copied). */
class HandWrittenProjectRulesTest {

    @TempDir
    Path dir;

    private Path project(String... replacements) throws IOException {
        String text;
        try (var in = getClass().getResourceAsStream("/msbuild/eval/hotdriver.vcxproj")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(text.contains(replacements[i]), replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Path file = dir.resolve("src/hotdriver.vcxproj");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static RuleResult result(SubjectReport report, String id, String configuration) {
        return report.results().stream()
                .filter(r -> r.id().equals(id)
                        && HandWrittenProjectRules.configurationOf(r).equals(configuration))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " " + configuration + " in " + report.results()));
    }

    @Test
    void driverWithBothProfiles_isReady_withPgoAndNoIcfWarnings() throws IOException {
        SubjectReport report = HandWrittenProjectInspection.inspect(project());
        assertTrue(report.passed(), report.results().toString());
        assertEquals(
                RuleStatus.PASS, result(report, "HP-PRJ-002", "Release|ARM64").status());
        assertEquals(
                RuleStatus.PASS, result(report, "HP-PRJ-002", "Release|x64").status());
        assertEquals(RuleStatus.PASS, result(report, "HP-PRJ-003", "Debug|x64").status());
        assertEquals(
                RuleStatus.PASS, result(report, "HP-PRJ-003", "Debug|ARM64").status());
        assertEquals(
                RuleStatus.PASS, result(report, "HP-PRJ-004", "Release|ARM64").status());
        RuleResult x64 = result(report, "HP-PRJ-004", "Release|x64");
        assertEquals(RuleStatus.DEVIATION, x64.status());
        assertTrue(x64.message().contains("/USEPROFILE:PGD="), x64.message());
        assertEquals(SubjectReport.KIND_VCXPROJ, report.kind());
    }

    @Test
    void projectWithoutTheArm64Flags_failsNamingReleaseArm64() throws IOException {
        SubjectReport report = HandWrittenProjectInspection.inspect(
                project("%(AdditionalOptions) $(HotpatchLinkFlagsARM64)", "%(AdditionalOptions)"));
        RuleResult arm64 = result(report, "HP-PRJ-002", "Release|ARM64");
        assertEquals(RuleStatus.FAIL, arm64.status());
        assertTrue(
                arm64.message()
                        .startsWith("Release|ARM64: lacks /hotpatchcompatible /profile /incremental:no"
                                + " /pdbinject:mapfile"),
                arm64.message());
        assertFalse(report.passed());
        assertEquals(
                RuleStatus.PASS, result(report, "HP-PRJ-002", "Release|x64").status());
    }

    @Test
    void hotpatchFlagInDebug_fails() throws IOException {
        SubjectReport report = HandWrittenProjectInspection.inspect(
                project("'$(Configuration)|$(Platform)'=='Release|ARM64'", "'$(Platform)'=='ARM64'"));
        RuleResult debug = result(report, "HP-PRJ-003", "Debug|ARM64");
        assertEquals(RuleStatus.FAIL, debug.status());
        assertTrue(debug.message().contains("/hotpatchcompatible"), debug.message());
    }

    @Test
    void createHotPatchableImageElement_standsForFunctionPadmin() throws IOException {
        SubjectReport report = HandWrittenProjectInspection.inspect(project(
                "/incremental:no /FUNCTIONPADMIN:6</HotpatchLinkFlagsX64>",
                "/incremental:no</HotpatchLinkFlagsX64>",
                "<LinkTimeCodeGeneration>",
                "<CreateHotPatchableImage Condition=\"'$(Platform)'=='x64'\">X64Image</CreateHotPatchableImage>"
                        + "<LinkTimeCodeGeneration>"));
        RuleResult x64 = result(report, "HP-PRJ-002", "Release|x64");
        assertEquals(RuleStatus.PASS, x64.status(), x64.message());
        assertTrue(x64.message().contains("<CreateHotPatchableImage>X64Image"), x64.message());
    }

    @Test
    void icfAfterProfile_isAConflictWarning_andIncrementalAfterIncrementalNoFails() throws IOException {
        SubjectReport report = HandWrittenProjectInspection.inspect(project(
                "%(AdditionalOptions) $(HotpatchLinkFlagsARM64)",
                "%(AdditionalOptions) $(HotpatchLinkFlagsARM64) /OPT:REF,ICF",
                "$(HotpatchLinkFlagsX64)</AdditionalOptions>",
                "$(HotpatchLinkFlagsX64) /INCREMENTAL</AdditionalOptions>"));
        RuleResult arm64 = result(report, "HP-PRJ-004", "Release|ARM64");
        assertEquals(RuleStatus.DEVIATION, arm64.status());
        assertTrue(arm64.message().contains("/OPT:REF,ICF after /PROFILE"), arm64.message());
        assertEquals(
                RuleStatus.FAIL, result(report, "HP-PRJ-004", "Release|x64").status());
    }

    @Test
    void staticLibrary_hasNoLinkStep() throws IOException {
        SubjectReport report = HandWrittenProjectInspection.inspect(project(
                "<ConfigurationType>Driver</ConfigurationType>", "<ConfigurationType>StaticLibrary</ConfigurationType>",
                "%(AdditionalOptions) $(HotpatchLinkFlagsARM64)", "%(AdditionalOptions)"));
        assertTrue(report.results().stream().allMatch(r -> r.status() == RuleStatus.NOT_APPLICABLE));
        assertTrue(result(report, "HP-PRJ-002", "Release|ARM64")
                .message()
                .contains("StaticLibrary, which has no link step"));
        assertTrue(report.passed());
    }

    @Test
    void unevaluatedLinkInput_makesTheVerdictNotApplicable_namingIt() throws IOException {
        SubjectReport report = HandWrittenProjectInspection.inspect(project(
                "%(AdditionalOptions) $(HotpatchLinkFlagsARM64)", "%(AdditionalOptions) $([MSBuild]::Escape('x'))"));
        RuleResult arm64 = result(report, "HP-PRJ-002", "Release|ARM64");
        assertEquals(RuleStatus.NOT_APPLICABLE, arm64.status());
        assertTrue(
                arm64.message().contains("hotdriver.vcxproj:69")
                        && arm64.message().contains("property function"),
                arm64.message());
    }

    @Test
    void onlyTheBuiltConfigurationIsJudgedAgainstAProfile() throws IOException {
        Path file = project("$(HotpatchLinkFlagsX64)</AdditionalOptions>", "</AdditionalOptions>");
        SubjectReport report = HandWrittenProjectInspection.inspect(
                file,
                new io.github.hotpatch.msbuild.eval.ProjectEvaluator(Map.of(), Map.of()),
                Optional.of(io.github.hotpatch.vcxproj.ProjectConfiguration.parse("Release|ARM64")));
        assertEquals(
                RuleStatus.NOT_APPLICABLE,
                result(report, "HP-PRJ-002", "Release|x64").status());
        assertTrue(report.passed());
    }

    @Test
    void jsonReportHasFileKindConfigurationsRulesVerdict() throws Exception {
        SubjectReport report = HandWrittenProjectInspection.inspect(project());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(new JsonReport().toJson(report));
        assertEquals(List.of("file", "kind", "configurations", "rules", "verdict"), List.copyOf(json.keySet()));
        assertEquals("vcxproj", json.get("kind"));
        assertEquals("PROJECT_RULES_PASSED", json.get("verdict"));
        List<?> configurations = (List<?>) json.get("configurations");
        Map<?, ?> arm64 = (Map<?, ?>) configurations.get(3);
        assertEquals("Release|ARM64", arm64.get("name"));
        assertEquals(
                List.of("name", "configurationType", "linkOptions", "evidence", "notEvaluated"),
                List.copyOf(arm64.keySet()));
        List<?> options = (List<?>) arm64.get("linkOptions");
        assertEquals("/PDBINJECT:MAPFILE", options.get(options.size() - 1));
        Map<?, ?> firstNotEvaluated = (Map<?, ?>) ((List<?>) arm64.get("notEvaluated")).get(0);
        assertEquals(31L, ((Number) firstNotEvaluated.get("line")).longValue());

        ByteArrayOutputStream sarif = new ByteArrayOutputStream();
        new SarifReport("test", dir).write(List.of(report), sarif);
        assertTrue(sarif.toString(StandardCharsets.UTF_8).contains("\"subjectKind\": \"vcxproj\""));
        ByteArrayOutputStream junit = new ByteArrayOutputStream();
        new JunitReport().write(List.of(report), junit);
        assertTrue(junit.toString(StandardCharsets.UTF_8).contains("HP-PRJ-002"));
    }

    @Test
    void inspectorTakesAProjectOrADirectoryOfProjects() throws IOException {
        Path file = project();
        Inspector.Result one = new Inspector().inspect(file, Optional.empty(), Optional.empty());
        assertTrue(one.single() && one.ready());
        Files.writeString(dir.resolve("src/broken.vcxproj"), "<Project");
        Inspector.Result many = new Inspector().inspect(dir, Optional.empty(), Optional.empty());
        assertEquals(1, many.subjects().size());
        assertEquals(1, many.unreadable().size());
        assertTrue(many.unreadable().get(0).file().endsWith("broken.vcxproj"));
        assertFalse(many.ready());
        // a directory with a binary is inspected for its binaries, as before
        Files.writeString(dir.resolve("src/x.dll"), "MZ not really");
        Inspector.Result binaries = new Inspector().inspect(dir, Optional.empty(), Optional.empty());
        assertTrue(binaries.subjects().isEmpty());
        assertTrue(
                binaries.unreadable().get(0).file().endsWith("x.dll"),
                binaries.unreadable().toString());
    }
}
