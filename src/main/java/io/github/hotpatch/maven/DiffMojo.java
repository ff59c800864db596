package io.github.hotpatch.maven;

import io.github.hotpatch.artifact.ArtifactCoordinate;
import io.github.hotpatch.diff.DiffInput;
import io.github.hotpatch.diff.DiffReport;
import io.github.hotpatch.diff.Differ;
import io.github.hotpatch.diff.Verdict;
import io.github.hotpatch.report.DiffConsoleTable;
import io.github.hotpatch.report.DiffReportFiles;
import io.github.hotpatch.report.InspectOutput;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
 * Which functions a patched build changes against its released base, and whether the change can ship as a hotpatch.
 * Each side is a DLL (its PDB found as inspect finds it) or a zip holding one DLL and its PDB. Writes diff.json and
 * diff.sarif; an unreadable input fails the goal, it is never a verdict.
 */
@Mojo(name = "diff", requiresProject = false, threadSafe = true)
public class DiffMojo extends AbstractMojo {

    /** The released base: a DLL or a zip. */
    @Parameter(property = "hotpatch.base")
    File base;

    /**
     * The released base as Maven coordinates, {@code groupId:artifactId:version[:extension[:classifier]]} as for the
     * fan-in inspect (extension default {@code zip}, e.g. the zip hotpatch:attach deployed for the variant). Resolved
     * with Maven's resolver and the session's repositories (settings.xml mirrors, credentials, proxies apply).
     */
    @Parameter(property = "hotpatch.baseCoordinates")
    String baseCoordinates;

    /** The base's PDB, when it is not beside it. */
    @Parameter(property = "hotpatch.basePdb")
    File basePdb;

    /** The patched build: a DLL or a zip. */
    @Parameter(property = "hotpatch.patched", required = true)
    File patched;

    /** The patched build's PDB, when it is not beside it. */
    @Parameter(property = "hotpatch.patchedPdb")
    File patchedPdb;

    /** Where diff.json and diff.sarif go. */
    @Parameter(property = "hotpatch.reportDirectory", defaultValue = "${project.build.directory}/hotpatch")
    File reportDirectory;

    /** Fail the goal unless the verdict is HOTPATCH_CANDIDATE: the patch-release gate. */
    @Parameter(property = "hotpatch.failUnlessCandidate", defaultValue = "false")
    boolean failUnlessCandidate;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    String pluginVersion;

    /** The Maven session: its resolver session and remote repositories resolve {@link #baseCoordinates}. */
    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    private final RepositorySystem repositorySystem;

    /** Resolves {@link #baseCoordinates}; Maven's resolver unless a test sets another. */
    Optional<Differ.CoordinatesResolver> resolver = Optional.empty();

    @Inject
    public DiffMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path basePath = basePath();
        DiffReport report;
        try (DiffInput b = DiffInput.of(basePath, Optional.ofNullable(basePdb).map(File::toPath));
                DiffInput p = DiffInput.of(
                        patched.toPath(), Optional.ofNullable(patchedPdb).map(File::toPath))) {
            report = Differ.diff(b, p);
        } catch (IOException e) {
            throw new MojoExecutionException(InspectOutput.oneLine(e.getMessage()), e);
        }
        DiffConsoleTable.render(report).forEach(getLog()::info);
        List<Path> written;
        try {
            written = DiffReportFiles.writeAll(
                    reportDirectory.toPath(),
                    reportDirectory.toPath(),
                    pluginVersion == null ? "unknown" : pluginVersion,
                    report);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "cannot write the diff reports: " + InspectOutput.oneLine(e.getMessage()), e);
        }
        written.forEach(f -> getLog().info("Report: " + f));
        if (failUnlessCandidate && report.verdict() != Verdict.HOTPATCH_CANDIDATE) {
            throw new MojoFailureException(report.verdict() + ": "
                    + String.join(
                            "; ",
                            report.reasons().stream()
                                    .map(r -> r.code() + " " + r.subject())
                                    .toList()));
        }
    }

    private Path basePath() throws MojoExecutionException {
        if (base != null && baseCoordinates != null && !baseCoordinates.isBlank()) {
            throw new MojoExecutionException("give hotpatch.base or hotpatch.baseCoordinates, not both");
        }
        if (base != null) {
            return base.toPath();
        }
        if (baseCoordinates == null || baseCoordinates.isBlank()) {
            throw new MojoExecutionException("hotpatch.base (a DLL or zip) or hotpatch.baseCoordinates is required");
        }
        if (resolver.isPresent()) {
            try {
                return resolver.get().resolve(baseCoordinates);
            } catch (IOException e) {
                throw new MojoExecutionException(InspectOutput.oneLine(e.getMessage()), e);
            }
        }
        ArtifactCoordinate coordinate;
        try {
            coordinate = ArtifactCoordinate.parse(baseCoordinates.trim());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("hotpatch.baseCoordinates: " + e.getMessage(), e);
        }
        if (repositorySystem == null || session == null) {
            throw new MojoExecutionException("hotpatch.baseCoordinates=" + baseCoordinates
                    + " needs Maven's resolver, which this run has no session for; give the base as hotpatch.base");
        }
        return new ArtifactResolution(
                        "hotpatch:diff",
                        repositorySystem,
                        session.getRepositorySession(),
                        session.getCurrentProject().getRemoteProjectRepositories())
                .resolveAll(List.of(coordinate))
                .get(coordinate);
    }
}
