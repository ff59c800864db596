package io.github.hotpatch.pdb;

import java.nio.file.Path;
import java.util.List;

/**
 * The functions and global data a PDB describes, for comparing two builds: every S_GPROC32/S_LPROC32 of every module
 * symbol stream, and every S_GDATA32/S_LDATA32 of the global symbol record stream and of the module streams (the
 * same static can appear in both; it is listed once).
 *
 * @param pdb        the file read
 * @param guid       the PDB info stream's GUID
 * @param age        the PDB info stream's age
 * @param machine    the DBI header's machine (0xAA64 ARM64, 0x8664 x64)
 * @param modules    the DBI module names (object files), by module index
 * @param procedures functions in module order, then stream order
 * @param data       global and static variables: module records first, then those only in the global symbol records
 * @param bytesRead  bytes read from the file to produce this
 */
public record PdbSymbols(
        Path pdb,
        PdbGuid guid,
        long age,
        int machine,
        List<String> modules,
        List<ProcedureSymbol> procedures,
        List<DataSymbol> data,
        long bytesRead) {

    public PdbSymbols {
        modules = List.copyOf(modules);
        procedures = List.copyOf(procedures);
        data = List.copyOf(data);
    }
}
