package io.github.hotpatch.pdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a {@link PdbFile}: the MSF container, then the PDB info stream, the DBI stream and the linker module. */
public final class PdbFileReader {

    private PdbFileReader() {}

    /**
     * Reads the PDB at {@code path}.
     *
     * @throws PdbFormatException if the file is not a well-formed MSF 7.0 PDB (the message names the file, the
     *                            structure, the offset and what was expected)
     * @throws IOException        if the file cannot be read
     */
    public static PdbFile read(Path path) throws IOException {
        try (MsfReader msf = MsfReader.open(path)) {
            if (msf.streamCount() <= DbiStream.STREAM) {
                throw msf.file()
                        .fail("stream directory has " + msf.streamCount()
                                + " streams, a PDB needs at least 4 (stream 1 PDB info, stream 3 DBI)");
            }
            PdbInfoStream info = PdbInfoStream.read(msf);
            DbiStream dbi = DbiStream.read(msf);
            Optional<LinkerModuleSymbols> linker = Optional.empty();
            Optional<DbiModule> module = dbi.linkerModule();
            if (module.isPresent()) {
                linker = Optional.of(LinkerModuleSymbols.read(msf, module.get()));
            }
            return new PdbFile(path, msf, info, dbi, linker);
        }
    }
}
