package io.github.hotpatch.pe;

/**
 * The COFF header's Machine field. ARM64X images are marked {@link #ARM64} too (FACTS §2).
 *
 * @param code the raw u16 value
 * @param name "ARM64", "x64", "ARM64EC", "x86", "ARMNT", or the value in hex
 */
public record Machine(int code, String name) {

    public static final int ARM64 = 0xAA64;
    public static final int AMD64 = 0x8664;
    public static final int ARM64EC = 0xA641;
    public static final int I386 = 0x014C;
    public static final int ARMNT = 0x01C4;

    public static Machine of(int code) {
        return new Machine(
                code,
                switch (code) {
                    case ARM64 -> "ARM64";
                    case AMD64 -> "x64";
                    case ARM64EC -> "ARM64EC";
                    case I386 -> "x86";
                    case ARMNT -> "ARMNT";
                    default -> String.format("0x%04X", code);
                });
    }

    @Override
    public String toString() {
        return name + String.format(" (0x%04X)", code);
    }
}
