package io.github.hotpatch.pe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point: reads the parts of a PE image (DLL/EXE) that prove how it was linked.
 *
 * <p>Only the DOS header and stub, PE headers, section table, debug directory and the records it points to,
 * and the load config are read — never the whole file ({@link PeImage#bytesRead()} says how much).
 *
 * <p>Errors and warnings: anything structurally wrong in the headers, the section table (including raw data
 * past the end of the file, i.e. truncation), the debug directory or the load config throws
 * {@link PeFormatException}. Two things only produce a {@linkplain PeImage#warnings() warning}: a damaged Rich
 * header (informational, the loader ignores it) and CODEVIEW records that are not RSDS or not NUL-terminated.
 */
public final class PeImageReader {

    /** The Rich header sits just before e_lfanew; real ones are a few hundred bytes. Larger stubs are not scanned further. */
    static final int MAX_STUB_READ = 64 * 1024;

    private PeImageReader() {}

    public static PeImage read(Path file) throws IOException {
        try (BoundedReader reader = BoundedReader.open(file)) {
            List<String> warnings = new ArrayList<>();
            Headers headers = new HeaderParser(reader, warnings).parse();
            boolean plus = headers.optional().isPe32Plus();
            long directoriesAt = headers.eLfanew()
                    + HeaderParser.PE_SIGNATURE_SIZE
                    + CoffHeader.SIZE
                    + (plus ? HeaderParser.PE32_PLUS_FIXED_SIZE : HeaderParser.PE32_FIXED_SIZE);
            RvaMapper mapper =
                    new RvaMapper(file, headers.sections(), headers.optional().sizeOfHeaders());

            List<DebugEntry> debug = new DebugDirectoryParser(reader, mapper, warnings)
                    .parse(
                            headers.directories().get(DataDirectory.DEBUG),
                            directoriesAt + (long) HeaderParser.DATA_DIRECTORY_SIZE * DataDirectory.DEBUG);
            Optional<LoadConfig> loadConfig = new LoadConfigParser(reader, mapper)
                    .parse(
                            headers.directories().get(DataDirectory.LOAD_CONFIG),
                            directoriesAt + (long) HeaderParser.DATA_DIRECTORY_SIZE * DataDirectory.LOAD_CONFIG,
                            plus);
            Optional<RichHeader> rich = Optional.empty();
            if (headers.eLfanew() > HeaderParser.DOS_HEADER_SIZE) {
                long stubLength = Math.min(headers.eLfanew(), MAX_STUB_READ);
                ByteBuffer stub = reader.read(0, stubLength, "DOS stub");
                rich = RichHeaderDecoder.decode(stub, warnings);
            }
            return new PeImage(
                    file,
                    reader.size(),
                    headers.eLfanew(),
                    headers.coff(),
                    headers.optional(),
                    headers.directories(),
                    headers.sections(),
                    debug,
                    loadConfig,
                    rich,
                    warnings,
                    reader.bytesRead());
        }
    }
}
