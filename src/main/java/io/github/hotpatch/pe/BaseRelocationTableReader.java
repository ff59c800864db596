package io.github.hotpatch.pe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the base-relocation blocks of data directory #5 (PE/COFF specification, "The .reloc Section"): each block is
 * a page RVA, a block size (8 header bytes plus 2 bytes per entry) and its entries. Read one block at a time; a block
 * that does not fit in the directory, or a block size below 8 or not even, is a {@link PeFormatException}.
 */
public final class BaseRelocationTableReader {

    static final int BLOCK_HEADER = 8;

    private BaseRelocationTableReader() {}

    public static BaseRelocationTable read(Path file) throws IOException {
        try (ImageAccess image = ImageAccess.open(file)) {
            return read(image);
        }
    }

    static BaseRelocationTable read(ImageAccess image) throws IOException {
        DataDirectory dir = image.directory(DataDirectory.BASE_RELOCATION);
        if (!dir.isPresent()) {
            return new BaseRelocationTable(image.file(), List.of());
        }
        long dirField = image.directoryFieldOffset(DataDirectory.BASE_RELOCATION);
        // The whole directory must be mapped; checked once so that each block read below names its own offset.
        long start = image.fileOffset(dir.rva(), dir.size(), "base relocation directory", dirField);
        List<BaseRelocationTable.Block> blocks = new ArrayList<>();
        long done = 0;
        while (done < dir.size()) {
            long at = start + done;
            if (dir.size() - done < BLOCK_HEADER) {
                throw new PeFormatException(
                        image.file(),
                        "base relocation block " + blocks.size(),
                        at,
                        "has " + (dir.size() - done) + " bytes left in the directory, a block header needs 8");
            }
            ByteBuffer header = image.reader.read(at, BLOCK_HEADER, "base relocation block header");
            long pageRva = Integer.toUnsignedLong(header.getInt(0));
            long blockSize = Integer.toUnsignedLong(header.getInt(4));
            if (blockSize < BLOCK_HEADER || blockSize % 2 != 0 || blockSize > dir.size() - done) {
                throw new PeFormatException(
                        image.file(),
                        "base relocation block " + blocks.size() + " SizeOfBlock",
                        at + 4,
                        "is " + Hex.of(blockSize) + ", expected an even size of at least 8 that fits in the "
                                + Hex.of(dir.size() - done) + " bytes left in the directory");
            }
            int count = (int) ((blockSize - BLOCK_HEADER) / 2);
            ByteBuffer raw = image.reader.read(at + BLOCK_HEADER, 2L * count, "base relocation entries");
            List<BaseRelocationTable.Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int e = raw.getShort(2 * i) & 0xFFFF;
                entries.add(new BaseRelocationTable.Entry(e >>> 12, e & 0xFFF));
            }
            blocks.add(new BaseRelocationTable.Block(pageRva, entries));
            done += blockSize;
        }
        return new BaseRelocationTable(image.file(), blocks);
    }
}
