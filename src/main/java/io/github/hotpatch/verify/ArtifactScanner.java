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
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the PE files to inspect under a directory or inside a zip (a CI artifact as downloaded, read in place
 * through the JDK's zip file system) by their content, never by their name: a file is a PE candidate when it starts
 * with {@code MZ}. A candidate whose {@code e_lfanew} does not lead to the {@code PE\0\0} signature is still a
 * candidate, so the PE reader reports it as the truncated or corrupt image it is. Every other file (a Mach-O or ELF
 * {@code .node} of a multi-platform package, a PDB, a script) is skipped, with what its first bytes are.
 */
public final class ArtifactScanner {
    /** Bounds a hostile archive or tree: a CI artifact with more files than this is not what we inspect. */
    static final int MAX_FILES = 100_000;

    /** The scan: PE candidates and skipped files, each sorted by path for stable reports. */
    public record Scan(List<Path> candidates, List<Skipped> skipped) {
        public Scan {
            candidates = List.copyOf(candidates);
            skipped = List.copyOf(skipped);
        }
    }

    /** A file that is not PE by its content, and why. */
    public record Skipped(Path file, String reason) {}

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

    /** The PE candidates under {@code root}, sorted by path (see {@link #scan}). */
    public static List<Path> candidates(Path root) throws IOException {
        return scan(root).candidates();
    }

    /**
     * Every regular file under {@code root}, sorted by path: those starting with {@code MZ} are candidates, the
     * rest are skipped. A file whose first bytes cannot be read is an error naming it, never a skip.
     */
    public static Scan scan(Path root) throws IOException {
        List<Path> candidates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                if (candidates.size() + skipped.size() >= MAX_FILES) {
                    throw new IOException(root + ": more than " + MAX_FILES + " files; inspect a smaller directory");
                }
                byte[] head = head(p);
                if (head.length >= 2 && head[0] == 'M' && head[1] == 'Z') {
                    candidates.add(p);
                } else {
                    skipped.add(new Skipped(p, notPe(head)));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new Scan(candidates, skipped);
    }

    private static byte[] head(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(4);
        } catch (IOException e) {
            throw new IOException(
                    p + ": cannot read its first bytes to tell whether it is a PE file: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e);
        }
    }

    /** Why a file is not a PE image, naming the format its magic belongs to when it is a common one. */
    static String notPe(byte[] head) {
        if (head.length == 0) {
            return "empty file, not a PE image";
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : head) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
        }
        String format = format(head);
        return "no MZ signature at offset 0 (starts " + hex + (format.isEmpty() ? "" : ": " + format)
                + "), not a PE image";
    }

    private static String format(byte[] h) {
        if (h.length < 4) {
            return "";
        }
        int be = ((h[0] & 0xFF) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
        return switch (be) {
            case 0x7F454C46 -> "ELF";
            case 0xCFFAEDFE, 0xCEFAEDFE, 0xFEEDFACF, 0xFEEDFACE -> "Mach-O";
            case 0xCAFEBABE, 0xBEBAFECA -> "Mach-O universal or Java class";
            case 0x4D696372 -> "probably an MSF PDB ('Micr')";
            case 0x42534A42 -> "portable PDB or .NET metadata ('BSJB')";
            case 0x504B0304 -> "zip";
            default -> "";
        };
    }
}
