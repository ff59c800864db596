package io.github.hotpatch.artifact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One deployed artifact named as {@code dependency:get} names it: {@code groupId:artifactId:version[:extension[:classifier]]}.
 * The extension defaults to {@value #DEFAULT_EXTENSION}, the file {@code hotpatch:attach} deploys per variant.
 *
 * @param classifier empty for an artifact without one
 */
public record ArtifactCoordinate(
        String groupId, String artifactId, String version, String extension, Optional<String> classifier) {

    public static final String DEFAULT_EXTENSION = "zip";
    static final String FORM = "groupId:artifactId:version[:extension[:classifier]]";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-]+");

    public ArtifactCoordinate {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(classifier, "classifier");
    }

    /**
     * Parses one coordinate.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static ArtifactCoordinate parse(String text) {
        String trimmed = text.trim();
        String[] parts = trimmed.split(":", -1);
        if (parts.length < 3 || parts.length > 5) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an artifact coordinate: expected " + FORM
                    + ", e.g. com.example:msquic-hotpatch:1.0.0:zip:arm64-schannel");
        }
        String[] names = {"groupId", "artifactId", "version", "extension", "classifier"};
        for (int i = 0; i < parts.length; i++) {
            if (!PART.matcher(parts[i]).matches()) {
                throw new IllegalArgumentException("'" + trimmed + "': " + names[i]
                        + (parts[i].isEmpty()
                                ? " is empty"
                                : " '" + parts[i] + "' has characters other than"
                                        + " letters, digits, '.', '_' and '-'")
                        + " (expected " + FORM + ")");
            }
        }
        return new ArtifactCoordinate(
                parts[0],
                parts[1],
                parts[2],
                parts.length > 3 ? parts[3] : DEFAULT_EXTENSION,
                parts.length > 4 ? Optional.of(parts[4]) : Optional.empty());
    }

    /**
     * Parses a list (comma-separated entries, as {@code -Dhotpatch.artifacts=} gives them, or one per pom element).
     * Blank entries are refused by position, duplicates are kept once.
     */
    public static List<ArtifactCoordinate> parseAll(List<String> entries) {
        Set<ArtifactCoordinate> result = new LinkedHashSet<>();
        int position = 0;
        for (String entry : entries) {
            for (String part : entry.split(",", -1)) {
                position++;
                if (part.isBlank()) {
                    throw new IllegalArgumentException(
                            "hotpatch.artifacts: entry " + position + " is empty (expected " + FORM + ")");
                }
                result.add(parse(part));
            }
        }
        return new ArrayList<>(result);
    }

    /** The same group, artifact, version and classifier with another extension (a dll's pdb). */
    public ArtifactCoordinate withExtension(String other) {
        return new ArtifactCoordinate(groupId, artifactId, version, other, classifier);
    }

    /** {@code groupId:artifactId:version:extension[:classifier]}, the form every message and report uses. */
    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + ":" + extension
                + classifier.map(c -> ":" + c).orElse("");
    }
}
