package io.github.hotpatch.maven;

import io.github.hotpatch.artifact.ArtifactCoordinate;
import io.github.hotpatch.artifact.FanInInputs;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.report.ConsoleTable;
import io.github.hotpatch.report.JsonReport;
import io.github.hotpatch.report.JunitReport;
import io.github.hotpatch.report.ReportFiles;
import io.github.hotpatch.report.SarifReport;
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
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Inspects binaries built elsewhere (e.g. CI artifacts) without a build: one PE file, every PE file under a
 * directory, or every PE file inside a zip, each with the PDB found beside it. With {@code artifacts}, it is the
 * fan-in gate of a pipeline that builds one variant per agent: every listed deployed artifact is resolved first
 * (Maven's resolver, the session's repositories), then all are inspected into one report.
 */
@Mojo(name = "inspect", requiresProject = false, threadSafe = true)
public class InspectMojo extends AbstractMojo {

    /** A DLL/EXE, a directory, or a zip to inspect (required unless {@code artifacts} is given). */
    @Parameter(property = "hotpatch.file")
    File file;

    /**
     * Deployed artifacts to inspect together, as {@code groupId:artifactId:version[:extension[:classifier]]}
     * (dependency:get's form; extension default {@code zip}), comma-separated on the command line. Zips are read in
     * place, dll/exe artifacts directly (with the pdb of the same coordinates when listed too), import libraries are
     * only resolved. All are resolved before anything is inspected; one that cannot be fails the goal.
     */
    @Parameter(property = "hotpatch.artifacts")
    List<String> artifacts;

    /** The plugin's own version, named as the tool version in the SARIF report. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    /** The Maven session: its resolver session and remote repositories resolve {@code artifacts}. */
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

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

    private final RepositorySystem repositorySystem;

    @Inject
    public InspectMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

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
            result = artifacts != null && !artifacts.isEmpty()
                    ? inspectArtifacts(expected)
                    : new Inspector()
                            .inspect(
                                    requiredFile().toPath(),
                                    Optional.ofNullable(pdb).map(File::toPath),
                                    expected);
        } catch (IOException e) {
            throw new MojoExecutionException(oneLine(e.getMessage()), e);
        }
        writeReport(result);
        new ConsoleTable().render(result.subjects()).forEach(getLog()::info);
        for (UnreadableSubject u : result.unreadable()) {
            getLog().error("unreadable: " + (u.artifact() == null ? "" : u.artifact() + ": ") + u.file() + ": "
                    + oneLine(u.error()));
        }
        for (SubjectReport s : result.subjects()) {
            getLog().info(s.name() + ": " + JsonReport.verdict(s));
        }
        getLog().info("Report: " + report + " (and " + ReportFiles.SARIF_FILE + ", " + ReportFiles.JUNIT_FILE
                + " beside it)");
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
                        failing.add(s.name() + " " + r.id());
                    }
                }
            }
            throw new MojoFailureException("NOT_READY: " + String.join(", ", failing));
        }
    }

    private File requiredFile() throws MojoExecutionException {
        if (file == null) {
            throw new MojoExecutionException("hotpatch:inspect needs -Dhotpatch.file=<dll, directory or zip> or"
                    + " -Dhotpatch.artifacts=<groupId:artifactId:version[:extension[:classifier]],...>");
        }
        return file;
    }

    /** Fan-in: resolve every coordinate first (nothing is half-reported), then inspect all into one result. */
    private Inspector.Result inspectArtifacts(Optional<Arch> expected) throws MojoExecutionException, IOException {
        List<ArtifactCoordinate> coordinates;
        try {
            coordinates = ArtifactCoordinate.parseAll(artifacts);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("hotpatch.artifacts: " + e.getMessage(), e);
        }
        Map<ArtifactCoordinate, Path> resolved = new ArtifactResolution(
                        repositorySystem,
                        session.getRepositorySession(),
                        session.getCurrentProject().getRemoteProjectRepositories())
                .resolveAll(coordinates);
        resolved.forEach((c, path) -> getLog().info("resolved " + c + ": " + path));
        FanInInputs.Plan plan;
        try {
            plan = FanInInputs.of(resolved);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("hotpatch.artifacts: " + e.getMessage(), e);
        }
        plan.notInspected()
                .forEach(c -> getLog().info(c + ": resolved; an import library carries no hotpatch evidence,"
                        + " so it is not inspected"));
        List<Inspector.Input> inputs = new ArrayList<>(plan.inputs());
        if (file != null) {
            inputs.add(new Inspector.Input(
                    file.toString(), file.toPath(), Optional.ofNullable(pdb).map(File::toPath)));
        }
        return new Inspector().inspectAll(inputs, expected);
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
            // The same subjects for code scanning and test tabs, beside the JSON report.
            Path dir = out.toAbsolutePath().getParent();
            try (OutputStream stream = Files.newOutputStream(dir.resolve(ReportFiles.SARIF_FILE))) {
                new SarifReport(
                                pluginVersion == null ? "unknown" : pluginVersion,
                                Path.of("").toAbsolutePath())
                        .write(result.subjects(), stream);
            }
            try (OutputStream stream = Files.newOutputStream(dir.resolve(ReportFiles.JUNIT_FILE))) {
                new JunitReport().write(result.subjects(), stream);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
    }
}
