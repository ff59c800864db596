package io.github.hotpatch.msbuild.eval;

import io.github.hotpatch.vcxproj.ProjectConfiguration;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A hand-written project evaluated once per declared {@code ProjectConfiguration}.
 *
 * @param file           the project
 * @param configurations each declared configuration, in file order
 */
public record EvaluatedProject(Path file, List<EvaluatedConfiguration> configurations) {
    public EvaluatedProject {
        configurations = List.copyOf(configurations);
    }

    public Optional<EvaluatedConfiguration> configuration(ProjectConfiguration wanted) {
        return configurations.stream()
                .filter(c -> c.configuration().equals(wanted))
                .findFirst();
    }
}
