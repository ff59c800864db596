package io.github.hotpatch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a codemodel-v2 File API reply laid out as CMake writes it (index, codemodel, one file per target and
 * configuration, artifacts relative to the build directory) for tests at the process boundary, where a stand-in
 * cmake configures nothing. Tests that need CMake's own reply configure for real (see {@code ReplyCheckTest}).
 */
public final class FileApiReplies {
    private final String generator;
    private final boolean multiConfig;
    private final List<String> configurations = new ArrayList<>();
    private final Map<String, String> targets = new LinkedHashMap<>();

    private FileApiReplies(String generator, boolean multiConfig) {
        this.generator = generator;
        this.multiConfig = multiConfig;
    }

    /** Ninja Multi-Config with Debug, Release, RelWithDebInfo and a shared library {@code msquic}. */
    public static FileApiReplies msquicMultiConfig() {
        return new FileApiReplies("Ninja Multi-Config", true)
                .configurations("Debug", "Release", "RelWithDebInfo")
                .target("msquic", "SHARED_LIBRARY");
    }

    public static FileApiReplies of(String generator, boolean multiConfig) {
        return new FileApiReplies(generator, multiConfig);
    }

    public FileApiReplies configurations(String... names) {
        configurations.addAll(List.of(names));
        return this;
    }

    public FileApiReplies target(String name, String type) {
        targets.put(name, type);
        return this;
    }

    /** Writes the reply into {@code buildDir/.cmake/api/v1/reply}; returns {@code buildDir}. */
    public Path writeTo(Path buildDir) throws IOException {
        Path reply = Files.createDirectories(buildDir.resolve(".cmake/api/v1/reply"));
        List<String> configs = new ArrayList<>();
        for (String config : configurations) {
            List<String> refs = new ArrayList<>();
            for (Map.Entry<String, String> target : targets.entrySet()) {
                String file = "target-" + target.getKey() + "-" + config + "-0123456789abcdef.json";
                refs.add("{\"name\":\"" + target.getKey() + "\",\"jsonFile\":\"" + file + "\"}");
                boolean shared = target.getValue().equals("SHARED_LIBRARY");
                String out = "src/bin/" + config + "/" + target.getKey();
                String artifacts = shared
                        ? "\"nameOnDisk\":\"" + target.getKey() + ".dll\",\"artifacts\":[{\"path\":\"" + out
                                + ".dll\"},{\"path\":\"" + out + ".lib\"},{\"path\":\"" + out + ".pdb\"}]"
                        : "\"nameOnDisk\":\"" + target.getKey() + ".lib\",\"artifacts\":[{\"path\":\"" + out
                                + ".lib\"}]";
                Files.writeString(
                        reply.resolve(file),
                        "{\"name\":\"" + target.getKey() + "\",\"type\":\"" + target.getValue() + "\"," + artifacts
                                + "}");
            }
            configs.add("{\"name\":\"" + config + "\",\"targets\":[" + String.join(",", refs) + "]}");
        }
        Files.writeString(
                reply.resolve("codemodel-v2-0123456789abcdef.json"),
                "{\"kind\":\"codemodel\",\"version\":{\"major\":2,\"minor\":7},\"paths\":{\"source\":\"/src\","
                        + "\"build\":\"" + buildDir + "\"},\"configurations\":[" + String.join(",", configs) + "]}");
        Files.writeString(
                reply.resolve("index-2026-01-01T00-00-00-0000.json"),
                "{\"cmake\":{\"version\":{\"string\":\"3.31.6\"},\"generator\":{\"name\":\"" + generator
                        + "\",\"multiConfig\":" + multiConfig + "}},\"reply\":{\"codemodel-v2\":{\"kind\":"
                        + "\"codemodel\",\"version\":{\"major\":2,\"minor\":7},"
                        + "\"jsonFile\":\"codemodel-v2-0123456789abcdef.json\"}}}");
        return buildDir;
    }
}
