package io.github.hotpatch.pdb;

/**
 * One S_GPROC32/S_LPROC32 (or their _ID forms) of a module symbol stream: a function's code range.
 *
 * @param name     the function name as the compiler wrote it
 * @param global   S_GPROC32 (external linkage) rather than S_LPROC32 (static)
 * @param segment  1-based section number of the image
 * @param offset   offset of the first instruction in that section
 * @param codeSize bytes of code; padding the linker puts between functions ({@code /functionpadmin}) is not included
 * @param module   index of the module (DBI module list) whose stream holds the record
 * @param recordOffset offset of the record in that stream (what {@code llvm-pdbutil dump --symbols} prints)
 */
public record ProcedureSymbol(
        String name, boolean global, int segment, long offset, long codeSize, int module, long recordOffset) {}
