package io.github.hotpatch.pe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the few load-config fields the checks need. The structure's own Size (not the directory size, which
 * old x86 linkers set to 0x40 for XP) says which fields exist; both must lie inside one section's raw data.
 */
final class LoadConfigParser {

    private final BoundedReader reader;
    private final RvaMapper mapper;

    LoadConfigParser(BoundedReader reader, RvaMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    /** @param directoryFieldOffset file offset of data directory #10 in the optional header, for messages */
    Optional<LoadConfig> parse(DataDirectory directory, long directoryFieldOffset, boolean pe32Plus)
            throws IOException {
        if (!directory.isPresent()) {
            return Optional.empty();
        }
        long offset = mapper.toFileOffset(
                directory.rva(), directory.size(), "load config directory RVA/size", directoryFieldOffset);
        if (directory.size() < 4) {
            throw fail(
                    "load config directory size",
                    directoryFieldOffset + 4,
                    "is " + directory.size() + "; expected at least 4 bytes for the structure's Size field");
        }
        long size = Integer.toUnsignedLong(
                reader.read(offset, 4, "load config Size").getInt(0));
        if (size < 4) {
            throw fail("load config Size", offset, "is " + size + "; expected at least 4 (the Size field itself)");
        }
        mapper.toFileOffset(directory.rva(), size, "load config Size " + Hex.of(size) + " with directory RVA", offset);

        int guardAt = pe32Plus ? LoadConfig.GUARD_FLAGS_64 : LoadConfig.GUARD_FLAGS_32;
        int chpeAt = pe32Plus ? LoadConfig.CHPE_METADATA_64 : LoadConfig.CHPE_METADATA_32;
        int chpeWidth = pe32Plus ? 8 : 4;
        int hotPatchAt = pe32Plus ? LoadConfig.HOT_PATCH_TABLE_64 : LoadConfig.HOT_PATCH_TABLE_32;
        // Read only up to the last field we report.
        long needed = Math.min(size, hotPatchAt + 4);
        ByteBuffer b = reader.read(offset, needed, "load config");

        OptionalInt guardFlags = size >= guardAt + 4 ? OptionalInt.of(b.getInt(guardAt)) : OptionalInt.empty();
        OptionalLong chpe = OptionalLong.empty();
        if (size >= chpeAt + chpeWidth) {
            chpe = OptionalLong.of(pe32Plus ? b.getLong(chpeAt) : Integer.toUnsignedLong(b.getInt(chpeAt)));
        }
        OptionalLong hotPatch = size >= hotPatchAt + 4
                ? OptionalLong.of(Integer.toUnsignedLong(b.getInt(hotPatchAt)))
                : OptionalLong.empty();
        return Optional.of(new LoadConfig(offset, directory.size(), size, guardFlags, chpe, hotPatch));
    }

    private PeFormatException fail(String field, long offset, String detail) {
        return new PeFormatException(reader.file(), field, offset, detail);
    }
}
