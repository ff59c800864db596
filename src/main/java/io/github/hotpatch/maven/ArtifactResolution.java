package io.github.hotpatch.maven;

import io.github.hotpatch.artifact.ArtifactCoordinate;
import io.github.hotpatch.report.InspectOutput;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * Resolves deployed artifacts by coordinates with Maven's own resolver and the session's remote repositories (as
 * settings.xml shapes them: mirrors, credentials, proxies), all of them before anything is inspected.
 */
final class ArtifactResolution {
    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    private final String goal;

    ArtifactResolution(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this("hotpatch:inspect", system, session, repositories);
    }

    /** @param goal the goal that asks, named in the resolver's request context and in the error */
    ArtifactResolution(
            String goal,
            RepositorySystem system,
            RepositorySystemSession session,
            List<RemoteRepository> repositories) {
        this.goal = goal;
        this.system = system;
        this.session = session;
        this.repositories = List.copyOf(repositories);
    }

    /**
     * The local file of every coordinate, in the order given.
     *
     * @throws MojoExecutionException when any cannot be resolved, naming each such coordinate and the repositories
     *     that were asked; nothing is returned then
     */
    Map<ArtifactCoordinate, Path> resolveAll(List<ArtifactCoordinate> coordinates) throws MojoExecutionException {
        List<ArtifactRequest> requests = new ArrayList<>();
        for (ArtifactCoordinate c : coordinates) {
            requests.add(new ArtifactRequest(
                    new DefaultArtifact(
                            c.groupId(), c.artifactId(), c.classifier().orElse(""), c.extension(), c.version()),
                    repositories,
                    goal));
        }
        List<ArtifactResult> results;
        ArtifactResolutionException failure = null;
        try {
            results = system.resolveArtifacts(session, requests);
        } catch (ArtifactResolutionException e) {
            failure = e;
            results = e.getResults();
        }
        Map<ArtifactCoordinate, Path> resolved = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < coordinates.size(); i++) {
            ArtifactResult result = results != null && i < results.size() ? results.get(i) : null;
            File file = result == null || result.getArtifact() == null
                    ? null
                    : result.getArtifact().getFile();
            if (result == null || !result.isResolved() || file == null) {
                String why = result == null || result.getExceptions().isEmpty()
                        ? (failure == null ? "not resolved" : InspectOutput.oneLine(failure.getMessage()))
                        : InspectOutput.oneLine(result.getExceptions().get(0).getMessage());
                missing.add(coordinates.get(i) + ": " + why);
            } else {
                resolved.put(coordinates.get(i), file.toPath());
            }
        }
        if (!missing.isEmpty()) {
            throw new MojoExecutionException(goal + " cannot resolve " + missing.size() + " of "
                    + coordinates.size() + " artifact(s), so nothing was inspected:\n  " + String.join("\n  ", missing)
                    + "\nrepositories asked: " + describe(repositories) + "; local repository: "
                    + session.getLocalRepository().getBasedir());
        }
        return resolved;
    }

    static String describe(List<RemoteRepository> repositories) {
        if (repositories.isEmpty()) {
            return "none (offline, or no repository in settings.xml / the pom)";
        }
        return repositories.stream()
                .map(r -> r.getId() + " (" + r.getUrl() + ")")
                .collect(Collectors.joining(", "));
    }
}
