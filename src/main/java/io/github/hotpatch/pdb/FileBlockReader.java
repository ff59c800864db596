package io.github.hotpatch.pdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Positional reads from the PDB through a {@link FileChannel}, with every byte counted per structure. The count is
 * the evidence that the reader touches only the few streams it needs, never the whole file.
 */
final class FileBlockReader implements Closeable {

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final Map<String, Long> bytesByStructure = new LinkedHashMap<>();
    private long bytesRead;

    FileBlockReader(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** Reads exactly {@code length} bytes at {@code fileOffset} into {@code target}, charging them to {@code structure}. */
    void read(long fileOffset, byte[] target, int targetOffset, int length, String structure) throws IOException {
        if (fileOffset < 0 || fileOffset > size - length) {
            throw new PdbFormatException(
                    path,
                    structure,
                    fileOffset,
                    structure + ": needs file bytes " + fileOffset + ".." + (fileOffset + length) + ", file has "
                            + size);
        }
        ByteBuffer buffer = ByteBuffer.wrap(target, targetOffset, length);
        long position = fileOffset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                // The file shrank after it was opened.
                throw new PdbFormatException(
                        path,
                        structure,
                        position,
                        structure + ": file ended at offset " + position + ", expected " + (fileOffset + length)
                                + " bytes");
            }
            position += n;
        }
        bytesRead += length;
        bytesByStructure.merge(structure, (long) length, Long::sum);
    }

    long bytesRead() {
        return bytesRead;
    }

    Map<String, Long> bytesByStructure() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(bytesByStructure));
    }

    PdbFormatException fail(String detail) {
        return new PdbFormatException(path, detail);
    }

    /** A problem in {@code structure} at {@code offset}; {@code detail} is the message after the file name. */
    PdbFormatException fail(String structure, long offset, String detail) {
        return new PdbFormatException(path, structure, offset, detail);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
