package io.github.hotpatch.pe;

/** One 40-byte section table entry. */
public record Section(
        String name,
        long virtualSize,
        long virtualAddress,
        long sizeOfRawData,
        long pointerToRawData,
        int characteristics) {

    public static final int HEADER_SIZE = 40;

    /** Bytes of address space the loader maps for this section (VirtualSize, or SizeOfRawData when that is 0). */
    public long virtualSpan() {
        return virtualSize != 0 ? virtualSize : sizeOfRawData;
    }

    public boolean containsRva(long rva) {
        return rva >= virtualAddress && rva - virtualAddress < virtualSpan();
    }
}
