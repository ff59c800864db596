package io.github.hotpatch.pdb;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a PDB proves about how its image was linked, read without loading the file: the MSF superblock, the stream
 * directory, the PDB info stream (GUID/age to match the image), the DBI stream (link flags, module list, optional
 * debug header) and the linker module's symbols (linker name, version and command line). Nothing else is read, so
 * {@link #bytesRead()} stays a tiny fraction of a large PDB, and memory does not grow with the file.
 *
 * <p>Immutable; {@link PdbFileReader#read(Path)} opens and closes the file.
 */
public final class PdbFile {

    private final Path path;
    private final long fileSize;
    private final MsfSuperBlock superBlock;
    private final long[] streamSizes;
    private final PdbInfoStream info;
    private final DbiStream dbi;
    private final Optional<LinkerModuleSymbols> linker;
    private final long bytesRead;
    private final Map<String, Long> bytesReadByStructure;

    PdbFile(Path path, MsfReader msf, PdbInfoStream info, DbiStream dbi, Optional<LinkerModuleSymbols> linker) {
        this.path = path;
        this.fileSize = msf.file().size();
        this.superBlock = msf.superBlock();
        this.streamSizes = new long[msf.streamCount()];
        for (int i = 0; i < streamSizes.length; i++) {
            streamSizes[i] = msf.isNil(i) ? -1 : msf.streamSize(i);
        }
        this.info = info;
        this.dbi = dbi;
        this.linker = linker;
        this.bytesRead = msf.file().bytesRead();
        this.bytesReadByStructure = msf.file().bytesByStructure();
    }

    public Path path() {
        return path;
    }

    public long fileSize() {
        return fileSize;
    }

    public MsfSuperBlock superBlock() {
        return superBlock;
    }

    /** Number of streams in the stream directory. */
    public int streamCount() {
        return streamSizes.length;
    }

    /** Size of a stream; empty for a nil stream or a stream number the directory does not have. */
    public OptionalLong streamSize(int stream) {
        if (stream < 0 || stream >= streamSizes.length || streamSizes[stream] < 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(streamSizes[stream]);
    }

    public PdbInfoStream info() {
        return info;
    }

    public DbiStream dbi() {
        return dbi;
    }

    /** The GUID an image's RSDS record must carry. */
    public PdbGuid guid() {
        return info.guid();
    }

    /** The age an image's RSDS record must carry: the info stream's, which is what llvm-pdbutil prints. */
    public long age() {
        return info.age();
    }

    public boolean incrementallyLinked() {
        return dbi.incrementallyLinked();
    }

    public boolean stripped() {
        return dbi.stripped();
    }

    /** Whether the optional debug header names a FIXUP stream. */
    public boolean hasFixupStream() {
        return dbi.fixupStream().isPresent();
    }

    /** The "* Linker *" module's symbols, if the PDB has such a module. */
    public Optional<LinkerModuleSymbols> linker() {
        return linker;
    }

    /** The S_COMPILE3 name string of the linker module, e.g. "LLVM Linker" or "Microsoft (R) LINK". */
    public Optional<String> linkerName() {
        return linker.flatMap(LinkerModuleSymbols::compile).map(CompileSymbol::name);
    }

    /** The linker's version: the backend version of its S_COMPILE3, e.g. "14.10.25019.0" for lld-link. */
    public Optional<String> linkerVersion() {
        return linker.flatMap(LinkerModuleSymbols::compile)
                .map(c -> c.backendVersion().toString());
    }

    /** The link command line from the linker module's S_ENVBLOCK ({@code cmd}). */
    public Optional<String> linkerCommandLine() {
        return linker.flatMap(LinkerModuleSymbols::commandLine);
    }

    /** The linker module's S_ENVBLOCK pairs (cwd, exe, pdb, cmd), empty when absent. */
    public Map<String, String> environment() {
        return linker.map(LinkerModuleSymbols::environment).orElse(Map.of());
    }

    /** Bytes read from the file to produce this result. */
    public long bytesRead() {
        return bytesRead;
    }

    /**
     * {@link #bytesRead()} split by what was read: "MSF superblock", "block map", "stream directory",
     * "stream 1 (PDB info)", "stream 3 (DBI)" and the linker module's stream.
     */
    public Map<String, Long> bytesReadByStructure() {
        return bytesReadByStructure;
    }

    @Override
    public String toString() {
        return "PdbFile[" + path.getFileName() + ", guid " + guid() + ", age " + age() + ", "
                + linkerName().orElse("no linker module") + "]";
    }
}
