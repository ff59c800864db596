package io.github.hotpatch.fileapi;

import io.github.hotpatch.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Follows a reply index to the codemodel-v2 object and its target files (cmake-file-api(7)). */
public final class FileApiReplyReader {

    private final Path buildDir;

    private FileApiReplyReader(Path buildDir) {
        this.buildDir = buildDir;
    }

    /**
     * Reads the newest {@code index-*.json} in {@code <build>/.cmake/api/v1/reply/} and the codemodel and
     * target files it leads to.
     *
     * @throws FileApiFormatException if there is no reply, or a file is malformed, too large or lacks a field
     */
    public static FileApiReply read(Path buildDir) throws IOException {
        return new FileApiReplyReader(buildDir.toAbsolutePath().normalize()).read();
    }

    private FileApiReply read() throws IOException {
        Path replyDir = FileApiReply.replyDir(buildDir);
        Path indexPath = newestIndex(replyDir)
                .orElseThrow(() -> new FileApiFormatException(
                        replyDir,
                        "no CMake File API reply in " + replyDir + ": was the project configured with the query "
                                + FileApiQuery.queryFile(buildDir) + " in place?"));
        FileApiJson index = FileApiJson.read(indexPath);
        Map<String, Object> cmake = index.object(index.root(), "", "cmake");
        String version = index.text(index.object(cmake, "cmake", "version"), "cmake.version", "string");
        Map<String, Object> generator = index.object(cmake, "cmake", "generator");

        FileApiJson codemodel =
                FileApiJson.read(index.sibling(codemodelResponse(index), "reply.codemodel-v2", "jsonFile"));
        checkKind(codemodel);
        Map<String, Object> paths = codemodel.object(codemodel.root(), "", "paths");
        Path sourceDir = path(buildDir, codemodel, codemodel.text(paths, "paths", "source"), "paths.source");

        List<FileApiConfiguration> configurations = new ArrayList<>();
        List<?> configs = codemodel.array(codemodel.root(), "", "configurations");
        for (int i = 0; i < configs.size(); i++) {
            String at = "configurations[" + i + "]";
            configurations.add(configuration(codemodel, codemodel.objectAt(configs, i, at), at));
        }
        return new FileApiReply(
                buildDir,
                sourceDir,
                indexPath,
                version,
                index.text(generator, "cmake.generator", "name"),
                index.bool(generator, "cmake.generator", "multiConfig"),
                configurations);
    }

    /** cmake-file-api(7): the index with the largest name in lexicographic order is the current one. */
    private static Optional<Path> newestIndex(Path replyDir) throws IOException {
        if (!Files.isDirectory(replyDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(replyDir)) {
            return files.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith("index-") && n.endsWith(".json") && Files.isRegularFile(p);
                    })
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    private Map<String, Object> codemodelResponse(FileApiJson index) throws FileApiFormatException {
        Map<String, Object> reply = index.object(index.root(), "", "reply");
        if (!(reply.get(FileApiQuery.CODEMODEL_V2) instanceof Map)) {
            throw new FileApiFormatException(
                    index.file(),
                    "field reply.codemodel-v2 is missing: CMake did not answer " + "the codemodel-v2 query; was "
                            + FileApiQuery.queryFile(buildDir) + " in place when it configured?");
        }
        Map<String, Object> response = index.object(reply, "reply", FileApiQuery.CODEMODEL_V2);
        if (response.containsKey("error")) {
            Object error = response.get("error");
            throw new FileApiFormatException(
                    index.file(),
                    "CMake answered the codemodel-v2 query with an error: "
                            + (error instanceof String text ? text : JsonReader.typeName(error)));
        }
        return response;
    }

    private static void checkKind(FileApiJson codemodel) throws FileApiFormatException {
        String kind = codemodel.text(codemodel.root(), "", "kind");
        int major = codemodel.integer(codemodel.object(codemodel.root(), "", "version"), "version", "major");
        if (!kind.equals("codemodel") || major != 2) {
            throw new FileApiFormatException(
                    codemodel.file(),
                    "expected a codemodel object of major version 2, found kind '" + kind + "' version " + major);
        }
    }

    private FileApiConfiguration configuration(FileApiJson codemodel, Map<String, Object> config, String path)
            throws IOException {
        String name = codemodel.text(config, path, "name");
        List<FileApiTarget> targets = new ArrayList<>();
        List<?> entries = codemodel.array(config, path, "targets");
        for (int i = 0; i < entries.size(); i++) {
            String at = path + ".targets[" + i + "]";
            targets.add(
                    target(FileApiJson.read(codemodel.sibling(codemodel.objectAt(entries, i, at), at, "jsonFile"))));
        }
        return new FileApiConfiguration(name, targets);
    }

    private FileApiTarget target(FileApiJson json) throws FileApiFormatException {
        Map<String, Object> root = json.root();
        String name = json.text(root, "", "name");
        String type = json.text(root, "", "type");
        String nameOnDisk = root.containsKey("nameOnDisk") ? json.text(root, "", "nameOnDisk") : null;

        List<Path> artifacts = new ArrayList<>();
        List<?> artifactNodes = json.optionalArray(root, "", "artifacts");
        for (int i = 0; i < artifactNodes.size(); i++) {
            String at = "artifacts[" + i + "]";
            artifacts.add(resolve(json, json.text(json.objectAt(artifactNodes, i, at), at, "path"), at + ".path"));
        }

        List<FileApiCommandFragment> fragments = new ArrayList<>();
        if (root.containsKey("link")) {
            Map<String, Object> link = json.object(root, "", "link");
            List<?> nodes = json.optionalArray(link, "link", "commandFragments");
            for (int i = 0; i < nodes.size(); i++) {
                String at = "link.commandFragments[" + i + "]";
                Map<String, Object> fragment = json.objectAt(nodes, i, at);
                fragments.add(new FileApiCommandFragment(
                        json.text(fragment, at, "fragment"), json.text(fragment, at, "role")));
            }
        }
        return new FileApiTarget(name, type, nameOnDisk, artifacts, fragments, json.file());
    }

    /** Reply paths use forward slashes and are relative to the top-level build directory unless absolute. */
    private Path resolve(FileApiJson json, String replyPath, String field) throws FileApiFormatException {
        Path path = path(buildDir, json, replyPath, field);
        return (path.isAbsolute() ? path : buildDir.resolve(path)).normalize();
    }

    /** A reply path in the build directory's own file system (on Windows {@code C:/...} reads as {@code C:\...}). */
    private static Path path(Path buildDir, FileApiJson json, String text, String field) throws FileApiFormatException {
        try {
            return buildDir.getFileSystem().getPath(text);
        } catch (InvalidPathException e) {
            throw new FileApiFormatException(
                    json.file(), "field " + field + " is not a path on this system: '" + text + "'", e);
        }
    }
}
