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
            throw file.fail("MSF superblock: file has " + fileSize + " bytes, an MSF 7.0 superblock needs " + SIZE);
        }
        byte[] raw = new byte[SIZE];
        file.read(0, raw, 0, SIZE, "MSF superblock");
        if (PortablePdb.hasMagic(raw)) {
            throw file.fail(PortablePdb.DESCRIPTION);
        }
        if (!Arrays.equals(raw, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw file.fail(
                    "MSF superblock magic at offset 0: expected \"Microsoft C/C++ MSF 7.00\\r\\n\\x1aDS\", found \""
                            + printable(raw, MAGIC.length) + "\"");
        }
        ByteBuffer le = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long blockSize = Integer.toUnsignedLong(le.getInt(32));
        long freeBlockMap = Integer.toUnsignedLong(le.getInt(36));
        long blockCount = Integer.toUnsignedLong(le.getInt(40));
        long directorySize = Integer.toUnsignedLong(le.getInt(44));
        long blockMapAddress = Integer.toUnsignedLong(le.getInt(52));

        if (!validBlockSize(blockSize)) {
            throw file.fail("MSF superblock block size at offset 32 is " + blockSize
                    + ", expected one of 512, 1024, 2048, 4096, 8192, 16384, 32768");
        }
        if (freeBlockMap != 1 && freeBlockMap != 2) {
            throw file.fail(
                    "MSF superblock free block map block at offset 36 is " + freeBlockMap + ", expected 1 or 2");
        }
        if (blockCount * blockSize > fileSize) {
            throw file.fail("MSF superblock block count at offset 40 claims " + blockCount + " blocks of " + blockSize
                    + " bytes (" + blockCount * blockSize + "), file has " + fileSize);
        }
        if (blockCount <= freeBlockMap) {
            throw file.fail("MSF superblock block count at offset 40 is " + blockCount
                    + ", expected more than the free block map block " + freeBlockMap);
        }
        if (directorySize == 0 || directorySize > fileSize) {
            throw file.fail("MSF superblock at offset 44: stream directory claims " + directorySize
                    + " bytes, file has " + fileSize);
        }
        long directoryBlocks = (directorySize + blockSize - 1) / blockSize;
        if (directoryBlocks > blockSize / 4) {
            // The directory's block list must fit in the single block the block map address names.
            throw file.fail("MSF superblock at offset 44: stream directory of " + directorySize + " bytes needs "
                    + directoryBlocks + " blocks, the block map holds at most " + blockSize / 4);
        }
        if (blockMapAddress == 0 || blockMapAddress >= blockCount) {
            throw file.fail("MSF superblock block map address at offset 52 is block " + blockMapAddress
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
