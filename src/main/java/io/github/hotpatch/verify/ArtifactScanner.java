package io.github.hotpatch.verify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the PE files to inspect under a directory or inside a zip (a CI artifact as downloaded, read in place
 * through the JDK's zip file system): every file starting with "MZ", plus every file named like a PE image
 * (.dll .exe .node .sys .pyd) so that a damaged one is reported rather than skipped.
 */
public final class ArtifactScanner {
    private static final List<String> PE_EXTENSIONS = List.of(".dll", ".exe", ".node", ".sys", ".pyd", ".efi");
    /** Bounds a hostile archive or tree: a CI artifact with more PE files than this is not what we inspect. */
    static final int MAX_FILES = 100_000;

    private ArtifactScanner() {}

    public static boolean isZip(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** Opens a zip read-only; the caller closes it after inspecting the paths inside. */
    public static FileSystem openZip(Path zip) throws IOException {
        try {
            return FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "false"));
        } catch (IOException | RuntimeException e) {
            // the zip file system's own errors (ZipException "zip END header not found") do not name the file
            throw new IOException(zip + ": not a readable zip archive (" + e.getMessage() + ")", e);
        }
    }

    /** The PE candidates under {@code root}, sorted by path for stable reports. */
    public static List<Path> candidates(Path root) throws IOException {
        List<Path> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(p) && (hasPeExtension(p) || startsWithMz(p))) {
                    result.add(p);
                    if (result.size() > MAX_FILES) {
                        throw new IOException(
                                root + ": more than " + MAX_FILES + " PE files; inspect a smaller directory");
                    }
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return result;
    }

    static boolean hasPeExtension(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return PE_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static boolean startsWithMz(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'M' && magic[1] == 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
