package io.github.hotpatch.pdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 56-byte MSF 7.0 superblock at file offset 0: how the file is cut into blocks and where the stream directory's
 * block list lives.
 *
 * @param blockSize          bytes per block (a power of two, 512..32768)
 * @param freeBlockMapBlock  block of the active free-block map (1 or 2)
 * @param blockCount         blocks in the file
 * @param directorySize      bytes in the stream directory
 * @param blockMapAddress    block holding the list of the directory's blocks
 */
public record MsfSuperBlock(
        int blockSize, int freeBlockMapBlock, long blockCount, long directorySize, long blockMapAddress) {

    static final int SIZE = 56;

    /** The structure name in messages and in {@link FileBlockReader#bytesByStructure()}. */
    static final String STRUCTURE = "MSF superblock";

    // Field offsets in the superblock (llvm/docs/PDB/MsfFile.rst): the 32-byte magic, then six u32s, the
    // unknown one at 48 unread.
    static final int MAGIC_OFFSET = 0;
    static final int BLOCK_SIZE_OFFSET = 32;
    static final int FREE_BLOCK_MAP_BLOCK_OFFSET = 36;
    static final int BLOCK_COUNT_OFFSET = 40;
    static final int DIRECTORY_SIZE_OFFSET = 44;
    static final int BLOCK_MAP_ADDRESS_OFFSET = 52;

    private static final byte[] MAGIC =
            "Microsoft C/C++ MSF 7.00\r\n\u001aDS\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

    /** Block sizes the MSF writers and readers agree on; anything else is not a PDB we can trust. */
    private static boolean validBlockSize(long size) {
        return size == 512
                || size == 1024
                || size == 2048
                || size == 4096
                || size == 8192
                || size == 16384
                || size == 32768;
    }

    /** Byte offset of a block in the file. */
    long offsetOf(long block) {
        return block * blockSize;
    }

    /** Number of blocks a stream of {@code bytes} occupies. */
    long blocksFor(long bytes) {
        return (bytes + blockSize - 1) / blockSize;
    }

    static MsfSuperBlock read(FileBlockReader file) throws IOException {
        long fileSize = file.size();
        if (fileSize < SIZE) {
            throw file.fail(
                    STRUCTURE, 0, STRUCTURE + ": file has " + fileSize + " bytes, an MSF 7.0 superblock needs " + SIZE);
        }
        byte[] raw = new byte[SIZE];
        file.read(0, raw, 0, SIZE, STRUCTURE);
        if (PortablePdb.hasMagic(raw)) {
            throw file.fail(STRUCTURE, MAGIC_OFFSET, PortablePdb.DESCRIPTION);
        }
        if (!Arrays.equals(raw, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw file.fail(
                    STRUCTURE,
                    MAGIC_OFFSET,
                    STRUCTURE + " magic at offset " + MAGIC_OFFSET
                            + ": expected \"Microsoft C/C++ MSF 7.00\\r\\n\\x1aDS\", found \""
                            + printable(raw, MAGIC.length) + "\"");
        }
        ByteBuffer le = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long blockSize = Integer.toUnsignedLong(le.getInt(BLOCK_SIZE_OFFSET));
        long freeBlockMap = Integer.toUnsignedLong(le.getInt(FREE_BLOCK_MAP_BLOCK_OFFSET));
        long blockCount = Integer.toUnsignedLong(le.getInt(BLOCK_COUNT_OFFSET));
        long directorySize = Integer.toUnsignedLong(le.getInt(DIRECTORY_SIZE_OFFSET));
        long blockMapAddress = Integer.toUnsignedLong(le.getInt(BLOCK_MAP_ADDRESS_OFFSET));

        if (!validBlockSize(blockSize)) {
            throw file.fail(
                    STRUCTURE,
                    BLOCK_SIZE_OFFSET,
                    STRUCTURE + " block size at offset " + BLOCK_SIZE_OFFSET + " is "
                            + blockSize
                            + ", expected one of 512, 1024, 2048, 4096, 8192, 16384, 32768");
        }
        if (freeBlockMap != 1 && freeBlockMap != 2) {
            throw file.fail(
                    STRUCTURE,
                    FREE_BLOCK_MAP_BLOCK_OFFSET,
                    STRUCTURE + " free block map block at offset " + FREE_BLOCK_MAP_BLOCK_OFFSET + " is " + freeBlockMap
                            + ", expected 1 or 2");
        }
        if (blockCount * blockSize > fileSize) {
            throw file.fail(
                    STRUCTURE,
                    BLOCK_COUNT_OFFSET,
                    STRUCTURE + " block count at offset " + BLOCK_COUNT_OFFSET
                            + " claims " + blockCount + " blocks of " + blockSize
                            + " bytes (" + blockCount * blockSize + "), file has " + fileSize);
        }
        if (blockCount <= freeBlockMap) {
            throw file.fail(
                    STRUCTURE,
                    BLOCK_COUNT_OFFSET,
                    STRUCTURE + " block count at offset " + BLOCK_COUNT_OFFSET
                            + " is " + blockCount
                            + ", expected more than the free block map block " + freeBlockMap);
        }
        if (directorySize == 0 || directorySize > fileSize) {
            throw file.fail(
                    STRUCTURE,
                    DIRECTORY_SIZE_OFFSET,
                    STRUCTURE + " at offset " + DIRECTORY_SIZE_OFFSET
                            + ": stream directory claims " + directorySize
                            + " bytes, file has " + fileSize);
        }
        long directoryBlocks = (directorySize + blockSize - 1) / blockSize;
        if (directoryBlocks > blockSize / 4) {
            // The directory's block list must fit in the single block the block map address names.
            throw file.fail(
                    STRUCTURE,
                    DIRECTORY_SIZE_OFFSET,
                    STRUCTURE + " at offset " + DIRECTORY_SIZE_OFFSET
                            + ": stream directory of " + directorySize + " bytes needs "
                            + directoryBlocks + " blocks, the block map holds at most " + blockSize / 4);
        }
        if (blockMapAddress == 0 || blockMapAddress >= blockCount) {
            throw file.fail(
                    STRUCTURE,
                    BLOCK_MAP_ADDRESS_OFFSET,
                    STRUCTURE + " block map address at offset "
                            + BLOCK_MAP_ADDRESS_OFFSET + " is block " + blockMapAddress
                            + ", expected 1.." + (blockCount - 1));
        }
        return new MsfSuperBlock((int) blockSize, (int) freeBlockMap, blockCount, directorySize, blockMapAddress);
    }

    private static String printable(byte[] raw, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int c = raw[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }
}
