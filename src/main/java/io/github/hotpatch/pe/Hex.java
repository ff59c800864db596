package io.github.hotpatch.pe;

/** Upper-case hex formatting shared by messages and {@code toString}s, matching how llvm-readobj prints values. */
final class Hex {

    private Hex() {}

    static String of(long value) {
        return "0x" + Long.toHexString(value).toUpperCase();
    }

    static String u32(int value) {
        return of(Integer.toUnsignedLong(value));
    }
}
