package io.github.hotpatch.verify;

import io.github.hotpatch.pdb.PdbFile;
import io.github.hotpatch.pdb.PdbFileReader;
import io.github.hotpatch.pdb.PortablePdb;
import io.github.hotpatch.pe.CodeViewRecord;
import io.github.hotpatch.pe.PeImage;
import io.github.hotpatch.pe.PeImageReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What was read about one binary: its PE headers and, when one could be found, its PDB. A PDB that exists
 * but cannot be read is kept as an error message, so the rules report it instead of stopping.
 *
 * @param image        the PE image
 * @param pdbPath      the PDB that was chosen (explicit, or the first native PDB found in search order), if any
 * @param pdb          the PDB, when it was read
 * @param pdbError     why the PDB could not be read
 * @param pdbSearched  where a PDB was looked for, in order (for messages)
 * @param requestedPdb the PDB path the image's CodeView (RSDS) record names, if it has one
 * @param pdbNotes     files passed over in the search, and why (a portable PDB beside a native image)
 */
public record BinaryEvidence(
        PeImage image,
        Optional<Path> pdbPath,
        Optional<PdbFile> pdb,
        Optional<String> pdbError,
        List<Path> pdbSearched,
        Optional<String> requestedPdb,
        List<String> pdbNotes) {

    public BinaryEvidence {
        pdbSearched = List.copyOf(pdbSearched);
        pdbNotes = List.copyOf(pdbNotes);
    }

    public Path file() {
        return image.file();
    }

    /**
     * Reads {@code binary} and its PDB: {@code explicitPdb} when given; otherwise, as debuggers and symbol servers
     * do, the file named by the RSDS record beside the image, then the RSDS path itself (when it is absolute on this
     * machine), then {@code <image name>.pdb} beside the image (whose GUID and age HP-BIN-005 then compares). A
     * portable PDB (.NET, {@code BSJB}) is not the native PDB of an image: it is noted and passed over.
     *
     * @throws IOException when the binary itself cannot be read (the PE reader's format error names the field)
     */
    public static BinaryEvidence collect(Path binary, Optional<Path> explicitPdb) throws IOException {
        PeImage image = PeImageReader.read(binary);
        Optional<String> requested =
                image.codeView().map(CodeViewRecord::pdbPath).filter(p -> !p.isBlank());
        List<Path> candidates = new ArrayList<>();
        if (explicitPdb.isPresent()) {
            candidates.add(explicitPdb.get());
        } else {
            Path dir = binary.toAbsolutePath().getParent();
            requested.ifPresent(p -> {
                String leaf = p.substring(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
                if (!leaf.isEmpty()) {
                    candidates.add(dir.resolve(leaf));
                }
                try {
                    // The RSDS path is the build machine's; it only helps when this is that machine. A relative
                    // one (/PDBALTPATH:%_PDB%) would resolve against this process's working directory, so only
                    // its leaf, beside the image (above), is looked at.
                    Path recorded = binary.getFileSystem().getPath(p);
                    if (recorded.isAbsolute() && !candidates.contains(recorded)) {
                        candidates.add(recorded);
                    }
                } catch (InvalidPathException invalidOnThisFileSystem) {
                    // a Windows path on Linux and similar: nothing to look at
                }
            });
            String name = binary.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path byImageName = dir.resolve((dot > 0 ? name.substring(0, dot) : name) + ".pdb");
            if (!candidates.contains(byImageName)) {
                candidates.add(byImageName);
            }
        }
        List<String> notes = new ArrayList<>();
        for (Path candidate : candidates) {
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                if (explicitPdb.isEmpty() && PortablePdb.is(candidate)) {
                    notes.add(candidate + " is " + PortablePdb.DESCRIPTION);
                    continue;
                }
                return new BinaryEvidence(
                        image,
                        Optional.of(candidate),
                        Optional.of(PdbFileReader.read(candidate)),
                        Optional.empty(),
                        candidates,
                        requested,
                        notes);
            } catch (IOException e) {
                return new BinaryEvidence(
                        image,
                        Optional.of(candidate),
                        Optional.empty(),
                        Optional.of(e.getMessage()),
                        candidates,
                        requested,
                        notes);
            }
        }
        return new BinaryEvidence(
                image, Optional.empty(), Optional.empty(), Optional.empty(), candidates, requested, notes);
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
