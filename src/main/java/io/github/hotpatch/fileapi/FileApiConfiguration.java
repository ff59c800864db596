package io.github.hotpatch.fileapi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the codemodel's {@code configurations}: a build type ({@code Debug}, {@code Release},
 * {@code RelWithDebInfo}, {@code MinSizeRel}, ...) and its targets.
 */
public record FileApiConfiguration(String name, List<FileApiTarget> targets) {

    public FileApiConfiguration {
        Objects.requireNonNull(name, "name");
        targets = List.copyOf(targets);
    }

    public Optional<FileApiTarget> target(String targetName) {
        return targets.stream().filter(t -> t.name().equals(targetName)).findFirst();
    }
}
