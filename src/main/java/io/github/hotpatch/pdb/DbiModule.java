package io.github.hotpatch.pdb;

import java.util.OptionalInt;

/**
 * One record of the DBI module-info substream: an object file (or the linker's own "* Linker *" module) and where its
 * symbols live.
 *
 * @param index           position in the module list (llvm-pdbutil's "Mod NNNN")
 * @param moduleName      module name; "* Linker *" for the linker's module
 * @param objectFileName  object or library file name
 * @param symbolStream    stream holding the module's symbols and line info; empty when the record says 0xFFFF
 * @param symbolByteSize  bytes of symbol records at the start of that stream, including the 4-byte signature
 * @param c11ByteSize     bytes of C11 line info after the symbols
 * @param c13ByteSize     bytes of C13 line info after that
 * @param sourceFileCount number of source files contributing to the module
 * @param flags           module flags (bit 0 dirty, bit 1 has EC info, bits 8..15 type server index)
 */
public record DbiModule(
        int index,
        String moduleName,
        String objectFileName,
        OptionalInt symbolStream,
        long symbolByteSize,
        long c11ByteSize,
        long c13ByteSize,
        int sourceFileCount,
        int flags) {

    /** The name lld-link and MSVC link give the module that holds the linker's own symbols. */
    public static final String LINKER_MODULE_NAME = "* Linker *";

    public boolean isLinkerModule() {
        return LINKER_MODULE_NAME.equals(moduleName);
    }
}
