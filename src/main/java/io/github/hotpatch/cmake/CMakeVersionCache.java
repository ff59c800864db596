package io.github.hotpatch.cmake;

import io.github.hotpatch.profile.PropertiesText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Remembers the version {@code cmake --version} printed for one cmake executable, keyed by the executable's real
 * path, size and modification time, so that a run whose cmake did not change skips the probe (a process start,
 * 10–50 ms). A missing, unreadable or stale file only means probing again; it never fails a build.
 */
public final class CMakeVersionCache {
    private static final String PATH = "cmake.path";
    private static final String SIZE = "cmake.size";
    private static final String MODIFIED = "cmake.modified";
    private static final String VERSION = "cmake.version";

    private final Optional<Path> file;

    /** @param file where to keep the entry, or empty to always probe */
    public CMakeVersionCache(Optional<Path> file) {
        this.file = file;
    }

    public static CMakeVersionCache none() {
        return new CMakeVersionCache(Optional.empty());
    }

    /** The version recorded for exactly this executable (same real path, size and modification time). */
    public Optional<CMakeVersion> lookup(Path cmake) {
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            Properties recorded = new Properties();
            try (InputStream in = Files.newInputStream(file.get())) {
                recorded.load(in);
            }
            for (Map.Entry<String, String> field : key(cmake).entrySet()) {
                if (!field.getValue().equals(recorded.getProperty(field.getKey()))) {
                    return Optional.empty();
                }
            }
            return CMakeVersion.parse(List.of("cmake version " + recorded.getProperty(VERSION, "")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Records {@code version} for {@code cmake}; a failure to write is ignored (the next run probes again). */
    public void store(Path cmake, CMakeVersion version) {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        try {
            Map<String, String> entry = key(cmake);
            entry.put(VERSION, version.text());
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(
                    target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
            try {
                Files.writeString(
                        temp,
                        PropertiesText.of("hotpatch-maven-plugin: the cmake whose version was checked", entry),
                        StandardCharsets.ISO_8859_1);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            // Only an optimisation: the check itself has passed.
        }
    }

    /** What identifies the executable: its real path, size and modification time. */
    private static Map<String, String> key(Path cmake) throws IOException {
        Path real = cmake.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        Map<String, String> key = new LinkedHashMap<>();
        key.put(PATH, real.toString());
        key.put(SIZE, Long.toString(attributes.size()));
        key.put(MODIFIED, Long.toString(attributes.lastModifiedTime().toMillis()));
        return key;
    }
}
