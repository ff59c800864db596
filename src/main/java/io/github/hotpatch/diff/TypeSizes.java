package io.github.hotpatch.diff;

/**
 * Sizes of CodeView built-in ("simple") types, whose type index below 0x1000 encodes them (llvm
 * {@code CodeView/TypeIndex.h}, Microsoft {@code cvinfo.h}): bits 0..7 the kind, bits 8..11 the pointer mode. Other
 * type indices name TPI records, whose sizes this package does not read; they compare by index only.
 */
final class TypeSizes {

    private TypeSizes() {}

    /** The size in bytes of a simple type, or -1 when {@code typeIndex} is not one (or is void / unknown). */
    static long simpleSize(long typeIndex) {
        if (typeIndex < 0 || typeIndex >= 0x1000) {
            return -1;
        }
        int mode = (int) (typeIndex >> 8) & 0xF;
        switch (mode) {
            case 0:
                break;
            case 4, 5:
                return 4; // 32-bit pointers
            case 6:
                return 8; // 64-bit pointer
            case 8:
                return 16; // 128-bit pointer
            default:
                return -1; // 16-bit near/far pointers: not produced for these targets
        }
        return switch ((int) typeIndex & 0xFF) {
            case 0x10, 0x20, 0x68, 0x69, 0x70, 0x7C, 0x30 -> 1;
            case 0x11, 0x21, 0x72, 0x73, 0x71, 0x7A, 0x31, 0x46 -> 2;
            case 0x12, 0x22, 0x74, 0x75, 0x7B, 0x40, 0x32 -> 4;
            case 0x13, 0x23, 0x76, 0x77, 0x41, 0x33 -> 8;
            case 0x42 -> 10;
            case 0x78, 0x79, 0x43 -> 16;
            default -> -1;
        };
    }

    static String describe(long typeIndex) {
        long size = simpleSize(typeIndex);
        return String.format("0x%04X", typeIndex) + (size >= 0 ? " (" + size + " bytes)" : "");
    }
}
