package io.github.hotpatch.pdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The MSF container: superblock, block map and stream directory. Streams are opened lazily; a stream's block numbers
 * are looked up in the directory only when one of its blocks is read, so memory stays bounded by the stream count
 * (itself capped), never by the size of the PDB.
 */
final class MsfReader implements Closeable {

    /** Stream numbers are 16 bit wherever the DBI refers to a stream (0xFFFF meaning none). */
    static final int MAX_STREAMS = 0x10000;

    /** A stream size of 0xFFFFFFFF marks a nil (deleted) stream, which has no blocks. */
    static final long NIL_STREAM_SIZE = 0xFFFFFFFFL;

    private final FileBlockReader file;
    private final MsfSuperBlock superBlock;
    private final long[] directoryBlocks;
    private final MsfStream directory;
    private final StreamCursor directoryCursor;
    private final int[] streamSizes;
    private final int[] blockListOffsets;

    private MsfReader(FileBlockReader file) throws IOException {
        this.file = file;
        this.superBlock = MsfSuperBlock.read(file);
        this.directoryBlocks = readBlockMap();
        this.directory = new MsfStream(
                file,
                superBlock,
                "stream directory",
                superBlock.directorySize(),
                streamBlock -> directoryBlocks[(int) streamBlock]);
        this.directoryCursor = StreamCursor.over(directory, "stream directory");

        long count = directoryCursor.u32("stream count");
        if (count > MAX_STREAMS) {
            throw file.fail(
                    "stream directory offset 0: stream count is " + count + ", expected at most " + MAX_STREAMS);
        }
        int streams = (int) count;
        if (4 + 4L * streams > superBlock.directorySize()) {
            throw file.fail("stream directory offset 0: " + streams + " stream sizes need " + (4 + 4L * streams)
                    + " bytes, directory has " + superBlock.directorySize());
        }
        streamSizes = new int[streams];
        blockListOffsets = new int[streams];
        long blocksSoFar = 0;
        for (int i = 0; i < streams; i++) {
            long offset = directoryCursor.position();
            long size = directoryCursor.u32("size of stream " + i);
            if (size != NIL_STREAM_SIZE && size > file.size()) {
                throw file.fail("stream directory offset " + offset + ": stream " + i + " claims " + size
                        + " bytes, file has " + file.size());
            }
            streamSizes[i] = (int) size;
            blockListOffsets[i] = (int) (4 + 4L * streams + 4 * blocksSoFar);
            blocksSoFar += size == NIL_STREAM_SIZE ? 0 : superBlock.blocksFor(size);
            if (blocksSoFar > superBlock.blockCount()) {
                throw file.fail("stream directory offset " + offset + ": streams 0.." + i + " need " + blocksSoFar
                        + " blocks, file has " + superBlock.blockCount());
            }
            long needed = 4 + 4L * streams + 4 * blocksSoFar;
            if (needed > superBlock.directorySize()) {
                throw file.fail("stream directory offset " + offset + ": block lists of streams 0.." + i + " need "
                        + needed + " directory bytes, directory has " + superBlock.directorySize());
            }
        }
    }

    static MsfReader open(Path path) throws IOException {
        FileBlockReader file = new FileBlockReader(path);
        try {
            return new MsfReader(file);
        } catch (IOException | RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }

    /** Reads the block numbers of the directory from the block named by the superblock's block map address. */
    private long[] readBlockMap() throws IOException {
        int count = (int) superBlock.blocksFor(superBlock.directorySize());
        byte[] raw = new byte[count * 4];
        long at = superBlock.offsetOf(superBlock.blockMapAddress());
        file.read(at, raw, 0, raw.length, "block map");
        ByteBuffer le = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long[] blocks = new long[count];
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            long block = Integer.toUnsignedLong(le.getInt(i * 4));
            checkBlock(block, "block map at file offset " + (at + i * 4L) + ": directory block " + i);
            if (!seen.add(block)) {
                throw file.fail("block map at file offset " + (at + i * 4L) + ": directory block " + i + " is block "
                        + block + ", already used by an earlier directory block");
            }
            blocks[i] = block;
        }
        return blocks;
    }

    private void checkBlock(long block, String what) throws PdbFormatException {
        if (block == 0) {
            throw file.fail(what + " is block 0, the MSF superblock");
        }
        if (block >= superBlock.blockCount()) {
            throw file.fail(what + " is block " + block + ", file has " + superBlock.blockCount() + " blocks");
        }
    }

    MsfSuperBlock superBlock() {
        return superBlock;
    }

    FileBlockReader file() {
        return file;
    }

    int streamCount() {
        return streamSizes.length;
    }

    boolean exists(int stream) {
        return stream >= 0 && stream < streamSizes.length;
    }

    boolean isNil(int stream) {
        return Integer.toUnsignedLong(streamSizes[stream]) == NIL_STREAM_SIZE;
    }

    /** Size of a stream in bytes; 0 for a nil stream. */
    long streamSize(int stream) {
        return isNil(stream) ? 0 : Integer.toUnsignedLong(streamSizes[stream]);
    }

    /**
     * Opens a stream for reading; {@code limit} caps how much of it may be read (the linker module's symbols are only
     * a prefix of its stream), so not even the block cache reaches past what is needed.
     */
    MsfStream open(int stream, String name, long limit) {
        long size = Math.min(streamSize(stream), limit);
        return new MsfStream(file, superBlock, name, size, streamBlock -> fileBlock(stream, streamBlock));
    }

    /** The file block holding block {@code streamBlock} of {@code stream}, read from the directory. */
    long fileBlock(int stream, long streamBlock) throws IOException {
        long at = blockListOffsets[stream] + 4 * streamBlock;
        directoryCursor.seek(at, "block list of stream " + stream);
        long block = directoryCursor.u32("block " + streamBlock + " of stream " + stream);
        checkBlock(block, "stream directory offset " + at + ": block " + streamBlock + " of stream " + stream);
        return block;
    }

    /** File offset of a byte of a stream; lets tests corrupt exactly one field. */
    long fileOffsetOf(int stream, long offset) throws IOException {
        return superBlock.offsetOf(fileBlock(stream, offset / superBlock.blockSize()))
                + offset % superBlock.blockSize();
    }

    /** File offset of a byte of the stream directory. */
    long directoryFileOffsetOf(long offset) {
        return superBlock.offsetOf(directoryBlocks[(int) (offset / superBlock.blockSize())])
                + offset % superBlock.blockSize();
    }

    /** Directory offset where the block list of {@code stream} starts. */
    long blockListOffset(int stream) {
        return blockListOffsets[stream];
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
