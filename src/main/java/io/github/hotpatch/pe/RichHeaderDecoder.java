package io.github.hotpatch.pe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the Rich header from the bytes before e_lfanew. It is informational (the loader ignores it), so a
 * damaged one yields a warning, never an error. Layout: masked "DanS", three masked zero DWORDs, masked
 * (comp.id, count) pairs, then "Rich" and the unmasked XOR key.
 */
final class RichHeaderDecoder {

    static final int RICH = 0x68636952; // "Rich" little-endian
    static final int DANS = 0x536E6144; // "DanS" little-endian

    private RichHeaderDecoder() {}

    /** @param stub the file's first bytes, from offset 0 up to (at most) e_lfanew */
    static Optional<RichHeader> decode(ByteBuffer stub, List<String> warnings) {
        int limit = stub.limit() & ~3;
        int rich = -1;
        for (int at = limit - 8; at >= HeaderParser.DOS_HEADER_SIZE; at -= 4) {
            if (stub.getInt(at) == RICH) {
                rich = at;
                break;
            }
        }
        if (rich < 0) {
            return Optional.empty();
        }
        int key = stub.getInt(rich + 4);
        int dans = -1;
        for (int at = rich - 4; at >= HeaderParser.DOS_HEADER_SIZE; at -= 4) {
            if ((stub.getInt(at) ^ key) == DANS) {
                dans = at;
                break;
            }
        }
        if (dans < 0) {
            warnings.add("Rich header: \"Rich\" marker at " + Hex.of(rich) + " but no masked \"DanS\" start; ignored");
            return Optional.empty();
        }
        int first = dans + 16;
        if (first > rich || (rich - first) % 8 != 0) {
            warnings.add("Rich header at " + Hex.of(dans) + ": entries between " + Hex.of(first) + " and "
                    + Hex.of(rich) + " are not whole 8-byte pairs; ignored");
            return Optional.empty();
        }
        for (int at = dans + 4; at < first; at += 4) {
            if ((stub.getInt(at) ^ key) != 0) {
                warnings.add("Rich header at " + Hex.of(dans) + ": padding after DanS is not zero");
                break;
            }
        }
        List<RichEntry> entries = new ArrayList<>((rich - first) / 8);
        long checksum = dans;
        for (int at = 0; at < dans; at++) {
            if (at >= HeaderParser.E_LFANEW_OFFSET && at < HeaderParser.E_LFANEW_OFFSET + 4) {
                continue; // e_lfanew is excluded: it is only known after the stub is written
            }
            checksum += Integer.rotateLeft(Byte.toUnsignedInt(stub.get(at)), at);
        }
        for (int at = first; at < rich; at += 8) {
            int compId = stub.getInt(at) ^ key;
            int count = stub.getInt(at + 4) ^ key;
            entries.add(new RichEntry(compId >>> 16, compId & 0xFFFF, Integer.toUnsignedLong(count)));
            checksum += Integer.rotateLeft(compId, count);
        }
        boolean valid = (int) checksum == key;
        if (!valid) {
            warnings.add("Rich header at " + Hex.of(dans) + ": checksum does not match its key " + Hex.u32(key)
                    + " (the DOS stub or the entries were edited)");
        }
        return Optional.of(new RichHeader(dans, key, entries, valid));
    }
}
