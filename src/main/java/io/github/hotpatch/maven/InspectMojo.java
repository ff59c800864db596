package io.github.hotpatch.maven;

import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.report.InspectOutput;
import io.github.hotpatch.verify.Inspector;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
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

    /**
     * Where the JSON report goes: one object for a file, an array for a directory or zip. Default:
     * {@code ${project.build.directory}/hotpatch/inspect.json}, or {@code ./target/hotpatch/inspect.json} when run
     * without a project.
     */
    @Parameter(property = "hotpatch.report")
    File report;

    /** The project's build directory; without a project Maven leaves the expression unresolved. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File projectBuildDirectory;

    /** The directory Maven was started in: the base of the default report without a project. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRootDirectory;

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
        Path out = reportPath();
        try {
            InspectOutput.writeJson(result, out);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + out + ": " + e.getMessage(), e);
        }
        TableLog.log(getLog(), InspectOutput.tableLines(result));
        InspectOutput.unreadable(result).forEach(getLog()::error);
        InspectOutput.verdicts(result).forEach(getLog()::info);
        getLog().info("Report: " + out);
        String unreadable = InspectOutput.unreadableSummary(result);
        if (unreadable != null) {
            throw new MojoExecutionException(unreadable);
        }
        if (!result.ready() && failOnViolation) {
            throw new MojoFailureException(InspectOutput.notReadySummary(result));
        }
        InspectOutput.notReadyWarning(result).ifPresent(getLog()::warn);
    }

    /** The report file: as given, else in the project's build directory, else ./target/hotpatch without a project. */
    Path reportPath() {
        if (report != null) {
            return report.toPath();
        }
        if (projectBuildDirectory != null && !projectBuildDirectory.getPath().contains("${")) {
            return projectBuildDirectory.toPath().resolve("hotpatch").resolve("inspect.json");
        }
        Path base = executionRootDirectory != null
                        && !executionRootDirectory.getPath().contains("${")
                ? executionRootDirectory.toPath()
                : Path.of("").toAbsolutePath();
        return base.resolve("target").resolve("hotpatch").resolve("inspect.json");
    }
}
