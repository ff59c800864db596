package io.github.hotpatch.pdb;

import java.io.IOException;

/**
 * One MSF stream: a byte sequence scattered over file blocks. Holds a single block in memory at a time, so reading a
 * stream costs at most one block of heap whatever the PDB's size.
 */
final class MsfStream {

    /** Maps a block number within the stream to a validated block number in the file. */
    @FunctionalInterface
    interface BlockLocator {
        long fileBlock(long streamBlock) throws IOException;
    }

    private final FileBlockReader file;
    private final MsfSuperBlock superBlock;
    private final String name;
    private final long size;
    private final BlockLocator locator;
    private byte[] block;
    private long cachedStreamBlock = -1;
    private int cachedLength;

    MsfStream(FileBlockReader file, MsfSuperBlock superBlock, String name, long size, BlockLocator locator) {
        this.file = file;
        this.superBlock = superBlock;
        this.name = name;
        this.size = size;
        this.locator = locator;
    }

    String name() {
        return name;
    }

    long size() {
        return size;
    }

    int byteAt(long position) throws IOException {
        checkRange(position, 1);
        load(position / superBlock.blockSize());
        return block[(int) (position % superBlock.blockSize())] & 0xFF;
    }

    void read(long position, byte[] target, int targetOffset, int length) throws IOException {
        checkRange(position, length);
        int blockSize = superBlock.blockSize();
        int done = 0;
        while (done < length) {
            long at = position + done;
            load(at / blockSize);
            int inBlock = (int) (at % blockSize);
            int n = Math.min(length - done, cachedLength - inBlock);
            System.arraycopy(block, inBlock, target, targetOffset + done, n);
            done += n;
        }
    }

    PdbFormatException fail(String detail) {
        return file.fail(detail);
    }

    /** A problem in {@code structure} at {@code offset} in this stream. */
    PdbFormatException fail(String structure, long offset, String detail) {
        return file.fail(structure, offset, detail);
    }

    private void checkRange(long position, long length) throws PdbFormatException {
        if (position < 0 || length < 0 || position > size - length) {
            throw file.fail(
                    name,
                    position,
                    name + ": read of " + length + " bytes at offset " + position + " is outside the stream's " + size
                            + " bytes");
        }
    }

    /** Loads the part of a block that belongs to the stream; the last block is usually partial. */
    private void load(long streamBlock) throws IOException {
        if (streamBlock == cachedStreamBlock) {
            return;
        }
        int blockSize = superBlock.blockSize();
        long fileBlock = locator.fileBlock(streamBlock);
        int length = (int) Math.min(blockSize, size - streamBlock * blockSize);
        if (block == null) {
            block = new byte[(int) Math.min(blockSize, size)];
        }
        cachedStreamBlock = -1;
        file.read(superBlock.offsetOf(fileBlock), block, 0, length, name);
        cachedStreamBlock = streamBlock;
        cachedLength = length;
    }
}
