package io.github.hotpatch.pdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@link PdbSymbols}: the procedure and data records of each module's symbol substream (read the way
 * {@link LinkerModuleSymbols} reads the linker's module: only the first {@code symbolByteSize} bytes, never the line
 * info after them), and the data records of the DBI's global symbol record stream. Each record is read through a
 * window of its own length, so a length field can never send the reader past its record or stream; only the fields
 * of the record kinds listed here are decoded, the others are skipped by their length.
 */
public final class PdbSymbolsReader {

    public static final int S_END = 0x0006;
    public static final int S_LPROC32 = 0x110F;
    public static final int S_GPROC32 = 0x1110;
    public static final int S_LPROC32_ID = 0x1146;
    public static final int S_GPROC32_ID = 0x1147;

    private PdbSymbolsReader() {}

    /**
     * @throws PdbFormatException when a stream or record is malformed (the message names the stream and offset)
     * @throws IOException        when the file cannot be read
     */
    public static PdbSymbols read(Path path) throws IOException {
        try (MsfReader msf = MsfReader.open(path)) {
            if (msf.streamCount() <= DbiStream.STREAM) {
                throw msf.file()
                        .fail("stream directory has " + msf.streamCount()
                                + " streams, a PDB needs at least 4 (stream 1 PDB info, stream 3 DBI)");
            }
            PdbInfoStream info = PdbInfoStream.read(msf);
            DbiStream dbi = DbiStream.read(msf);
            List<ProcedureSymbol> procedures = new ArrayList<>();
            List<DataSymbol> data = new ArrayList<>();
            Set<String> seenData = new HashSet<>();
            for (DbiModule module : dbi.modules()) {
                if (!module.isLinkerModule()) {
                    readModule(msf, module, procedures, data, seenData);
                }
            }
            int records = dbi.symRecordStreamIndex();
            if (records != DbiStream.NO_STREAM) {
                if (!msf.exists(records)) {
                    throw msf.file()
                            .fail(DbiStream.NAME + " offset 20: symbol record stream is " + records + ", directory has "
                                    + msf.streamCount() + " streams");
                }
                readGlobalRecords(msf, records, data, seenData);
            }
            return new PdbSymbols(
                    path,
                    info.guid(),
                    info.age(),
                    dbi.machine(),
                    dbi.modules().stream().map(DbiModule::moduleName).toList(),
                    procedures,
                    data,
                    msf.file().bytesRead());
        }
    }

    private static void readGlobalRecords(MsfReader msf, int streamNumber, List<DataSymbol> data, Set<String> seen)
            throws IOException {
        String name = "stream " + streamNumber + " (symbol records)";
        MsfStream stream = msf.open(streamNumber, name, Long.MAX_VALUE);
        StreamCursor in = StreamCursor.over(stream, "global symbol records");
        while (in.remaining() > 0) {
            long at = in.position();
            StreamCursor record = next(in, at);
            int kind = record.u16("symbol record kind");
            if (isData(kind)) {
                DataSymbol symbol = readData(record, kind, -1, "");
                if (seen.add(key(symbol))) {
                    data.add(symbol);
                }
            }
        }
    }

    private static void readModule(
            MsfReader msf, DbiModule module, List<ProcedureSymbol> procedures, List<DataSymbol> data, Set<String> seen)
            throws IOException {
        if (module.symbolStream().isEmpty() || module.symbolByteSize() == 0) {
            return;
        }
        int streamNumber = module.symbolStream().getAsInt();
        String name = "stream " + streamNumber + " (module " + module.index() + " " + module.moduleName() + ")";
        MsfStream stream = msf.open(streamNumber, name, module.symbolByteSize());
        StreamCursor in = StreamCursor.over(stream, "module symbols");
        long signature = in.u32("module stream signature");
        if (signature != LinkerModuleSymbols.SIGNATURE_C13) {
            throw in.fail(
                    0,
                    "module stream signature is " + signature + ", expected " + LinkerModuleSymbols.SIGNATURE_C13
                            + " (CV_SIGNATURE_C13)");
        }
        // The outermost procedure the reader is inside, so that a function-local static gets its function's name.
        String procedure = "";
        long procedureEnd = -1;
        while (in.remaining() > 0) {
            long at = in.position();
            if (at >= procedureEnd) {
                procedure = "";
            }
            StreamCursor record = next(in, at);
            int kind = record.u16("symbol record kind");
            if (kind == S_GPROC32 || kind == S_LPROC32 || kind == S_GPROC32_ID || kind == S_LPROC32_ID) {
                record.skip(4, "procedure parent");
                long endAt = record.position();
                long end = record.u32("procedure end");
                record.skip(4, "procedure next");
                long codeSize = record.u32("procedure code size");
                record.skip(4 + 4 + 4, "procedure debug start, debug end, type");
                long offset = record.u32("procedure offset");
                int segment = record.u16("procedure segment");
                record.skip(1, "procedure flags");
                String procName = record.cString("procedure name");
                if (end <= at || end > in.end()) {
                    throw record.fail(
                            endAt,
                            "procedure " + procName + " ends at offset " + end + ", expected an offset after " + at
                                    + " inside the module's " + in.end() + " symbol bytes");
                }
                if (procedure.isEmpty()) {
                    procedure = procName;
                    procedureEnd = end;
                }
                procedures.add(new ProcedureSymbol(
                        procName,
                        kind == S_GPROC32 || kind == S_GPROC32_ID,
                        segment,
                        offset,
                        codeSize,
                        module.index(),
                        at));
            } else if (isData(kind)) {
                DataSymbol symbol = readData(record, kind, module.index(), procedure);
                if (seen.add(key(symbol))) {
                    data.add(symbol);
                }
            }
        }
    }

    /** The next record as a window of its own length; the outer cursor is moved past it. */
    private static StreamCursor next(StreamCursor in, long at) throws IOException {
        int length = in.u16("symbol record length");
        if (length < 2) {
            throw in.fail(at, "symbol record length is " + length + ", expected at least 2 (the record kind)");
        }
        StreamCursor record = in.window(in.position(), length, "symbol record at offset " + at);
        in.skip(length, "symbol record at offset " + at);
        return record;
    }

    private static boolean isData(int kind) {
        return kind == DataSymbol.S_GDATA32
                || kind == DataSymbol.S_LDATA32
                || kind == DataSymbol.S_GTHREAD32
                || kind == DataSymbol.S_LTHREAD32;
    }

    private static DataSymbol readData(StreamCursor record, int kind, int module, String procedure) throws IOException {
        long typeIndex = record.u32("data type index");
        long offset = record.u32("data offset");
        int segment = record.u16("data segment");
        String name = record.cString("data name");
        return new DataSymbol(
                procedure.isEmpty() ? name : procedure + "::" + name, kind, segment, offset, typeIndex, module);
    }

    private static String key(DataSymbol symbol) {
        return symbol.segment() + ":" + symbol.offset() + ":" + symbol.name();
    }
}
