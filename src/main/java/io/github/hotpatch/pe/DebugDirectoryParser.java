package io.github.hotpatch.pe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the debug directory (data directory #6) and, for CODEVIEW and EX_DLLCHARACTERISTICS entries, the
 * records they point to. A malformed directory or a payload outside the file is an error: this is the
 * evidence the verifier relies on, so a half-read directory would be worse than none.
 */
final class DebugDirectoryParser {

    /** Real images carry a handful of entries; this bound only stops forged directories. */
    static final int MAX_ENTRIES = 1024;
    /** Longest PDB path we read; Windows paths are at most 32767 UTF-16 units. */
    static final int MAX_CODEVIEW_BYTES = CodeViewRecord.FIXED_SIZE + 3 * 32768;

    // IMAGE_DEBUG_DIRECTORY field offsets, from the entry's start (DebugEntry.SIZE bytes in all).
    static final int ENTRY_CHARACTERISTICS = 0;
    static final int ENTRY_TIME_DATE_STAMP = 4;
    static final int ENTRY_MAJOR_VERSION = 8;
    static final int ENTRY_MINOR_VERSION = 10;
    static final int ENTRY_TYPE = 12;
    static final int ENTRY_SIZE_OF_DATA = 16;
    static final int ENTRY_ADDRESS_OF_RAW_DATA = 20;
    static final int ENTRY_POINTER_TO_RAW_DATA = 24;

    // RSDS record field offsets: the signature, the PDB GUID, the age, then the NUL-terminated path.
    static final int RSDS_SIGNATURE_SIZE = 4;
    static final int RSDS_GUID = 4;
    static final int RSDS_GUID_SIZE = 16;
    static final int RSDS_AGE = 20;

    private final BoundedReader reader;
    private final RvaMapper mapper;
    private final List<String> warnings;

    DebugDirectoryParser(BoundedReader reader, RvaMapper mapper, List<String> warnings) {
        this.reader = reader;
        this.mapper = mapper;
        this.warnings = warnings;
    }

    /** @param directoryFieldOffset file offset of data directory #6 in the optional header, for messages */
    List<DebugEntry> parse(DataDirectory directory, long directoryFieldOffset) throws IOException {
        if (directory.rva() == 0 && directory.size() == 0) {
            return List.of();
        }
        if (directory.size() == 0) {
            warnings.add("debug directory RVA is " + Hex.of(directory.rva()) + " but its size is 0: no debug entries");
            return List.of();
        }
        if (directory.rva() == 0) {
            throw fail(
                    "debug directory RVA",
                    directoryFieldOffset,
                    "is 0 while its size is " + Hex.of(directory.size()) + "; expected both set or both 0");
        }
        if (directory.size() % DebugEntry.SIZE != 0) {
            throw fail(
                    "debug directory size",
                    directoryFieldOffset + 4,
                    "is " + Hex.of(directory.size())
                            + " (" + directory.size() + "); expected a multiple of " + DebugEntry.SIZE
                            + ", the size of one IMAGE_DEBUG_DIRECTORY entry");
        }
        long count = directory.size() / DebugEntry.SIZE;
        if (count > MAX_ENTRIES) {
            throw fail(
                    "debug directory size",
                    directoryFieldOffset + 4,
                    "is " + Hex.of(directory.size()) + ", i.e. " + count + " entries; expected at most " + MAX_ENTRIES);
        }
        long offset = mapper.toFileOffset(
                directory.rva(), directory.size(), "debug directory RVA/size", directoryFieldOffset);
        ByteBuffer table = reader.read(offset, directory.size(), "debug directory");
        List<DebugEntry> entries = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            entries.add(parseEntry(table, i * DebugEntry.SIZE, offset + (long) i * DebugEntry.SIZE));
        }
        if (entries.stream()
                        .filter(e -> e.type() == DebugType.EX_DLLCHARACTERISTICS)
                        .count()
                > 1) {
            warnings.add("more than one EX_DLLCHARACTERISTICS debug entry; the first one is reported");
        }
        return entries;
    }

    private DebugEntry parseEntry(ByteBuffer table, int at, long entryOffset) throws IOException {
        long characteristics = Integer.toUnsignedLong(table.getInt(at + ENTRY_CHARACTERISTICS));
        long timeDateStamp = Integer.toUnsignedLong(table.getInt(at + ENTRY_TIME_DATE_STAMP));
        int major = Short.toUnsignedInt(table.getShort(at + ENTRY_MAJOR_VERSION));
        int minor = Short.toUnsignedInt(table.getShort(at + ENTRY_MINOR_VERSION));
        int type = table.getInt(at + ENTRY_TYPE);
        long sizeOfData = Integer.toUnsignedLong(table.getInt(at + ENTRY_SIZE_OF_DATA));
        long addressOfRawData = Integer.toUnsignedLong(table.getInt(at + ENTRY_ADDRESS_OF_RAW_DATA));
        long pointerToRawData = Integer.toUnsignedLong(table.getInt(at + ENTRY_POINTER_TO_RAW_DATA));
        Optional<CodeViewRecord> codeView = Optional.empty();
        OptionalInt ex = OptionalInt.empty();
        if (type == DebugType.CODEVIEW) {
            codeView = readCodeView(entryOffset, sizeOfData, addressOfRawData, pointerToRawData);
        } else if (type == DebugType.EX_DLLCHARACTERISTICS) {
            ex = readExDllCharacteristics(entryOffset, sizeOfData, addressOfRawData, pointerToRawData);
        }
        return new DebugEntry(
                entryOffset,
                characteristics,
                timeDateStamp,
                major,
                minor,
                type,
                sizeOfData,
                addressOfRawData,
                pointerToRawData,
                codeView,
                ex);
    }

    private Optional<CodeViewRecord> readCodeView(long entryOffset, long sizeOfData, long rva, long pointer)
            throws IOException {
        OptionalLong dataOffset = payloadOffset("CODEVIEW", entryOffset, sizeOfData, rva, pointer);
        if (dataOffset.isEmpty()) {
            return Optional.empty();
        }
        long at = dataOffset.getAsLong();
        if (sizeOfData < RSDS_SIGNATURE_SIZE) {
            throw fail(
                    "CODEVIEW debug entry SizeOfData",
                    entryOffset + ENTRY_SIZE_OF_DATA,
                    "is " + sizeOfData + "; expected at least " + (CodeViewRecord.FIXED_SIZE + 1)
                            + " for an RSDS record");
        }
        int signature =
                reader.read(at, RSDS_SIGNATURE_SIZE, "CodeView signature").getInt(0);
        if (signature != CodeViewRecord.RSDS_SIGNATURE) {
            // NB10 (PDB 2.0) and others predate RSDS; report the entry but no GUID.
            warnings.add("CODEVIEW record at " + Hex.of(at) + " has signature " + Hex.u32(signature)
                    + ", not RSDS: no PDB GUID available");
            return Optional.empty();
        }
        if (sizeOfData < CodeViewRecord.FIXED_SIZE + 1) {
            throw fail(
                    "CODEVIEW debug entry SizeOfData",
                    entryOffset + ENTRY_SIZE_OF_DATA,
                    "is " + sizeOfData + "; expected at least " + (CodeViewRecord.FIXED_SIZE + 1)
                            + " for an RSDS record");
        }
        long length = Math.min(sizeOfData, MAX_CODEVIEW_BYTES);
        ByteBuffer record = reader.read(at, length, "RSDS record");
        byte[] guid = new byte[RSDS_GUID_SIZE];
        record.get(RSDS_GUID, guid);
        long age = Integer.toUnsignedLong(record.getInt(RSDS_AGE));
        int pathLength = 0;
        int pathBytes = (int) length - CodeViewRecord.FIXED_SIZE;
        while (pathLength < pathBytes && record.get(CodeViewRecord.FIXED_SIZE + pathLength) != 0) {
            pathLength++;
        }
        if (pathLength == pathBytes) {
            warnings.add("RSDS record at " + Hex.of(at) + ": PDB path is not NUL-terminated within its " + length
                    + " bytes");
        }
        byte[] path = new byte[pathLength];
        record.get(CodeViewRecord.FIXED_SIZE, path);
        return Optional.of(new CodeViewRecord(guid, age, new String(path, StandardCharsets.UTF_8)));
    }

    private OptionalInt readExDllCharacteristics(long entryOffset, long sizeOfData, long rva, long pointer)
            throws IOException {
        OptionalLong dataOffset = payloadOffset("EX_DLLCHARACTERISTICS", entryOffset, sizeOfData, rva, pointer);
        if (dataOffset.isEmpty()) {
            return OptionalInt.empty();
        }
        if (sizeOfData < 4) {
            throw fail(
                    "EX_DLLCHARACTERISTICS debug entry SizeOfData",
                    entryOffset + ENTRY_SIZE_OF_DATA,
                    "is " + sizeOfData + "; expected at least 4 for the flags DWORD");
        }
        return OptionalInt.of(reader.read(dataOffset.getAsLong(), 4, "EX_DLLCHARACTERISTICS value")
                .getInt(0));
    }

    /**
     * Where an entry's data lies in the file: PointerToRawData when set (what the loader and debuggers use),
     * else AddressOfRawData mapped through the sections. The whole SizeOfData range must be inside the file.
     */
    private OptionalLong payloadOffset(String kind, long entryOffset, long sizeOfData, long rva, long pointer)
            throws PeFormatException {
        long offset;
        if (pointer != 0) {
            if (!reader.covers(pointer, sizeOfData)) {
                throw fail(
                        kind + " debug entry PointerToRawData/SizeOfData",
                        entryOffset + ENTRY_POINTER_TO_RAW_DATA,
                        "place its data at "
                                + Hex.of(pointer) + ".." + Hex.of(pointer + sizeOfData) + ", past the end of the "
                                + reader.size() + "-byte file");
            }
            offset = pointer;
            if (rva != 0) {
                OptionalLong mapped = mapper.tryFileOffset(rva);
                if (mapped.isEmpty() || mapped.getAsLong() != pointer) {
                    warnings.add(kind + " debug entry at " + Hex.of(entryOffset) + ": AddressOfRawData " + Hex.of(rva)
                            + " maps to " + (mapped.isEmpty() ? "no file offset" : Hex.of(mapped.getAsLong()))
                            + ", not PointerToRawData " + Hex.of(pointer) + "; PointerToRawData was used");
                }
            }
        } else if (rva != 0) {
            offset = mapper.toFileOffset(
                    rva,
                    sizeOfData,
                    kind + " debug entry AddressOfRawData/SizeOfData",
                    entryOffset + ENTRY_ADDRESS_OF_RAW_DATA);
        } else {
            warnings.add(kind + " debug entry at " + Hex.of(entryOffset) + " has no data (both pointers are 0)");
            return OptionalLong.empty();
        }
        return OptionalLong.of(offset);
    }

    private PeFormatException fail(String field, long offset, String detail) {
        return new PeFormatException(reader.file(), field, offset, detail);
    }
}
