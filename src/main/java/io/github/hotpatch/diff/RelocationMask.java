package io.github.hotpatch.diff;

import java.util.Arrays;

/** Zeroes, in a function's bytes, every byte the base-relocation table rewrites: those hold absolute addresses. */
final class RelocationMask {

    private RelocationMask() {}

    /**
     * @param bytes       the function's bytes, changed in place
     * @param rva         RVA of {@code bytes[0]}
     * @param relocations {@code rva << 4 | width}, sorted
     */
    static void apply(byte[] bytes, long rva, long[] relocations) {
        if (relocations.length == 0 || bytes.length == 0) {
            return;
        }
        // A relocated field may start up to 7 bytes before the function and reach into it.
        int i = Arrays.binarySearch(relocations, Math.max(0, rva - 8) << 4);
        if (i < 0) {
            i = -i - 1;
        }
        for (; i < relocations.length; i++) {
            long at = relocations[i] >>> 4;
            int width = (int) (relocations[i] & 0xF);
            if (at >= rva + bytes.length) {
                break;
            }
            for (long b = Math.max(at, rva); b < at + width && b < rva + bytes.length; b++) {
                bytes[(int) (b - rva)] = 0;
            }
        }
    }
}
