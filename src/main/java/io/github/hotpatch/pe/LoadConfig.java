package io.github.hotpatch.pe;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The fields of IMAGE_LOAD_CONFIG_DIRECTORY{32,64} the hotpatch checks use. A field is present only when the
 * structure's own {@code Size} covers it (older linkers write shorter structures).
 *
 * @param directorySize       size recorded in data directory #10 (may differ from {@code size} on old x86 images)
 * @param size                the structure's own leading Size field
 * @param guardFlags          GuardFlags (64-bit 0x90, 32-bit 0x58)
 * @param chpeMetadataPointer CHPEMetadataPointer VA (64-bit 0xC8, 32-bit 0x7C)
 * @param hotPatchTableOffset HotPatchTableOffset u32 (64-bit 0xF0, 32-bit 0x94); describes a patch image,
 *                            expected 0 in a base DLL
 */
public record LoadConfig(
        long fileOffset,
        long directorySize,
        long size,
        OptionalInt guardFlags,
        OptionalLong chpeMetadataPointer,
        OptionalLong hotPatchTableOffset) {

    static final int GUARD_FLAGS_64 = 0x90;
    static final int CHPE_METADATA_64 = 0xC8;
    static final int HOT_PATCH_TABLE_64 = 0xF0;
    static final int GUARD_FLAGS_32 = 0x58;
    static final int CHPE_METADATA_32 = 0x7C;
    static final int HOT_PATCH_TABLE_32 = 0x94;

    @Override
    public String toString() {
        return "LoadConfig[offset=" + Hex.of(fileOffset) + ", directorySize=" + Hex.of(directorySize) + ", size="
                + Hex.of(size)
                + (guardFlags.isPresent() ? ", guardFlags=" + Hex.u32(guardFlags.getAsInt()) : "")
                + (chpeMetadataPointer.isPresent()
                        ? ", chpeMetadataPointer=" + Hex.of(chpeMetadataPointer.getAsLong())
                        : "")
                + (hotPatchTableOffset.isPresent()
                        ? ", hotPatchTableOffset=" + Hex.of(hotPatchTableOffset.getAsLong())
                        : "")
                + "]";
    }
}
