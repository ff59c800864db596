package io.github.hotpatch.fileapi;

import io.github.hotpatch.process.CommandLine;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One target of one configuration in a codemodel-v2 reply: what it builds ({@code artifacts}, absolute)
 * and how it links ({@code link.commandFragments}).
 */
public final class FileApiTarget {

    private final String name;
    private final String type;
    private final String nameOnDisk;
    private final List<Path> artifacts;
    private final List<FileApiCommandFragment> linkFragments;
    private final Path jsonFile;

    FileApiTarget(
            String name,
            String type,
            String nameOnDisk,
            List<Path> artifacts,
            List<FileApiCommandFragment> linkFragments,
            Path jsonFile) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.nameOnDisk = nameOnDisk;
        this.artifacts = List.copyOf(artifacts);
        this.linkFragments = List.copyOf(linkFragments);
        this.jsonFile = Objects.requireNonNull(jsonFile, "jsonFile");
    }

    public String name() {
        return name;
    }

    /** {@code SHARED_LIBRARY}, {@code STATIC_LIBRARY}, {@code EXECUTABLE}, {@code UTILITY}, ... */
    public String type() {
        return type;
    }

    /** File name of the primary artifact, e.g. {@code msquic.dll}; absent for targets that build none. */
    public Optional<String> nameOnDisk() {
        return Optional.ofNullable(nameOnDisk);
    }

    /**
     * Absolute paths of the files CMake says the target produces. For a DLL with an MSVC-like toolchain
     * CMake lists the .dll, the import .lib and the .pdb; the .pdb is listed even when the link flags
     * carry no {@code /debug}, so its presence here does not mean the linker writes it.
     */
    public List<Path> artifacts() {
        return artifacts;
    }

    /** The artifact named {@link #nameOnDisk()}, e.g. {@code .../Release/msquic.dll}. */
    public Optional<Path> primaryArtifact() {
        return nameOnDisk()
                .flatMap(n -> artifacts.stream()
                        .filter(p -> p.getFileName() != null
                                && p.getFileName().toString().equals(n))
                        .findFirst());
    }

    /** The first artifact whose name ends with {@code extension} (case-insensitive), e.g. {@code .pdb}. */
    public Optional<Path> artifactWithExtension(String extension) {
        String wanted = extension.toLowerCase(Locale.ROOT);
        return artifacts.stream()
                .filter(p -> p.getFileName() != null
                        && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(wanted))
                .findFirst();
    }

    public Optional<Path> pdb() {
        return artifactWithExtension(".pdb");
    }

    /** The .lib that is not the primary artifact: a DLL's import library (a static library has none). */
    public Optional<Path> importLibrary() {
        Optional<Path> primary = primaryArtifact();
        return artifacts.stream()
                .filter(p -> p.getFileName() != null
                        && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".lib"))
                .filter(p -> primary.map(pr -> !pr.equals(p)).orElse(true))
                .findFirst();
    }

    /** All {@code link.commandFragments} in order; empty for targets that do not link. */
    public List<FileApiCommandFragment> linkFragments() {
        return linkFragments;
    }

    /** The fragments with role {@code flags}, in order. */
    public List<String> linkFlagFragments() {
        return linkFragments.stream()
                .filter(FileApiCommandFragment::isFlags)
                .map(FileApiCommandFragment::fragment)
                .collect(Collectors.toList());
    }

    /** The {@code flags} fragments joined by spaces: the link flags as CMake passes them. */
    public String linkFlags() {
        return String.join(" ", linkFlagFragments());
    }

    /**
     * {@link #linkFlags()} split into arguments: whitespace separates, double quotes group (Ninja and
     * Visual Studio replies quote an argument that holds spaces).
     */
    public List<String> linkFlagTokens() {
        return CommandLine.split(linkFlags());
    }

    /** Whether {@code flag} is one of the link flags, ignoring case as link.exe does. */
    public boolean hasLinkFlag(String flag) {
        return linkFlagTokens().stream().anyMatch(flag::equalsIgnoreCase);
    }

    /** The reply file this target was read from, for messages. */
    public Path jsonFile() {
        return jsonFile;
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
