package io.github.hotpatch.diff;

import java.util.List;

/**
 * What changed between a released base and a patched build, and whether the change can ship as a hotpatch.
 *
 * @param base               the base image
 * @param patched            the patched image
 * @param verdict            {@link Verdict#HOTPATCH_CANDIDATE} exactly when {@code reasons} is empty
 * @param reasons            why it is not hotpatchable, in the order found
 * @param functions          functions changed, added and removed (by base RVA, then patched RVA)
 * @param globals            global data changed, added and removed
 * @param exports            exports added, removed and re-pointed
 * @param functionsCompared  functions present in both whose normalised code was compared
 * @param globalsCompared    globals present in both
 * @param bytesRead          bytes read from the four files (two images, two PDBs)
 */
public record DiffReport(
        Side base,
        Side patched,
        Verdict verdict,
        List<Reason> reasons,
        List<FunctionChange> functions,
        List<GlobalChange> globals,
        List<ExportChange> exports,
        int functionsCompared,
        int globalsCompared,
        long bytesRead) {

    public DiffReport {
        reasons = List.copyOf(reasons);
        functions = List.copyOf(functions);
        globals = List.copyOf(globals);
        exports = List.copyOf(exports);
        if ((verdict == Verdict.HOTPATCH_CANDIDATE) != reasons.isEmpty()) {
            throw new IllegalArgumentException("verdict " + verdict + " with " + reasons.size() + " reasons");
        }
    }

    /**
     * One side of the diff.
     *
     * @param file    the image as given (a zip entry reads {@code artifact.zip!/bin/x.dll})
     * @param pdb     the PDB read for it
     * @param machine "ARM64", "x64", ...
     * @param name    the image's file name
     * @param pdbGuid the PDB's GUID (differs between two links of the same source)
     */
    public record Side(String file, String pdb, String machine, String name, String pdbGuid) {}

    public long count(FunctionChange.Kind kind) {
        return functions.stream().filter(f -> f.kind() == kind).count();
    }
}
