package io.github.hotpatch.cmake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Bounded, strict reading of reply files, and required-field access whose errors name the file and the
 * field path (e.g. {@code configurations[1].targets[0].jsonFile}).
 */
final class FileApiJson {

    /** Reply files are kilobytes even for large projects; a bigger one is not a reply. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Path file;
    private final JsonNode root;

    private FileApiJson(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static FileApiJson read(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new FileApiFormatException(file, "reply file does not exist (reply incomplete, or removed by a later CMake run?)", e);
        }
        if (size > MAX_BYTES) {
            throw new FileApiFormatException(file, "reply file has " + size + " bytes, more than the " + MAX_BYTES
                    + " a File API reply file may have; refusing to read it");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new FileApiFormatException(file, "malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new FileApiFormatException(file, "reply file is empty; expected a JSON object");
        }
        if (!root.isObject()) {
            throw new FileApiFormatException(file, "expected a JSON object, found " + root.getNodeType());
        }
        return new FileApiJson(file, root);
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    FileApiFormatException missing(String field, String expected) {
        return new FileApiFormatException(file, "field " + field + " is missing or not " + expected);
    }

    /** {@code node.name} as text; {@code path} is where {@code node} sits, for the message. */
    String text(JsonNode node, String path, String name) throws FileApiFormatException {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw missing(join(path, name), "a string");
        }
        return value.asText();
    }

    JsonNode object(JsonNode node, String path, String name) throws FileApiFormatException {
        JsonNode value = node.get(name);
        if (value == null || !value.isObject()) {
            throw missing(join(path, name), "an object");
        }
        return value;
    }

    JsonNode array(JsonNode node, String path, String name) throws FileApiFormatException {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) {
            throw missing(join(path, name), "an array");
        }
        return value;
    }

    /** An optional array: absent is empty, present must be an array. */
    JsonNode optionalArray(JsonNode node, String path, String name) throws FileApiFormatException {
        JsonNode value = node.get(name);
        if (value == null) {
            return MAPPER.createArrayNode();
        }
        if (!value.isArray()) {
            throw missing(join(path, name), "an array");
        }
        return value;
    }

    int integer(JsonNode node, String path, String name) throws FileApiFormatException {
        JsonNode value = node.get(name);
        if (value == null || !value.isInt()) {
            throw missing(join(path, name), "an integer");
        }
        return value.asInt();
    }

    boolean bool(JsonNode node, String path, String name) throws FileApiFormatException {
        JsonNode value = node.get(name);
        if (value == null || !value.isBoolean()) {
            throw missing(join(path, name), "a boolean");
        }
        return value.asBoolean();
    }

    /**
     * The reply file a {@code jsonFile} field names. CMake writes bare file names in the reply
     * directory; anything with a path separator or {@code ..} is refused rather than followed.
     */
    Path sibling(JsonNode node, String path, String name) throws FileApiFormatException {
        String fileName = text(node, path, name);
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.equals("..")
                || fileName.equals(".")) {
            throw new FileApiFormatException(file, "field " + join(path, name)
                    + " must name a file in the reply directory, found '" + fileName + "'");
        }
        return file.resolveSibling(fileName);
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
