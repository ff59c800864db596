package io.github.hotpatch.pdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Little-endian reads from a window of an {@link MsfStream}. Every read is checked against the window's end, so a
 * length field inside a record can never send the parser past the structure it belongs to; a violation becomes a
 * {@link PdbFormatException} naming the structure, the field and the offset.
 */
final class StreamCursor {

    /** Longest string accepted anywhere in the structures read; real names and command lines are far shorter. */
    static final int MAX_STRING = 1 << 20;

    private final MsfStream stream;
    private final String structure;
    private final long start;
    private final long end;
    private long position;

    private StreamCursor(MsfStream stream, String structure, long start, long end) {
        this.stream = stream;
        this.structure = structure;
        this.start = start;
        this.end = end;
        this.position = start;
    }

    static StreamCursor over(MsfStream stream, String structure) {
        return new StreamCursor(stream, structure, 0, stream.size());
    }

    /** A cursor over {@code length} bytes at {@code from}, which must lie inside this window. */
    StreamCursor window(long from, long length, String windowStructure) throws PdbFormatException {
        if (from < start || length < 0 || from > end || length > end - from) {
            throw fail(
                    from,
                    windowStructure + " of " + length + " bytes does not fit in " + structure + " (offsets " + start
                            + ".." + end + ")");
        }
        return new StreamCursor(stream, windowStructure, from, from + length);
    }

    long position() {
        return position;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    long remaining() {
        return end - position;
    }

    void seek(long to, String field) throws PdbFormatException {
        if (to < start || to > end) {
            throw fail(
                    position,
                    field + " points to offset " + to + ", outside " + structure + " (offsets " + start + ".." + end
                            + ")");
        }
        position = to;
    }

    void skip(long count, String field) throws PdbFormatException {
        need(count, field);
        position += count;
    }

    int u8(String field) throws IOException {
        need(1, field);
        return stream.byteAt(position++);
    }

    int u16(String field) throws IOException {
        need(2, field);
        byte[] b = new byte[2];
        stream.read(position, b, 0, 2);
        position += 2;
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
    }

    long u32(String field) throws IOException {
        return Integer.toUnsignedLong(i32(field));
    }

    int i32(String field) throws IOException {
        need(4, field);
        byte[] b = new byte[4];
        stream.read(position, b, 0, 4);
        position += 4;
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    byte[] bytes(int count, String field) throws IOException {
        need(count, field);
        byte[] b = new byte[count];
        stream.read(position, b, 0, count);
        position += count;
        return b;
    }

    /** A NUL-terminated UTF-8 string that must end inside the window. */
    String cString(String field) throws IOException {
        long from = position;
        // A plain array, not a ByteArrayOutputStream: its synchronized write(int) per byte showed in profiles of
        // PDBs with thousands of modules (two names each).
        byte[] out = new byte[64];
        int length = 0;
        while (true) {
            if (position >= end) {
                throw fail(from, field + " is not NUL-terminated before offset " + end + " (end of " + structure + ")");
            }
            int c = stream.byteAt(position++);
            if (c == 0) {
                return new String(out, 0, length, StandardCharsets.UTF_8);
            }
            if (length >= MAX_STRING) {
                throw fail(from, field + " is longer than " + MAX_STRING + " bytes");
            }
            if (length == out.length) {
                out = Arrays.copyOf(out, Math.min(MAX_STRING, out.length * 2));
            }
            out[length++] = (byte) c;
        }
    }

    PdbFormatException fail(long offset, String detail) {
        return stream.fail(structure, offset, structure + ", " + stream.name() + " offset " + offset + ": " + detail);
    }

    private void need(long count, String field) throws PdbFormatException {
        if (count < 0 || count > end - position) {
            throw fail(
                    position,
                    field + " needs " + count + " bytes, " + (end - position) + " left before offset " + end
                            + " (end of " + structure + ")");
        }
    }
}
