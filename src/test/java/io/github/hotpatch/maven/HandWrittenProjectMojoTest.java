package io.github.hotpatch.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.testing.StandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals on a hand-written project, as Maven builds them from the plugin descriptor. MSBuild is a
 * recorded-argument stand-in: these tests cover the command and the evaluation, not a Windows build.
 */
@MojoTest
class HandWrittenProjectMojoTest {

    @TempDir
    Path tempDir;

    private Path driver(boolean withFlags) throws Exception {
        String text;
        try (var in = getClass().getResourceAsStream("/msbuild/eval/hotdriver.vcxproj")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!withFlags) {
            text = text.replace("%(AdditionalOptions) $(HotpatchLinkFlagsARM64)", "%(AdditionalOptions)");
        }
        Path project = tempDir.resolve("driver/hotdriver.vcxproj");
        Files.createDirectories(project.getParent());
        Files.writeString(project, text);
        return project;
    }

    @Test
    @InjectMojo(goal = "build")
    @MojoParameter(name = "builder", value = "msbuild")
    void build_passesTheTargetsFileToMsbuild(BuildMojo mojo) throws Exception {
        Path project = driver(false);
        StandIn msbuild = StandIn.create(tempDir.resolve("tools"), "MSBuild.exe", "", 0);
        mojo.project = project.toFile();
        mojo.projectBuildDirectory = tempDir.resolve("target/hotpatch/msbuild").toFile();
        mojo.msbuildExecutable = msbuild.executable().toFile();
        mojo.execute();
        Path targets = tempDir.resolve("target/hotpatch/msbuild/hotdriver.vcxproj.Release-ARM64.hotpatch.targets");
        assertEquals(
                List.of(
                        project.toString(),
                        "/p:Configuration=Release",
                        "/p:Platform=ARM64",
                        "/p:ForceImportAfterCppTargets=" + targets,
                        "/m",
                        "/nologo"),
                msbuild.arguments());
        assertTrue(Files.readString(targets).contains("/hotpatchcompatible"));
    }

    @Test
    @InjectMojo(goal = "build")
    void build_projectWithTheCmakeBuilder_isRefused(BuildMojo mojo) throws Exception {
        mojo.project = driver(false).toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("set builder=msbuild"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify")
    void verify_withoutABuild_asksForOne(VerifyMojo mojo) throws Exception {
        mojo.project = driver(false).toFile();
        mojo.projectBuildDirectory = tempDir.resolve("target/hotpatch/msbuild").toFile();
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("run hotpatch:build"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "inspect")
    @MojoParameter(name = "failOnViolation", value = "true")
    void inspect_failOnViolation_namesTheConfigurationAndTheRule(InspectMojo mojo) throws Exception {
        mojo.file = driver(false).toFile();
        mojo.report = tempDir.resolve("inspect.json").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("NOT_READY: hotdriver.vcxproj [Release|ARM64] HP-PRJ-002", e.getMessage());
        assertTrue(Files.readString(mojo.report.toPath()).contains("\"kind\": \"vcxproj\""));
    }

    @Test
    @InjectMojo(goal = "inspect")
    @MojoParameter(name = "failOnViolation", value = "true")
    void inspect_projectWithBothProfiles_isReady(InspectMojo mojo) throws Exception {
        mojo.file = driver(true).toFile();
        mojo.report = tempDir.resolve("inspect.json").toFile();
        mojo.execute();
        assertTrue(Files.readString(mojo.report.toPath()).contains("\"verdict\": \"PROJECT_RULES_PASSED\""));
    }
}
