package io.github.hotpatch.pe;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Positional reads that are checked against the file size before anything is allocated, and counted, so the
 * parser never reads (or allocates for) more than the few structures it needs.
 */
final class BoundedReader implements Closeable {

    /** No single structure this reader parses is anywhere near this big; a larger request is a parser bug. */
    static final int MAX_READ = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private long bytesRead;

    private BoundedReader(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.size = channel.size();
    }

    static BoundedReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new BoundedReader(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** True when {@code [offset, offset + length)} lies inside the file (no overflow for any long inputs ≥ 0). */
    boolean covers(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
    }

    /**
     * Reads exactly {@code length} bytes at {@code offset} as a little-endian buffer, or fails naming
     * {@code field} when the range is not inside the file.
     */
    ByteBuffer read(long offset, long length, String field) throws IOException {
        if (!covers(offset, length)) {
            throw new PeFormatException(
                    file,
                    field,
                    offset,
                    "needs 0x" + Long.toHexString(length).toUpperCase() + " bytes, past the end of the " + size
                            + "-byte file");
        }
        if (length > MAX_READ) {
            throw new PeFormatException(
                    file,
                    field,
                    offset,
                    "would need 0x" + Long.toHexString(length).toUpperCase() + " bytes; expected at most 0x"
                            + Integer.toHexString(MAX_READ).toUpperCase());
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, offset + buffer.position());
            if (n < 0) {
                // The size was checked up front; only a file shrinking under us gets here.
                throw new PeFormatException(
                        file,
                        field,
                        offset + buffer.position(),
                        "hit the end of the file while reading; the file shrank while it was being read");
            }
            bytesRead += n;
        }
        return buffer.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
