package io.github.hotpatch.cmake;

import io.github.hotpatch.profile.VariantState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The inputs of the last successful configure of a variant: the cmake argument array and the contents of the
 * files the plugin generated for it. Equal inputs and an intact build tree mean configure can be skipped; changes
 * to the project's CMakeLists are CMake's business (its generated build re-runs cmake when one changes).
 */
final class ConfigureStamp {
    static final String FILE_NAME = "hotpatch-configure.stamp";

    private ConfigureStamp() {}

    static String of(List<String> command, List<Path> generatedFiles) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String arg : command) {
                sha.update(arg.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (Path file : generatedFiles) {
                sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(file));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Why configure must run, or empty when the last configure of the same inputs is intact. */
    static Optional<String> whyConfigure(Path variantDir, String stamp) {
        Path file = variantDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(variantDir.resolve("CMakeCache.txt"))) {
            return Optional.of("no CMakeCache.txt yet");
        }
        if (!Files.isRegularFile(variantDir.resolve(VariantState.FILE_NAME))) {
            return Optional.of("not configured by this plugin yet");
        }
        if (!Files.isDirectory(variantDir.resolve(".cmake/api/v1/reply"))) {
            return Optional.of("no CMake File API reply");
        }
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.of("no record of an earlier successful configure");
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim().equals(stamp)
                    ? Optional.empty()
                    : Optional.of("the cmake command line, toolchain or hotpatch flags changed");
        } catch (IOException e) {
            return Optional.of("cannot read " + file + ": " + e.getMessage());
        }
    }

    static void write(Path variantDir, String stamp) throws IOException {
        Files.writeString(variantDir.resolve(FILE_NAME), stamp + "\n", StandardCharsets.UTF_8);
    }

    static void delete(Path variantDir) throws IOException {
        Files.deleteIfExists(variantDir.resolve(FILE_NAME));
    }
}
