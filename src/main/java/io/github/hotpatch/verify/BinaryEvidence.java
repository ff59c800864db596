package io.github.hotpatch.verify;

import io.github.hotpatch.pdb.PdbFile;
import io.github.hotpatch.pe.CodeViewRecord;
import io.github.hotpatch.pe.PeFile;
import io.github.hotpatch.pe.PeImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What was read about one binary: its PE headers and, when one could be found, its PDB. A PDB that exists
 * but cannot be read is kept as an error message, so the rules report it instead of stopping.
 *
 * @param image       the PE image
 * @param pdbPath     the PDB that was chosen (explicit, beside the image, or the RSDS path), if any exists
 * @param pdb         the PDB, when it was read
 * @param pdbError    why the PDB could not be read
 * @param pdbSearched where a PDB was looked for (for messages)
 */
public record BinaryEvidence(
        PeImage image,
        Optional<Path> pdbPath,
        Optional<PdbFile> pdb,
        Optional<String> pdbError,
        List<Path> pdbSearched) {

    public BinaryEvidence {
        pdbSearched = List.copyOf(pdbSearched);
    }

    public Path file() {
        return image.file();
    }

    /**
     * Reads {@code binary} and its PDB: {@code explicitPdb} when given, else {@code <name>.pdb} beside the image,
     * else the path in the RSDS record (when it exists on this machine).
     *
     * @throws IOException when the binary itself cannot be read (the PE reader's format error names the field)
     */
    public static BinaryEvidence collect(Path binary, Optional<Path> explicitPdb) throws IOException {
        PeImage image = PeFile.read(binary);
        List<Path> candidates = new ArrayList<>();
        if (explicitPdb.isPresent()) {
            candidates.add(explicitPdb.get());
        } else {
            String name = binary.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path dir = binary.toAbsolutePath().getParent();
            candidates.add(dir.resolve((dot > 0 ? name.substring(0, dot) : name) + ".pdb"));
            image.codeView()
                    .map(CodeViewRecord::pdbPath)
                    .filter(p -> !p.isBlank())
                    .ifPresent(p -> {
                        String leaf = p.substring(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
                        if (!leaf.isEmpty()) {
                            candidates.add(dir.resolve(leaf));
                        }
                        try {
                            // The RSDS path is the build machine's; it only helps when this is that machine. A relative
                            // one (/PDBALTPATH:%_PDB%) would resolve against this process's working directory, so only
                            // its leaf, beside the image (above), is looked at.
                            Path recorded = binary.getFileSystem().getPath(p);
                            if (recorded.isAbsolute()) {
                                candidates.add(recorded);
                            }
                        } catch (java.nio.file.InvalidPathException invalidOnThisFileSystem) {
                            // a Windows path on Linux and similar: nothing to look at
                        }
                    });
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return new BinaryEvidence(
                            image,
                            Optional.of(candidate),
                            Optional.of(PdbFile.read(candidate)),
                            Optional.empty(),
                            candidates);
                } catch (IOException e) {
                    return new BinaryEvidence(
                            image, Optional.of(candidate), Optional.empty(), Optional.of(e.getMessage()), candidates);
                }
            }
        }
        return new BinaryEvidence(image, Optional.empty(), Optional.empty(), Optional.empty(), candidates);
    }

    /** Whether the PDB read is the one the image's RSDS record names: same GUID and same age. */
    public boolean pdbMatches() {
        return pdb.isPresent()
                && image.codeView()
                        .map(cv -> java.util.Arrays.equals(
                                        cv.guid(), pdb.get().guid().bytes())
                                && cv.age() == pdb.get().age())
                        .orElse(false);
    }
}
