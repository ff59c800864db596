package io.github.hotpatch.maven;

import io.github.hotpatch.artifact.ArtifactCoordinate;
import io.github.hotpatch.artifact.FanInInputs;
import io.github.hotpatch.profile.Arch;
import io.github.hotpatch.report.InspectOutput;
import io.github.hotpatch.report.ReportFiles;
import io.github.hotpatch.verify.Inspector;
import java.io.File;
import java.io.IOException;
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
            throw new MojoExecutionException(InspectOutput.oneLine(e.getMessage()), e);
        }
        Path out = reportPath();
        // The same subjects for code scanning and test tabs, beside the JSON report.
        Path dir = out.toAbsolutePath().getParent();
        Path sarif = dir.resolve(ReportFiles.SARIF_FILE);
        Path junit = dir.resolve(ReportFiles.JUNIT_FILE);
        try {
            InspectOutput.writeJson(result, out);
            InspectOutput.writeSarif(
                    result,
                    sarif,
                    pluginVersion == null ? "unknown" : pluginVersion,
                    Path.of("").toAbsolutePath());
            InspectOutput.writeJunit(result, junit);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the reports beside " + out + ": " + e.getMessage(), e);
        }
        TableLog.log(getLog(), InspectOutput.tableLines(result));
        InspectOutput.unreadable(result).forEach(getLog()::error);
        InspectOutput.verdicts(result).forEach(getLog()::info);
        result.skipped().forEach(s -> getLog().debug("skipped: " + s.file() + ": " + s.reason()));
        InspectOutput.skippedSummary(result).ifPresent(getLog()::info);
        getLog().info("Report: " + out);
        getLog().info("SARIF and JUnit reports: " + sarif + ", " + junit);
        String unreadable = InspectOutput.unreadableSummary(result);
        if (unreadable != null) {
            throw new MojoExecutionException(unreadable);
        }
        if (!result.ready() && failOnViolation) {
            throw new MojoFailureException(InspectOutput.notReadySummary(result));
        }
        InspectOutput.notReadyWarning(result).ifPresent(getLog()::warn);
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
