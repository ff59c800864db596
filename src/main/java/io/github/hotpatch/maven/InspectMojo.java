package io.github.hotpatch.maven;

import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.report.ConsoleTable;
import io.github.hotpatch.report.JsonReport;
import io.github.hotpatch.verify.Inspector;
import io.github.hotpatch.verify.SubjectReport;
import io.github.hotpatch.verify.UnreadableSubject;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
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
            throw new MojoExecutionException(oneLine(e.getMessage()), e);
        }
        writeReport(result);
        TableLog.log(getLog(), new ConsoleTable().lines(result.subjects()));
        for (UnreadableSubject u : result.unreadable()) {
            getLog().error("unreadable: " + u.file() + ": " + oneLine(u.error()));
        }
        for (SubjectReport s : result.subjects()) {
            getLog().info(s.name() + ": " + JsonReport.verdict(s));
        }
        getLog().info("Report: " + reportPath());
        if (!result.unreadable().isEmpty()) {
            throw new MojoExecutionException(result.unreadable().size() + " file(s) could not be read, first: "
                    + result.unreadable().get(0).file() + ": "
                    + oneLine(result.unreadable().get(0).error()));
        }
        if (!result.ready() && failOnViolation) {
            throw new MojoFailureException(notReadyMessage(result));
        }
        if (!result.ready() && result.single()) {
            ConsoleTable.notReadySummary(result.subjects(), "file")
                    .ifPresent(s -> getLog().warn(s + " (failOnViolation=false)"));
        } else if (!result.ready()) {
            // Many files: the count only; the table above names every failing rule with its message.
            long failing = result.subjects().stream().filter(s -> !s.passed()).count();
            getLog().warn("NOT_READY: " + failing + " of " + result.subjects().size()
                    + " files not hotpatch-ready (failOnViolation=false; the table above has each failing rule)");
        }
    }

    /** One file: its first failing rule and message. Several: the count, then one line per failing file. */
    static String notReadyMessage(Inspector.Result result) {
        if (result.single()) {
            SubjectReport s = result.subjects().get(0);
            return s.results().stream()
                    .filter(r -> r.status().isViolation())
                    .findFirst()
                    .map(r -> "NOT_READY: " + s.name() + " " + r.id() + " " + oneLine(r.message()))
                    .orElse("NOT_READY: " + s.name());
        }
        return String.join("\n", ConsoleTable.failingFiles(result.subjects()));
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

    private void writeReport(Inspector.Result result) throws MojoExecutionException {
        Path out = reportPath();
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                JsonReport json = new JsonReport();
                if (result.single()) {
                    json.write(result.subjects().get(0), stream);
                } else {
                    json.writeArray(result.subjects(), result.unreadable(), stream);
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
    }
}
