package io.github.hotpatch.fileapi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The codemodel-v2 part of the CMake File API reply of a configured build directory: per configuration,
 * the targets with their artifacts and link flags. Written by CMake when {@link FileApiQuery#write} put
 * the query in place before configuring. Read by {@link FileApiReplyReader#read}.
 */
public final class FileApiReply {

    private final Path buildDir;
    private final Path sourceDir;
    private final Path indexFile;
    private final String cmakeVersion;
    private final String generator;
    private final boolean multiConfig;
    private final List<FileApiConfiguration> configurations;

    FileApiReply(
            Path buildDir,
            Path sourceDir,
            Path indexFile,
            String cmakeVersion,
            String generator,
            boolean multiConfig,
            List<FileApiConfiguration> configurations) {
        this.buildDir = buildDir;
        this.sourceDir = sourceDir;
        this.indexFile = indexFile;
        this.cmakeVersion = cmakeVersion;
        this.generator = generator;
        this.multiConfig = multiConfig;
        this.configurations = List.copyOf(configurations);
    }

    /** {@code <build>/.cmake/api/v1/reply}. */
    public static Path replyDir(Path buildDir) {
        return buildDir.resolve(FileApiQuery.API_DIR).resolve("reply");
    }

    /** The build directory relative artifact paths were resolved against. */
    public Path buildDir() {
        return buildDir;
    }

    /** The top-level source directory, from the codemodel's {@code paths.source}. */
    public Path sourceDir() {
        return sourceDir;
    }

    /** The index file read: the one with the largest name, which cmake-file-api(7) says is current. */
    public Path indexFile() {
        return indexFile;
    }

    /** {@code cmake.version.string} of the CMake that wrote the reply, e.g. {@code 3.25.1}. */
    public String cmakeVersion() {
        return cmakeVersion;
    }

    /** {@code cmake.generator.name}, e.g. {@code Ninja Multi-Config} or {@code Visual Studio 17 2022}. */
    public String generator() {
        return generator;
    }

    public boolean multiConfig() {
        return multiConfig;
    }

    public List<FileApiConfiguration> configurations() {
        return configurations;
    }

    public List<String> configurationNames() {
        return configurations.stream().map(FileApiConfiguration::name).collect(Collectors.toList());
    }

    public Optional<FileApiConfiguration> configuration(String name) {
        return configurations.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The target {@code targetName} in configuration {@code configurationName}, if both exist. */
    public Optional<FileApiTarget> target(String configurationName, String targetName) {
        return configuration(configurationName).flatMap(c -> c.target(targetName));
    }

    @Override
    public String toString() {
        return indexFile + " " + configurationNames();
    }
}
