package io.github.hotpatch.pe;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The base-relocation table (data directory #5): one block per 4 KiB page, each entry a type and an offset in that
 * page. Padding entries (type 0, IMAGE_REL_BASED_ABSOLUTE) are kept, as {@code llvm-readobj --coff-basereloc} prints
 * them too.
 *
 * @param file   the image
 * @param blocks the blocks in file order
 */
public record BaseRelocationTable(Path file, List<Block> blocks) {

    public static final int ABSOLUTE = 0;
    public static final int HIGH = 1;
    public static final int LOW = 2;
    public static final int HIGHLOW = 3;
    public static final int HIGHADJ = 4;
    public static final int DIR64 = 10;

    public BaseRelocationTable {
        blocks = List.copyOf(blocks);
    }

    /** One block: the page's RVA and its entries. */
    public record Block(long pageRva, List<Entry> entries) {
        public Block {
            entries = List.copyOf(entries);
        }
    }

    /** One entry: IMAGE_REL_BASED_* type (high 4 bits) and offset in the page (low 12 bits). */
    public record Entry(int type, int offset) {

        /** Bytes the loader rewrites at this entry's address: 8 for DIR64, 4 for HIGHLOW, 2 for HIGH/LOW/HIGHADJ. */
        public int width() {
            return switch (type) {
                case ABSOLUTE -> 0;
                case HIGH, LOW, HIGHADJ -> 2;
                case HIGHLOW -> 4;
                case DIR64 -> 8;
                // Architecture-specific types (MOV32 pairs and the like) rewrite at most one 8-byte unit.
                default -> 8;
            };
        }

        public String typeName() {
            return switch (type) {
                case ABSOLUTE -> "ABSOLUTE";
                case HIGH -> "HIGH";
                case LOW -> "LOW";
                case HIGHLOW -> "HIGHLOW";
                case HIGHADJ -> "HIGHADJ";
                case DIR64 -> "DIR64";
                default -> "TYPE" + type;
            };
        }
    }

    /**
     * Every relocated address with its width, as sorted pairs packed into longs ({@code rva << 4 | width}), for a
     * binary search by RVA; padding entries are left out.
     */
    public long[] packedAddresses() {
        int count = 0;
        for (Block b : blocks) {
            count += b.entries().size();
        }
        long[] packed = new long[count];
        int n = 0;
        for (Block b : blocks) {
            for (Entry e : b.entries()) {
                if (e.width() > 0) {
                    packed[n++] = (b.pageRva() + e.offset()) << 4 | e.width();
                }
            }
        }
        long[] result = Arrays.copyOf(packed, n);
        Arrays.sort(result);
        return result;
    }
}
