package io.github.hotpatch.pe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the export directory (data directory #0): the 40-byte IMAGE_EXPORT_DIRECTORY, its export address table, name
 * pointer table and ordinal table (PE/COFF specification, "The .edata Section"). Every table must lie inside one
 * section's raw data; a violation is a {@link PeFormatException} naming the field.
 */
public final class ExportTableReader {

    static final int DIRECTORY_SIZE = 40;
    /** Longest export or forwarder name accepted; real ones are far shorter. */
    static final int MAX_NAME = 4096;
    /** 16-bit ordinals cannot address more entries than this. */
    static final long MAX_ENTRIES = 0x10000;

    private ExportTableReader() {}

    public static ExportTable read(Path file) throws IOException {
        try (ImageAccess image = ImageAccess.open(file)) {
            return read(image);
        }
    }

    static ExportTable read(ImageAccess image) throws IOException {
        DataDirectory dir = image.directory(DataDirectory.EXPORT);
        if (!dir.isPresent()) {
            return new ExportTable(image.file(), "", 0, List.of());
        }
        long dirField = image.directoryFieldOffset(DataDirectory.EXPORT);
        if (dir.size() < DIRECTORY_SIZE) {
            throw new PeFormatException(
                    image.file(),
                    "export data directory size",
                    dirField + 4,
                    "is " + Hex.of(dir.size()) + ", expected at least 0x28 (IMAGE_EXPORT_DIRECTORY)");
        }
        long at = image.fileOffset(dir.rva(), DIRECTORY_SIZE, "export directory", dirField);
        ByteBuffer d = image.readRva(dir.rva(), DIRECTORY_SIZE, "export directory", dirField);
        long nameRva = Integer.toUnsignedLong(d.getInt(12));
        long base = Integer.toUnsignedLong(d.getInt(16));
        long functionCount = Integer.toUnsignedLong(d.getInt(20));
        long nameCount = Integer.toUnsignedLong(d.getInt(24));
        long functionsRva = Integer.toUnsignedLong(d.getInt(28));
        long namesRva = Integer.toUnsignedLong(d.getInt(32));
        long ordinalsRva = Integer.toUnsignedLong(d.getInt(36));
        if (functionCount > MAX_ENTRIES) {
            throw new PeFormatException(
                    image.file(),
                    "export directory NumberOfFunctions",
                    at + 20,
                    "is " + functionCount + ", expected at most " + MAX_ENTRIES + " (ordinals are 16 bit)");
        }
        if (nameCount > functionCount) {
            throw new PeFormatException(
                    image.file(),
                    "export directory NumberOfNames",
                    at + 24,
                    "is " + nameCount + ", expected at most NumberOfFunctions (" + functionCount + ")");
        }
        String dllName = nameRva == 0 ? "" : image.cString(nameRva, MAX_NAME, "export directory Name", at + 12);

        Map<Integer, String> names = new HashMap<>();
        if (nameCount > 0) {
            ByteBuffer namePointers = image.readRva(namesRva, 4 * nameCount, "export name pointer table", at + 32);
            ByteBuffer ordinals = image.readRva(ordinalsRva, 2 * nameCount, "export ordinal table", at + 36);
            long ordinalsAt = image.fileOffset(ordinalsRva, 2 * nameCount, "export ordinal table", at + 36);
            long pointersAt = image.fileOffset(namesRva, 4 * nameCount, "export name pointer table", at + 32);
            for (int i = 0; i < nameCount; i++) {
                int index = ordinals.getShort(2 * i) & 0xFFFF;
                if (index >= functionCount) {
                    throw new PeFormatException(
                            image.file(),
                            "export ordinal table entry " + i,
                            ordinalsAt + 2L * i,
                            "is " + index + ", expected an index below NumberOfFunctions (" + functionCount + ")");
                }
                long pointer = Integer.toUnsignedLong(namePointers.getInt(4 * i));
                String name = image.cString(pointer, MAX_NAME, "export name pointer " + i, pointersAt + 4L * i);
                names.putIfAbsent(index, name);
            }
        }
        List<Export> exports = new ArrayList<>();
        if (functionCount > 0) {
            ByteBuffer functions = image.readRva(functionsRva, 4 * functionCount, "export address table", at + 28);
            long functionsAt = image.fileOffset(functionsRva, 4 * functionCount, "export address table", at + 28);
            for (int i = 0; i < functionCount; i++) {
                long rva = Integer.toUnsignedLong(functions.getInt(4 * i));
                if (rva == 0) {
                    continue; // an unused ordinal
                }
                Optional<String> forwarder = Optional.empty();
                if (rva >= dir.rva() && rva - dir.rva() < dir.size()) {
                    forwarder = Optional.of(image.cString(
                            rva, MAX_NAME, "forwarder of export address entry " + i, functionsAt + 4L * i));
                }
                exports.add(new Export(base + i, Optional.ofNullable(names.get(i)), rva, forwarder));
            }
        }
        return new ExportTable(image.file(), dllName, base, exports);
    }
}
