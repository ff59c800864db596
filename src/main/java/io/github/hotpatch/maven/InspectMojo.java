package io.github.hotpatch.maven;

import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.report.InspectOutput;
import io.github.hotpatch.verify.Inspector;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Inspects binaries built elsewhere (e.g. CI artifacts) without a build: one PE file, every PE file under a
 * directory, or every PE file inside a zip, each with the PDB found beside it.
 */
@Mojo(name = "inspect", requiresProject = false, threadSafe = true)
public class InspectMojo extends AbstractMojo {

    /** A DLL/EXE, a directory, or a zip to inspect. */
    @Parameter(property = "hotpatch.file", required = true)
    File file;

    /** The PDB of a single file (default: beside it, or the path in its CodeView record). */
    @Parameter(property = "hotpatch.pdb")
    File pdb;

    /** The arch every image must have (ARM64 or x64); default: any of them. */
    @Parameter(property = "hotpatch.arch")
    String arch;

    /** Where the JSON report goes: one object for a file, an array for a directory or zip. */
    @Parameter(property = "hotpatch.report", defaultValue = "${project.build.directory}/hotpatch/inspect.json")
    File report;

    /** Fail when the verdict is NOT_READY (unreadable input always fails). */
    @Parameter(property = "hotpatch.failOnViolation", defaultValue = "false")
    boolean failOnViolation;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Optional<Arch> expected;
        try {
            expected = arch == null || arch.isBlank() ? Optional.empty() : Optional.of(Arch.parse(arch));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("hotpatch.arch: " + e.getMessage(), e);
        }
        Inspector.Result result;
        try {
            result = new Inspector()
                    .inspect(file.toPath(), Optional.ofNullable(pdb).map(File::toPath), expected);
        } catch (IOException e) {
            throw new MojoExecutionException(InspectOutput.oneLine(e.getMessage()), e);
        }
        writeReport(result);
        InspectOutput.table(result).forEach(getLog()::info);
        InspectOutput.unreadable(result).forEach(getLog()::error);
        InspectOutput.verdicts(result).forEach(getLog()::info);
        getLog().info("Report: " + report);
        String unreadable = InspectOutput.unreadableSummary(result);
        if (unreadable != null) {
            throw new MojoExecutionException(unreadable);
        }
        if (failOnViolation && !result.ready()) {
            throw new MojoFailureException(InspectOutput.notReadySummary(result));
        }
    }

    private void writeReport(Inspector.Result result) throws MojoExecutionException {
        try {
            InspectOutput.writeJson(result, report.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + report + ": " + e.getMessage(), e);
        }
    }
}
