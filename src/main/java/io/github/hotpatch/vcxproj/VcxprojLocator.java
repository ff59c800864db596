package io.github.hotpatch.vcxproj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a target's .vcxproj in a build tree written by CMake's Visual Studio generator. */
public final class VcxprojLocator {
    /** CMake writes a target's project into its source-relative directory; msquic's is src/bin, 2 levels down. */
    private static final int MAX_DEPTH = 8;

    private VcxprojLocator() {}

    /**
     * The shallowest {@code <target>.vcxproj} under {@code buildDir} (outside CMakeFiles), if any. Names compare as
     * {@code buildDir}'s file system compares them: without case on Windows.
     */
    public static Optional<Path> find(Path buildDir, String target) throws IOException {
        Path name = buildDir.getFileSystem().getPath(target + ".vcxproj");
        Path cmakeFiles = buildDir.getFileSystem().getPath("CMakeFiles");
        try (Stream<Path> files = Files.walk(buildDir, MAX_DEPTH)) {
            return files.filter(p -> name.equals(p.getFileName()))
                    .filter(p -> !contains(buildDir.relativize(p), cmakeFiles))
                    .min((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean contains(Path relative, Path element) {
        for (Path part : relative) {
            if (part.equals(element)) {
                return true;
            }
        }
        return false;
    }
}
