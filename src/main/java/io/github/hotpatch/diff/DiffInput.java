package io.github.hotpatch.diff;

import io.github.hotpatch.verify.ArtifactScanner;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One side of a diff: an image and, optionally, its PDB (otherwise found as inspect finds it: {@code <name>.pdb}
 * beside the image, then the RSDS record's file name beside it, then the RSDS path). A zip is read in place; it must
 * hold exactly one DLL, and its PDB is looked for beside it inside the zip.
 */
public final class DiffInput implements Closeable {

    private final Path image;
    private final Optional<Path> pdb;
    private final String label;
    private final FileSystem zip;

    private DiffInput(Path image, Optional<Path> pdb, String label, FileSystem zip) {
        this.image = image;
        this.pdb = pdb;
        this.label = label;
        this.zip = zip;
    }

    /** A DLL (with its PDB found beside it) or a zip holding one. */
    public static DiffInput of(Path file) throws IOException {
        return of(file, Optional.empty());
    }

    /** A DLL with an explicit PDB, or a zip (the PDB is then ignored unless given). */
    public static DiffInput of(Path file, Optional<Path> pdb) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DiffException(file + ": no such file (expected a DLL or a zip holding one)");
        }
        if (!ArtifactScanner.isZip(file)) {
            return new DiffInput(file, pdb, file.toString(), null);
        }
        FileSystem fs = ArtifactScanner.openZip(file);
        try {
            List<Path> dlls = ArtifactScanner.candidates(fs.getPath("/")).stream()
                    .filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dll"))
                    .toList();
            if (dlls.size() != 1) {
                throw new DiffException(file + ": holds " + dlls.size() + " DLLs " + dlls
                        + ", a diff needs a zip with exactly one DLL (give the DLL itself instead)");
            }
            return new DiffInput(dlls.get(0), pdb, file + "!" + dlls.get(0), fs);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    public Path image() {
        return image;
    }

    public Optional<Path> pdb() {
        return pdb;
    }

    /** How reports name this side. */
    public String label() {
        return label;
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
