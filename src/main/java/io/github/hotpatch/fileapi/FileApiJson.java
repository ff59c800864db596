package io.github.hotpatch.fileapi;

import io.github.hotpatch.json.JsonReader;
import io.github.hotpatch.json.JsonSyntaxException;
import io.github.hotpatch.process.IoMessages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Bounded, strict reading of reply files, and required-field access whose errors name the file and the
 * field path (e.g. {@code configurations[1].targets[0].jsonFile}).
 */
final class FileApiJson {

    /** Reply files are kilobytes even for large projects; a bigger one is not a reply. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final Map<String, Object> root;

    private FileApiJson(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    static FileApiJson read(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new FileApiFormatException(
                    file, "reply file does not exist (reply incomplete, or removed by a later CMake run?)", e);
        } catch (FileSystemException e) {
            // e.g. a name too long for the file system: no reply file can have it (found by FileApiReplyFuzzTest).
            throw new FileApiFormatException(file, "cannot read reply file: " + IoMessages.describe(e), e);
        }
        if (!Files.isRegularFile(file)) {
            throw new FileApiFormatException(file, "reply file is not a regular file");
        }
        if (size > MAX_BYTES) {
            throw new FileApiFormatException(
                    file,
                    "reply file has " + size + " bytes, more than the " + MAX_BYTES
                            + " a File API reply file may have; refusing to read it");
        }
        Object root;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (FileSystemException e) {
            throw new FileApiFormatException(file, "cannot read reply file: " + IoMessages.describe(e), e);
        }
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new FileApiFormatException(file, "reply file is empty; expected a JSON object");
            }
            root = JsonReader.parse(text);
        } catch (JsonSyntaxException e) {
            throw new FileApiFormatException(
                    file, "malformed JSON at line " + e.line() + ", column " + e.column() + ": " + e.problem(), e);
        }
        if (!(root instanceof Map)) {
            throw new FileApiFormatException(file, "expected a JSON object, found " + JsonReader.typeName(root));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) root;
        return new FileApiJson(file, object);
    }

    Path file() {
        return file;
    }

    Map<String, Object> root() {
        return root;
    }

    FileApiFormatException missing(String field, String expected) {
        return new FileApiFormatException(file, "field " + field + " is missing or not " + expected);
    }

    /** {@code node.name} as text; {@code path} is where {@code node} sits, for the message. */
    String text(Map<String, Object> node, String path, String name) throws FileApiFormatException {
        if (node.get(name) instanceof String value) {
            return value;
        }
        throw missing(join(path, name), "a string");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(Map<String, Object> node, String path, String name) throws FileApiFormatException {
        if (node.get(name) instanceof Map<?, ?> value) {
            return (Map<String, Object>) value;
        }
        throw missing(join(path, name), "an object");
    }

    List<?> array(Map<String, Object> node, String path, String name) throws FileApiFormatException {
        if (node.get(name) instanceof List<?> value) {
            return value;
        }
        throw missing(join(path, name), "an array");
    }

    /** An optional array: absent is empty, present must be an array. */
    List<?> optionalArray(Map<String, Object> node, String path, String name) throws FileApiFormatException {
        return node.containsKey(name) ? array(node, path, name) : List.of();
    }

    /** Element {@code i} of {@code array}, which must be an object; {@code path} names the element. */
    @SuppressWarnings("unchecked")
    Map<String, Object> objectAt(List<?> array, int i, String path) throws FileApiFormatException {
        if (array.get(i) instanceof Map<?, ?> value) {
            return (Map<String, Object>) value;
        }
        throw missing(path, "an object");
    }

    int integer(Map<String, Object> node, String path, String name) throws FileApiFormatException {
        if (node.get(name) instanceof Long value && value == value.intValue()) {
            return value.intValue();
        }
        throw missing(join(path, name), "an integer");
    }

    boolean bool(Map<String, Object> node, String path, String name) throws FileApiFormatException {
        if (node.get(name) instanceof Boolean value) {
            return value;
        }
        throw missing(join(path, name), "a boolean");
    }

    /**
     * The reply file a {@code jsonFile} field names. CMake writes bare file names in the reply
     * directory; anything with a path separator or {@code ..} is refused rather than followed.
     */
    Path sibling(Map<String, Object> node, String path, String name) throws FileApiFormatException {
        String fileName = text(node, path, name);
        if (fileName.isEmpty()
                || fileName.contains("/")
                || fileName.contains("\\")
                || fileName.equals("..")
                || fileName.equals(".")) {
            throw new FileApiFormatException(
                    file,
                    "field " + join(path, name) + " must name a file in the reply directory, found '" + fileName + "'");
        }
        return file.resolveSibling(fileName);
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
