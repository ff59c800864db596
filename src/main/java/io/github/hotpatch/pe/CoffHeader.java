package io.github.hotpatch.pe;

/** The 20-byte COFF file header that follows the "PE\0\0" signature. */
public record CoffHeader(
        Machine machine,
        int numberOfSections,
        long timeDateStamp,
        long pointerToSymbolTable,
        long numberOfSymbols,
        int sizeOfOptionalHeader,
        int characteristics) {

    public static final int SIZE = 20;

    public boolean relocsStripped() {
        return (characteristics & PeFlags.FILE_RELOCS_STRIPPED) != 0;
    }

    public boolean isDll() {
        return (characteristics & PeFlags.FILE_DLL) != 0;
    }
}
