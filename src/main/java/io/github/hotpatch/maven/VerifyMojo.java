package io.github.hotpatch.maven;

import io.github.hotpatch.cmake.BuildVariant;
import io.github.hotpatch.cmake.ReplyCheck;
import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.report.ConsoleTable;
import io.github.hotpatch.report.ReportFiles;
import io.github.hotpatch.verify.HandWrittenProjectInspection;
import io.github.hotpatch.verify.RuleResult;
import io.github.hotpatch.verify.SubjectReport;
import io.github.hotpatch.verify.VariantVerifier;
import io.github.hotpatch.verify.Verdict;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Proves, rule by rule, that each configured variant is hotpatch-ready: the generated project carries the
 * profile's flags in Release only, and the Release DLL + PDB carry the evidence. Writes JSON, SARIF and JUnit
 * reports and fails the build on any violation.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractVariantsMojo {

    /** Fail the build when a rule fails (deviations never fail it). */
    @Parameter(property = "hotpatch.failOnViolation", defaultValue = "true")
    boolean failOnViolation;

    /** Check the built binaries too; false checks the generated projects only. */
    @Parameter(property = "hotpatch.checkBinaries", defaultValue = "true")
    boolean checkBinaries;

    /** Where {@code <variant>.json}, {@code hotpatch.sarif} and {@code TEST-hotpatch.xml} are written. */
    @Parameter(property = "hotpatch.reportDirectory", defaultValue = "${project.build.directory}/hotpatch")
    File reportDirectory;

    /** The plugin's own version, named as the tool version in the SARIF report. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    /**
     * The .vcxproj or .sln hotpatch:build built with builder=msbuild: verified by evaluating it with the plugin's
     * .targets file (from {@code projectBuildDirectory}) for Release|{@code arch}, instead of the CMake variants.
     */
    @Parameter(property = "hotpatch.project")
    File project;

    /** The platform the {@code project} build made in Release: ARM64 or x64. */
    @Parameter(property = "hotpatch.arch", defaultValue = "ARM64")
    String arch;

    /** Where hotpatch:build wrote the {@code project} build's .targets file. */
    @Parameter(
            property = "hotpatch.projectBuildDirectory",
            defaultValue = "${project.build.directory}/hotpatch/msbuild")
    File projectBuildDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("hotpatch:verify skipped (hotpatch.skip)");
            return;
        }
        List<SubjectReport> subjects = new ArrayList<>();
        if (project != null) {
            try {
                subjects.addAll(HandWrittenProjectInspection.verifyBuild(
                        project.toPath(), Arch.parse(arch), projectBuildDirectory.toPath(), System.getenv()));
            } catch (IOException | IllegalArgumentException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        } else {
            List<BuildVariant> variants = selectedVariants();
            try {
                // An unknown target, or one that is no DLL, is one configuration error, not a violation per rule.
                ReplyCheck.requireReadable(buildPath(), variants, Optional.empty(), target, "hotpatch:verify");
            } catch (ToolException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
            VariantVerifier verifier = new VariantVerifier();
            for (BuildVariant variant : variants) {
                try {
                    subjects.add(verifier.verify(
                            buildPath().resolve(variant.name()), variant.name(), target, checkBinaries));
                } catch (VariantVerifier.NotVerifiable e) {
                    throw new MojoExecutionException(e.getMessage(), e);
                }
            }
        }
        List<Path> written;
        try {
            written = ReportFiles.writeAll(reportDirectory.toPath(), sourcePath(), pluginVersion, subjects);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write reports to " + reportDirectory + ": " + e.getMessage(), e);
        }
        TableLog.log(getLog(), new ConsoleTable().lines(subjects));
        getLog().info("Reports: " + written);
        List<String> violations = new ArrayList<>();
        for (SubjectReport subject : subjects) {
            for (RuleResult r : subject.violations()) {
                violations.add(subject.name() + " " + r.id() + " " + r.title() + ": " + r.message());
            }
        }
        if (violations.isEmpty() && subjects.stream().allMatch(s -> Verdict.of(s) == Verdict.HOTPATCH_READY)) {
            getLog().info("hotpatch:verify: every variant is hotpatch-ready (" + subjects.size() + " checked)");
        } else if (violations.isEmpty() && project != null) {
            getLog().info("hotpatch:verify: PROJECT_RULES_PASSED for " + project + ": its evaluated Release|" + arch
                    + " link options carry the profile; a hand-written project's binaries are checked with"
                    + " hotpatch:inspect on the DLL/SYS and its PDB");
        } else if (violations.isEmpty()) {
            getLog().info("hotpatch:verify: PROJECT_RULES_PASSED for every variant (" + subjects.size()
                    + " checked); the binaries were not checked (hotpatch.checkBinaries=false), so nothing is"
                    + " proven about the DLLs");
        } else if (failOnViolation) {
            throw new MojoFailureException("hotpatch:verify found " + violations.size() + " violation(s):\n  "
                    + String.join("\n  ", violations));
        } else {
            // The table above has every failing rule with its full message; one line says what it adds up to.
            ConsoleTable.notReadySummary(subjects, "variant")
                    .ifPresent(s -> getLog().warn(s + " (failOnViolation=false, so the build goes on)"));
        }
    }
}
