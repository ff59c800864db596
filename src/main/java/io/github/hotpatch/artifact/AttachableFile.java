package io.github.hotpatch.artifact;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to attach to the project as a secondary artifact: Maven installs and deploys it as
 * {@code <artifactId>-<version>-<classifier>.<type>} (no artifact handler is registered for these types,
 * so the type is also the extension).
 *
 * @param file       the absolute path of the file
 * @param type       {@code dll}, {@code pdb}, {@code lib} or {@code zip}
 * @param classifier the variant, as Maven classifiers are conventionally spelled ({@code arm64-schannel})
 */
public record AttachableFile(Path file, String type, String classifier) {

    public AttachableFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(classifier, "classifier");
    }
}
