package io.github.hotpatch.pdb;

import java.util.Arrays;

/**
 * The 16-byte GUID that ties a PDB to its image (the PE's RSDS record carries the same bytes). Kept raw so it can be
 * compared byte for byte, and formatted the way llvm-pdbutil and llvm-readobj print it.
 */
public final class PdbGuid {

    private final byte[] bytes;

    private PdbGuid(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A GUID from its 16 on-disk bytes (Data1, Data2, Data3 little-endian, then Data4). */
    public static PdbGuid of(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a GUID has 16 bytes, got " + bytes.length);
        }
        return new PdbGuid(bytes.clone());
    }

    /** The 16 bytes as stored in the file. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}, upper case, Data1..3 read little-endian. */
    public String formatted() {
        StringBuilder sb = new StringBuilder("{");
        hex(sb, 3, 2, 1, 0);
        sb.append('-');
        hex(sb, 5, 4);
        sb.append('-');
        hex(sb, 7, 6);
        sb.append('-');
        hex(sb, 8, 9);
        sb.append('-');
        hex(sb, 10, 11, 12, 13, 14, 15);
        return sb.append('}').toString();
    }

    private void hex(StringBuilder sb, int... indices) {
        for (int i : indices) {
            sb.append(String.format("%02X", bytes[i] & 0xFF));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdbGuid other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
