package io.github.hotpatch.msbuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.msbuild.eval.EvaluatedConfiguration;
import io.github.hotpatch.msbuild.eval.ProjectEvaluator;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRunner;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.profile.HotpatchProfile;
import io.github.hotpatch.profile.LinkerKind;
import io.github.hotpatch.testing.RecordingLog;
import io.github.hotpatch.testing.StandIn;
import io.github.hotpatch.vcxproj.ProjectConfiguration;
import io.github.hotpatch.verify.HandWrittenProjectInspection;
import io.github.hotpatch.verify.RuleStatus;
import io.github.hotpatch.verify.SubjectReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own project built with the flags, unedited: MSBuild at the process boundary (a recorded-argument
 * stand-in, no real MSBuild here), then the same evaluator the verifier uses on the project plus the .targets file.
 */
class ProjectBuilderStandInTest {

    @TempDir
    Path dir;

    private Path driver(String... replacements) throws IOException {
        String text;
        try (var in = getClass().getResourceAsStream("/msbuild/eval/hotdriver.vcxproj")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            assertTrue(text.contains(replacements[i]), replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Path project = dir.resolve("src/driver/hotdriver.vcxproj");
        Files.createDirectories(project.getParent());
        Files.writeString(project, text);
        return project;
    }

    /** The project without its own hotpatch flags, as a team would have it before adopting the plugin. */
    private Path driverWithoutFlags() throws IOException {
        return driver(
                "%(AdditionalOptions) $(HotpatchLinkFlagsARM64)", "%(AdditionalOptions)",
                " $(HotpatchLinkFlagsX64)</AdditionalOptions>", "</AdditionalOptions>");
    }

    private ProjectBuildRequest request(Path project, Arch arch) {
        return new ProjectBuildRequest(
                project,
                arch,
                HotpatchProfile.of(arch, LinkerKind.MSVC).flags(),
                dir.resolve("target/hotpatch/msbuild"),
                Map.of(),
                Duration.ofMinutes(1));
    }

    @Test
    void msbuildGetsReleaseArm64AndTheTargetsFile_projectUnchanged_verifyProvesTheFlags() throws Exception {
        Path project = driverWithoutFlags();
        byte[] before = Files.readAllBytes(project);
        StandIn msbuild = StandIn.create(dir.resolve("tools"), "MSBuild", "Build succeeded.\n", 0);
        RecordingLog log = new RecordingLog();

        Path targets = new ProjectBuilder(new ToolRunner(), log, platform -> msbuild.executable())
                .build(request(project, Arch.ARM64));

        assertEquals(
                List.of(
                        project.toString(),
                        "/p:Configuration=Release",
                        "/p:Platform=ARM64",
                        "/p:ForceImportAfterCppTargets=" + targets,
                        "/m",
                        "/nologo"),
                msbuild.arguments());
        assertTrue(targets.startsWith(dir.resolve("target/hotpatch/msbuild")), targets.toString());
        assertArrayEquals(before, Files.readAllBytes(project), "the project file was written to");
        String text = Files.readString(targets);
        assertTrue(
                text.contains("<ItemDefinitionGroup Condition=\"'$(Configuration)|$(Platform)'=='Release|ARM64'\">"),
                text);
        assertTrue(
                text.contains("<AdditionalOptions>%(AdditionalOptions) /hotpatchcompatible /profile"
                        + " /incremental:no /pdbinject:mapfile</AdditionalOptions>"),
                text);

        // what MSBuild evaluates: the project plus the .targets file as ForceImportAfterCppTargets
        ProjectEvaluator evaluator = new ProjectEvaluator(
                Map.of(), Map.of(ProjectEvaluator.FORCE_IMPORT_AFTER_CPP_TARGETS, targets.toString()));
        EvaluatedConfiguration release = evaluator.evaluate(project, ProjectConfiguration.parse("Release|ARM64"));
        List<String> options = release.linkOptions();
        assertEquals(
                List.of("/hotpatchcompatible", "/profile", "/incremental:no", "/pdbinject:mapfile"),
                options.subList(options.size() - 4, options.size()));
        assertTrue(release.imports().contains(targets));
        for (String other : List.of("Debug|ARM64", "Debug|x64", "Release|x64")) {
            assertFalse(
                    evaluator
                            .evaluate(project, ProjectConfiguration.parse(other))
                            .linkOptions()
                            .contains("/hotpatchcompatible"),
                    other);
        }

        List<SubjectReport> reports = HandWrittenProjectInspection.verifyBuild(
                project, Arch.ARM64, dir.resolve("target/hotpatch/msbuild"), Map.of());
        assertEquals(1, reports.size());
        assertTrue(reports.get(0).passed(), reports.get(0).results().toString());
        assertTrue(reports.get(0).results().stream()
                .anyMatch(r -> r.id().equals("HP-PRJ-002")
                        && r.status() == RuleStatus.PASS
                        && r.message().startsWith("Release|ARM64: carries the MSVC ARM64 profile")));
    }

    @Test
    void withoutTheBuild_verifyOfTheProjectAloneFails() throws Exception {
        Path project = driverWithoutFlags();
        IOException e = assertThrows(
                IOException.class,
                () -> HandWrittenProjectInspection.verifyBuild(project, Arch.ARM64, dir.resolve("none"), Map.of()));
        assertTrue(e.getMessage().contains("run hotpatch:build"), e.getMessage());
        SubjectReport alone = HandWrittenProjectInspection.inspect(project);
        assertFalse(alone.passed());
    }

    @Test
    void theProjectsOwnForceImportAfterCppTargetsIsImportedFirst() throws Exception {
        Path own = dir.resolve("src/build/own.targets");
        Files.createDirectories(own.getParent());
        Files.writeString(own, """
                <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <ItemDefinitionGroup>
                    <Link><AdditionalOptions>%(AdditionalOptions) /OWN</AdditionalOptions></Link>
                  </ItemDefinitionGroup>
                </Project>
                """);
        Files.writeString(dir.resolve("src/Directory.Build.props"), """
                <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <PropertyGroup>
                    <ForceImportAfterCppTargets>$(MSBuildThisFileDirectory)build\\own.targets</ForceImportAfterCppTargets>
                  </PropertyGroup>
                </Project>
                """);
        Path project = driverWithoutFlags();
        StandIn msbuild = StandIn.create(dir.resolve("tools"), "MSBuild", "", 0);
        Path targets = new ProjectBuilder(new ToolRunner(), new RecordingLog(), platform -> msbuild.executable())
                .build(request(project, Arch.X64));
        String text = Files.readString(targets);
        assertTrue(text.indexOf("<Import Project=\"" + own + "\"") < text.indexOf("<ItemDefinitionGroup"), text);

        EvaluatedConfiguration release = new ProjectEvaluator(
                        Map.of(), Map.of(ProjectEvaluator.FORCE_IMPORT_AFTER_CPP_TARGETS, targets.toString()))
                .evaluate(project, ProjectConfiguration.parse("Release|x64"));
        List<String> options = release.linkOptions();
        assertEquals(
                List.of("/OWN", "/hotpatchcompatible", "/profile", "/incremental:no", "/FUNCTIONPADMIN:6"),
                options.subList(options.size() - 5, options.size()));
    }

    @Test
    void aSolutionBuildsAndVerifiesItsCppProjects() throws Exception {
        Path project = driverWithoutFlags();
        Path sln = dir.resolve("src/all.sln");
        Files.writeString(sln, """
                Microsoft Visual Studio Solution File, Format Version 12.00
                Project("{8BC9CEB8-8B4A-11D0-8D11-00A0C91BC942}") = "hotdriver", "driver\\hotdriver.vcxproj", "{6B1D2C3E-0F4A-4B5C-9D8E-7F6A5B4C3D2E}"
                EndProject
                Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "docs", "docs", "{11111111-2222-3333-4444-555555555555}"
                EndProject
                """);
        StandIn msbuild = StandIn.create(dir.resolve("tools"), "MSBuild", "", 0);
        new ProjectBuilder(new ToolRunner(), new RecordingLog(), platform -> msbuild.executable())
                .build(request(sln, Arch.ARM64));
        assertEquals(sln.toString(), msbuild.arguments().get(0));
        List<SubjectReport> reports = HandWrittenProjectInspection.verifyBuild(
                sln, Arch.ARM64, dir.resolve("target/hotpatch/msbuild"), Map.of());
        assertEquals(
                List.of("hotdriver.vcxproj"),
                reports.stream().map(SubjectReport::name).toList());
        assertTrue(reports.get(0).passed(), reports.get(0).results().toString());
        assertEquals(project, Path.of((String) reports.get(0).facts().get("file")));
    }

    @Test
    void failingMsbuildIsAToolError() throws Exception {
        Path project = driverWithoutFlags();
        StandIn msbuild = StandIn.create(dir.resolve("tools"), "MSBuild", "error LNK1104\n", 1);
        ToolException e = assertThrows(
                ToolException.class,
                () -> new ProjectBuilder(new ToolRunner(), new RecordingLog(), platform -> msbuild.executable())
                        .build(request(project, Arch.ARM64)));
        assertTrue(e.getMessage().contains("LNK1104") || e.getMessage().contains("exit"), e.getMessage());
    }

    @Test
    void notAProject_isRefusedNamingIt() throws Exception {
        Path notAProject = Files.writeString(dir.resolve("CMakeLists.txt"), "project(x)");
        ToolException e =
                assertThrows(ToolException.class, () -> ProjectBuilder.writeTargets(request(notAProject, Arch.ARM64)));
        assertTrue(e.getMessage().contains("expected a .vcxproj or a .sln"), e.getMessage());
    }
}
