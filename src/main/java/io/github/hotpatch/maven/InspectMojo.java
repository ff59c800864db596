package io.github.hotpatch.maven;

import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.report.ConsoleTable;
import io.github.hotpatch.report.JsonReport;
import io.github.hotpatch.verify.HandWrittenProjectRules;
import io.github.hotpatch.verify.Inspector;
import io.github.hotpatch.verify.RuleResult;
import io.github.hotpatch.verify.SubjectReport;
import io.github.hotpatch.verify.UnreadableSubject;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Inspects binaries built elsewhere (e.g. CI artifacts) without a build: one PE file, every PE file under a
 * directory, or every PE file inside a zip, each with the PDB found beside it. Or a hand-written MSBuild project
 * ({@code .vcxproj}, or a directory of them): evaluated per configuration, with the project rules per configuration.
 */
@Mojo(name = "inspect", requiresProject = false, threadSafe = true)
public class InspectMojo extends AbstractMojo {

    /** A DLL/EXE, a directory, or a zip to inspect; or a .vcxproj, or a directory holding .vcxproj files. */
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
            throw new MojoExecutionException(oneLine(e.getMessage()), e);
        }
        writeReport(result);
        new ConsoleTable().render(result.subjects()).forEach(getLog()::info);
        for (UnreadableSubject u : result.unreadable()) {
            getLog().error("unreadable: " + u.file() + ": " + oneLine(u.error()));
        }
        for (SubjectReport s : result.subjects()) {
            getLog().info(s.name() + ": " + JsonReport.verdict(s));
        }
        getLog().info("Report: " + report);
        if (!result.unreadable().isEmpty()) {
            throw new MojoExecutionException(result.unreadable().size() + " file(s) could not be read, first: "
                    + result.unreadable().get(0).file() + ": "
                    + oneLine(result.unreadable().get(0).error()));
        }
        if (failOnViolation && !result.ready()) {
            List<String> failing = new ArrayList<>();
            for (SubjectReport s : result.subjects()) {
                for (RuleResult r : s.results()) {
                    if (r.status().isViolation()) {
                        failing.add(
                                s.kind().equals(SubjectReport.KIND_VCXPROJ)
                                        ? s.name() + " [" + HandWrittenProjectRules.configurationOf(r) + "] " + r.id()
                                        : s.name() + " " + r.id());
                    }
                }
            }
            throw new MojoFailureException("NOT_READY: " + String.join(", ", failing));
        }
    }

    private void writeReport(Inspector.Result result) throws MojoExecutionException {
        Path out = report.toPath();
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
