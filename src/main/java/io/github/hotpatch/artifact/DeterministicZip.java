package io.github.hotpatch.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes a flat zip whose bytes depend only on the files' names and contents: entries in the order given, each
 * with the same timestamp, no directory entries, no extra fields. So rebuilding identical binaries gives an
 * identical zip, and a repository manager sees no spurious change.
 */
public final class DeterministicZip {

    /**
     * The one timestamp every entry gets. Written as a local DOS date through {@link ZipEntry#setTimeLocal}, which,
     * unlike {@code setTime}, does not depend on the machine's time zone.
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2010, 1, 1, 0, 0);

    private DeterministicZip() {}

    /**
     * Writes {@code files} (by file name, at the zip's root) to {@code zip}, replacing it. The zip is written
     * beside its destination and then moved into place, so a reader never sees half a zip.
     *
     * @throws IllegalArgumentException if two files have the same name
     */
    public static void write(Path zip, List<Path> files) throws IOException {
        checkNamesDistinct(zip, files);
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Path partial = zip.toAbsolutePath()
                .resolveSibling(zip.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
        try {
            // Not Files.createTempFile: that makes the file 0600, and the move keeps the mode. A plain new file gets
            // the mode the umask gives, as a jar from maven-jar-plugin does, so others may read the published zip.
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW);
                    ZipOutputStream zipOut = new ZipOutputStream(out)) {
                for (Path file : files) {
                    ZipEntry entry = new ZipEntry(file.getFileName().toString());
                    entry.setTimeLocal(ENTRY_TIME);
                    zipOut.putNextEntry(entry);
                    Files.copy(file, zipOut);
                    zipOut.closeEntry();
                }
            }
            Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Like {@link #write}, but leaves {@code zip} alone when it is up to date: it holds exactly these file names in
     * this order with these sizes, and was written after every file was last modified (the check archivers such as
     * maven-jar-plugin make). A PDB of tens of megabytes is then not compressed again by every no-op build.
     *
     * @return whether the zip was written
     */
    public static boolean writeIfChanged(Path zip, List<Path> files) throws IOException {
        checkNamesDistinct(zip, files);
        if (upToDate(zip, files)) {
            return false;
        }
        write(zip, files);
        return true;
    }

    static boolean upToDate(Path zip, List<Path> files) {
        try {
            if (!Files.isRegularFile(zip)) {
                return false;
            }
            FileTime written = Files.getLastModifiedTime(zip);
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).compareTo(written) >= 0) {
                    return false;
                }
            }
            try (ZipFile existing = new ZipFile(zip.toFile())) {
                List<? extends ZipEntry> entries = Collections.list(existing.entries());
                if (entries.size() != files.size()) {
                    return false;
                }
                for (int i = 0; i < files.size(); i++) {
                    ZipEntry entry = entries.get(i);
                    if (!entry.getName().equals(files.get(i).getFileName().toString())
                            || entry.getSize() != Files.size(files.get(i))) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            // Unreadable or damaged: write it again.
            return false;
        }
    }

    private static void checkNamesDistinct(Path zip, List<Path> files) {
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            if (!names.add(file.getFileName().toString())) {
                throw new IllegalArgumentException(
                        "two files named " + file.getFileName() + " for " + zip + ": " + files);
            }
        }
    }
}
