package io.github.hotpatch.pe;

/**
 * The fields of the optional header this package reports (the data directories are kept on {@link PeImage}).
 *
 * @param magic 0x10B (PE32) or 0x20B (PE32+)
 */
public record OptionalHeader(
        int magic,
        LinkerVersion linkerVersion,
        long addressOfEntryPoint,
        long imageBase,
        long sectionAlignment,
        long fileAlignment,
        long sizeOfImage,
        long sizeOfHeaders,
        long checkSum,
        int subsystem,
        int dllCharacteristics,
        long numberOfRvaAndSizes) {

    public static final int PE32_MAGIC = 0x10B;
    public static final int PE32_PLUS_MAGIC = 0x20B;

    public boolean isPe32Plus() {
        return magic == PE32_PLUS_MAGIC;
    }
}
