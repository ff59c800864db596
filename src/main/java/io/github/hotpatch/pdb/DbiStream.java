package io.github.hotpatch.pdb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Stream 3, the DBI stream: its 64-byte header (link flags such as "incrementally linked"), the module list, and the
 * optional debug header that names the FPO/FIXUP/OMAP/section-header streams. Only the header, the module-info
 * substream and the optional debug header are read; the other substreams are skipped by offset.
 *
 * @param versionSignature      -1 for every DBI stream written since VC 4.1
 * @param versionHeader         19990903 (V70) in current PDBs
 * @param age                   the DBI copy of the PDB age (llvm-pdbutil's summary prints the info stream's)
 * @param globalStreamIndex     stream of the global symbol hash
 * @param buildNumber           raw toolchain build number: bit 15 new format, bits 8..14 major, bits 0..7 minor
 * @param publicStreamIndex     stream of the public symbol hash
 * @param pdbDllVersion         version of mspdbXXX.dll that wrote the file
 * @param symRecordStreamIndex  stream of the symbol records
 * @param pdbDllRebuild         rebuild number of that dll
 * @param moduleInfoSize        bytes of the module-info substream
 * @param sectionContributionSize bytes of the section-contribution substream
 * @param sectionMapSize        bytes of the section-map substream
 * @param sourceInfoSize        bytes of the file-info substream
 * @param typeServerMapSize     bytes of the type-server-map substream
 * @param mfcTypeServerIndex    MFC type server index
 * @param optionalDebugHeaderSize bytes of the optional debug header (header offset 48)
 * @param ecSubstreamSize       bytes of the edit-and-continue substream (header offset 52)
 * @param flags                 header offset 56: bit 0 incrementally linked, bit 1 private symbols stripped,
 *                              bit 2 conflicting types
 * @param machine               IMAGE_FILE_MACHINE_* of the image (0xAA64 ARM64, 0x8664 x64)
 * @param debugStreams          the optional debug header: one stream number per slot, 0xFFFF for none
 * @param fixupStreamSize       size of the FIXUP stream (slot 2) when there is one
 * @param modules               the module list
 */
public record DbiStream(
        int versionSignature,
        long versionHeader,
        long age,
        int globalStreamIndex,
        int buildNumber,
        int publicStreamIndex,
        int pdbDllVersion,
        int symRecordStreamIndex,
        int pdbDllRebuild,
        int moduleInfoSize,
        int sectionContributionSize,
        int sectionMapSize,
        int sourceInfoSize,
        int typeServerMapSize,
        long mfcTypeServerIndex,
        int optionalDebugHeaderSize,
        int ecSubstreamSize,
        int flags,
        int machine,
        List<Integer> debugStreams,
        OptionalLong fixupStreamSize,
        List<DbiModule> modules) {

    static final int STREAM = 3;
    static final String NAME = "stream 3 (DBI)";
    static final int HEADER_SIZE = 64;

    /** Header offset of the module info size, the first of the substream sizes the header adds up. */
    static final int MODULE_INFO_SIZE_OFFSET = 24;

    /** Header offset of the optional debug header size. */
    static final int OPTIONAL_DEBUG_HEADER_SIZE_OFFSET = 48;

    /** Slots of the optional debug header. */
    public static final int DEBUG_FPO = 0;

    public static final int DEBUG_EXCEPTION = 1;
    public static final int DEBUG_FIXUP = 2;
    public static final int DEBUG_OMAP_TO_SOURCE = 3;
    public static final int DEBUG_OMAP_FROM_SOURCE = 4;
    public static final int DEBUG_SECTION_HEADER = 5;
    public static final int DEBUG_TOKEN_RID_MAP = 6;
    public static final int DEBUG_XDATA = 7;
    public static final int DEBUG_PDATA = 8;
    public static final int DEBUG_NEW_FPO = 9;
    public static final int DEBUG_ORIGINAL_SECTION_HEADER = 10;

    /** Stream number meaning "no stream" in 16-bit stream fields. */
    public static final int NO_STREAM = 0xFFFF;

    public static final int FLAG_INCREMENTALLY_LINKED = 0x1;
    public static final int FLAG_STRIPPED = 0x2;
    public static final int FLAG_CONFLICTING_TYPES = 0x4;

    /** Writers use 11 slots; a much larger header is garbage and is refused rather than buffered. */
    private static final int MAX_DEBUG_STREAMS = 1024;

    public DbiStream {
        debugStreams = List.copyOf(debugStreams);
        modules = List.copyOf(modules);
    }

    public boolean incrementallyLinked() {
        return (flags & FLAG_INCREMENTALLY_LINKED) != 0;
    }

    public boolean stripped() {
        return (flags & FLAG_STRIPPED) != 0;
    }

    public boolean hasConflictingTypes() {
        return (flags & FLAG_CONFLICTING_TYPES) != 0;
    }

    /** Whether {@link #buildNumber()} uses the major/minor layout (bit 15). */
    public boolean newBuildNumberFormat() {
        return (buildNumber & 0x8000) != 0;
    }

    public int toolchainMajor() {
        return (buildNumber >> 8) & 0x7F;
    }

    public int toolchainMinor() {
        return buildNumber & 0xFF;
    }

    /** The stream in a slot of the optional debug header, if the slot exists and names a stream. */
    public OptionalInt debugStream(int slot) {
        if (slot < 0 || slot >= debugStreams.size() || debugStreams.get(slot) == NO_STREAM) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(debugStreams.get(slot));
    }

    /** The FIXUP stream ({@code /DEBUGTYPE:FIXUP}, implied by MSVC's {@code /PROFILE}). */
    public OptionalInt fixupStream() {
        return debugStream(DEBUG_FIXUP);
    }

    /** The first module named "* Linker *". */
    public Optional<DbiModule> linkerModule() {
        return modules.stream().filter(DbiModule::isLinkerModule).findFirst();
    }

    static DbiStream read(MsfReader msf) throws IOException {
        if (msf.isNil(STREAM)) {
            throw msf.file().fail(NAME + " is a nil stream, expected the DBI stream");
        }
        long size = msf.streamSize(STREAM);
        if (size < HEADER_SIZE) {
            throw msf.file().fail(NAME + " has " + size + " bytes, its header needs " + HEADER_SIZE);
        }
        MsfStream stream = msf.open(STREAM, NAME, Long.MAX_VALUE);
        StreamCursor in = StreamCursor.over(stream, "DBI stream");
        int versionSignature = in.i32("version signature");
        if (versionSignature != -1) {
            throw in.fail(
                    0, "version signature is " + versionSignature + ", expected -1 (DBI format of VC 4.1 and later)");
        }
        long versionHeader = in.u32("version header");
        long age = in.u32("age");
        int globalStreamIndex = in.u16("global stream index");
        int buildNumber = in.u16("build number");
        int publicStreamIndex = in.u16("public stream index");
        int pdbDllVersion = in.u16("PDB DLL version");
        int symRecordStream = in.u16("symbol record stream");
        int pdbDllRebuild = in.u16("PDB DLL rebuild");
        int moduleInfoSize = substreamSize(in, "module info size");
        int sectionContributionSize = substreamSize(in, "section contribution size");
        int sectionMapSize = substreamSize(in, "section map size");
        int sourceInfoSize = substreamSize(in, "source info size");
        int typeServerMapSize = substreamSize(in, "type server map size");
        long mfcTypeServerIndex = in.u32("MFC type server index");
        int optionalDebugHeaderSize = substreamSize(in, "optional debug header size");
        int ecSubstreamSize = substreamSize(in, "EC substream size");
        int flags = in.u16("flags");
        int machine = in.u16("machine");

        long total = (long) HEADER_SIZE
                + moduleInfoSize
                + sectionContributionSize
                + sectionMapSize
                + sourceInfoSize
                + typeServerMapSize
                + ecSubstreamSize
                + optionalDebugHeaderSize;
        if (total > size) {
            throw in.fail(
                    MODULE_INFO_SIZE_OFFSET, "header and substreams add up to " + total + " bytes, stream has " + size);
        }

        List<DbiModule> modules = readModules(msf, in.window(HEADER_SIZE, moduleInfoSize, "DBI module info substream"));

        // Substreams in order: module info, section contributions, section map, file info, type server map, EC,
        // optional debug header.
        long debugHeaderAt = (long) HEADER_SIZE
                + moduleInfoSize
                + sectionContributionSize
                + sectionMapSize
                + sourceInfoSize
                + typeServerMapSize
                + ecSubstreamSize;
        StreamCursor debugHeader = in.window(debugHeaderAt, optionalDebugHeaderSize, "DBI optional debug header");
        if (optionalDebugHeaderSize % 2 != 0) {
            throw in.fail(
                    OPTIONAL_DEBUG_HEADER_SIZE_OFFSET,
                    "optional debug header size is " + optionalDebugHeaderSize
                            + ", expected an even number (an array of u16 stream numbers)");
        }
        if (optionalDebugHeaderSize / 2 > MAX_DEBUG_STREAMS) {
            throw in.fail(
                    OPTIONAL_DEBUG_HEADER_SIZE_OFFSET,
                    "optional debug header has " + optionalDebugHeaderSize / 2 + " slots, expected at most "
                            + MAX_DEBUG_STREAMS);
        }
        List<Integer> debugStreams = new ArrayList<>();
        for (int slot = 0; slot < optionalDebugHeaderSize / 2; slot++) {
            long at = debugHeader.position();
            int streamNumber = debugHeader.u16("optional debug header slot " + slot);
            if (streamNumber != NO_STREAM && !msf.exists(streamNumber)) {
                throw debugHeader.fail(
                        at,
                        "optional debug header slot " + slot + " names stream " + streamNumber + ", directory has "
                                + msf.streamCount() + " streams");
            }
            debugStreams.add(streamNumber);
        }
        OptionalLong fixupSize = OptionalLong.empty();
        if (debugStreams.size() > DEBUG_FIXUP && debugStreams.get(DEBUG_FIXUP) != NO_STREAM) {
            fixupSize = OptionalLong.of(msf.streamSize(debugStreams.get(DEBUG_FIXUP)));
        }
        return new DbiStream(
                versionSignature,
                versionHeader,
                age,
                globalStreamIndex,
                buildNumber,
                publicStreamIndex,
                pdbDllVersion,
                symRecordStream,
                pdbDllRebuild,
                moduleInfoSize,
                sectionContributionSize,
                sectionMapSize,
                sourceInfoSize,
                typeServerMapSize,
                mfcTypeServerIndex,
                optionalDebugHeaderSize,
                ecSubstreamSize,
                flags,
                machine,
                debugStreams,
                fixupSize,
                modules);
    }

    private static int substreamSize(StreamCursor in, String field) throws IOException {
        long at = in.position();
        int value = in.i32(field);
        if (value < 0) {
            throw in.fail(at, field + " is " + value + ", expected a byte count >= 0");
        }
        return value;
    }

    /**
     * Module-info records: a 64-byte fixed part, module name and object name (both NUL-terminated), padded to 4
     * bytes. The substream starts at DBI offset 64, so padding is aligned on absolute offsets.
     */
    private static List<DbiModule> readModules(MsfReader msf, StreamCursor in) throws IOException {
        List<DbiModule> modules = new ArrayList<>();
        while (in.remaining() > 0) {
            int index = modules.size();
            long at = in.position();
            String record = "module info record " + index;
            if (in.remaining() < 64) {
                throw in.fail(at, record + ": " + in.remaining() + " bytes left, a record needs at least 64");
            }
            // The 64 bytes checked above hold every fixed field, so these reads cannot fail: constant labels, not
            // a string built per field of each of a PDB's thousands of records.
            in.skip(4, "module info record unused field");
            in.skip(28, "module info record section contribution");
            int flags = in.u16("module info record flags");
            long streamAt = in.position();
            int symbolStream = in.u16("module info record symbol stream");
            long symbolByteSize = in.u32("module info record symbol byte size");
            long c11ByteSize = in.u32("module info record C11 byte size");
            long c13ByteSize = in.u32("module info record C13 byte size");
            int sourceFileCount = in.u16("module info record source file count");
            in.skip(2 + 4 + 4 + 4, "module info record name indices");
            String moduleName = in.cString(record + " module name");
            String objectName = in.cString(record + " object file name");
            long padding = (4 - in.position() % 4) % 4;
            in.seek(Math.min(in.position() + padding, in.end()), record + " padding");

            OptionalInt stream = OptionalInt.empty();
            if (symbolStream != NO_STREAM) {
                if (!msf.exists(symbolStream)) {
                    throw in.fail(
                            streamAt,
                            record + " (" + moduleName + ") names symbol stream " + symbolStream + ", directory has "
                                    + msf.streamCount() + " streams");
                }
                if (symbolByteSize > msf.streamSize(symbolStream)) {
                    throw in.fail(
                            streamAt + 2,
                            record + " (" + moduleName + ") claims " + symbolByteSize + " symbol bytes, stream "
                                    + symbolStream + " has " + msf.streamSize(symbolStream));
                }
                stream = OptionalInt.of(symbolStream);
            }
            modules.add(new DbiModule(
                    index,
                    moduleName,
                    objectName,
                    stream,
                    symbolByteSize,
                    c11ByteSize,
                    c13ByteSize,
                    sourceFileCount,
                    flags));
        }
        return modules;
    }
}
