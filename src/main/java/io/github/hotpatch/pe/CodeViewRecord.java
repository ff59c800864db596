package io.github.hotpatch.pe;

import java.util.Arrays;
import java.util.Objects;

/**
 * The RSDS record a CODEVIEW debug entry points to: it names the PDB that matches this image.
 *
 * @param guid    the 16 GUID bytes as stored (first three fields little-endian)
 * @param age     u32 age; the PDB matches when its GUID and age equal these
 * @param pdbPath the NUL-terminated path the linker wrote (UTF-8)
 */
public record CodeViewRecord(byte[] guid, long age, String pdbPath) {

    /** "RSDS" read as a little-endian u32. */
    public static final int RSDS_SIGNATURE = 0x53445352;
    /** Signature + GUID + age, before the path. */
    public static final int FIXED_SIZE = 24;

    public CodeViewRecord {
        Objects.requireNonNull(pdbPath, "pdbPath");
        if (guid.length != 16) {
            throw new IllegalArgumentException("a GUID has 16 bytes, not " + guid.length);
        }
        guid = guid.clone();
    }

    @Override
    public byte[] guid() {
        return guid.clone();
    }

    /** Formatted as llvm-pdbutil and llvm-readobj print it: {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}. */
    public String guidString() {
        StringBuilder sb = new StringBuilder(38).append('{');
        appendLittleEndian(sb, 0, 4);
        sb.append('-');
        appendLittleEndian(sb, 4, 2);
        sb.append('-');
        appendLittleEndian(sb, 6, 2);
        sb.append('-');
        appendInOrder(sb, 8, 2);
        sb.append('-');
        appendInOrder(sb, 10, 6);
        return sb.append('}').toString();
    }

    private void appendLittleEndian(StringBuilder sb, int from, int length) {
        for (int i = from + length - 1; i >= from; i--) {
            sb.append(String.format("%02X", guid[i] & 0xFF));
        }
    }

    private void appendInOrder(StringBuilder sb, int from, int length) {
        for (int i = from; i < from + length; i++) {
            sb.append(String.format("%02X", guid[i] & 0xFF));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeViewRecord other
                && Arrays.equals(guid, other.guid)
                && age == other.age
                && pdbPath.equals(other.pdbPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(guid), age, pdbPath);
    }

    @Override
    public String toString() {
        return "RSDS[guid=" + guidString() + ", age=" + age + ", pdb=" + pdbPath + "]";
    }
}
