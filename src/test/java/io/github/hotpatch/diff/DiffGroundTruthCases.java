package io.github.hotpatch.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.pdb.PdbSymbols;
import io.github.hotpatch.pdb.PdbSymbolsReader;
import io.github.hotpatch.pdb.ProcedureSymbol;
import io.github.hotpatch.testing.NativeFixtures.Built;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ground truth of the diff: real builds (clang-cl-22, lld-link-22, the hotpatch profile's lld flags) of sources
 * with known edits. One set of cases, run for each architecture by its subclass.
 */
abstract class DiffGroundTruthCases {

    /** The fixture DLL (with its PDB) built from {@code source} for this architecture. */
    abstract Built build(String source) throws IOException;

    private DiffReport diff(String patchedSource) throws IOException {
        Built base = build(DiffFixtures.BASE);
        Built patched = build(patchedSource);
        return Differ.diff(base.dll(), patched.dll());
    }

    private static List<String> names(DiffReport report, FunctionChange.Kind kind) {
        return report.functions().stream()
                .filter(f -> f.kind() == kind)
                .map(FunctionChange::name)
                .sorted()
                .toList();
    }

    @Test
    void sameSourceRebuiltHasNoChanges() throws IOException {
        DiffReport report = diff(DiffFixtures.REBUILT);
        assertNotEquals(report.base().pdbGuid(), report.patched().pdbGuid(), "two links, two PDB GUIDs");
        assertEquals(List.of(), report.functions(), report.toString());
        assertEquals(List.of(), report.globals());
        assertEquals(List.of(), report.exports());
        assertEquals(
                Verdict.HOTPATCH_CANDIDATE, report.verdict(), report.reasons().toString());
        assertEquals(5, report.functionsCompared());
    }

    @Test
    void editedBodyThatGrowsIsTheOnlyChange() throws IOException {
        DiffReport report = diff(DiffFixtures.BODY_EDITED);
        assertEquals(List.of("Edited"), names(report, FunctionChange.Kind.CHANGED), report.toString());
        assertEquals(List.of(), names(report, FunctionChange.Kind.ADDED));
        assertEquals(List.of(), names(report, FunctionChange.Kind.REMOVED));
        FunctionChange edited = report.functions().get(0);
        assertTrue(edited.patchedSize() > edited.baseSize(), edited.toString());
        assertTrue(edited.differingInstructions() > 0, edited.toString());
        assertEquals(
                Verdict.HOTPATCH_CANDIDATE, report.verdict(), report.reasons().toString());

        // The edit shifted every later function: the diff saw through moved calls and addresses.
        Map<String, Long> before = rvas(build(DiffFixtures.BASE));
        Map<String, Long> after = rvas(build(DiffFixtures.BODY_EDITED));
        assertTrue(after.get("Later") > before.get("Later"), before + " / " + after);
        assertTrue(after.get("Last") > before.get("Last"), before + " / " + after);
    }

    @Test
    void editedInlineHelperReportsEveryFunctionItIsInlinedInto() throws IOException {
        DiffReport report = diff(DiffFixtures.INLINE_EDITED);
        // Ground truth from llvm-pdbutil's inline sites: First and Second inline the helper, and Last inlines both of
        // them (so the helper twice). The helper itself has no out-of-line copy.
        List<String> inlining = DiffFixtures.functionsInlining(build(DiffFixtures.BASE), "helper");
        assertEquals(List.of("First", "Last", "Second"), inlining);
        assertEquals(inlining, names(report, FunctionChange.Kind.CHANGED), report.toString());
        assertEquals(
                Verdict.HOTPATCH_CANDIDATE, report.verdict(), report.reasons().toString());
    }

    @Test
    void widenedGlobalIsNotHotpatchable() throws IOException {
        DiffReport report = diff(DiffFixtures.GLOBAL_WIDENED);
        assertEquals(Verdict.NOT_HOTPATCHABLE, report.verdict());
        List<Reason> reasons = report.reasons().stream()
                .filter(r -> r.code() == Reason.Code.GLOBAL_CHANGED)
                .toList();
        assertEquals(1, reasons.size(), report.reasons().toString());
        assertEquals("widen", reasons.get(0).subject());
        GlobalChange widen = report.globals().get(0);
        assertEquals("widen", widen.name());
        assertEquals(4, widen.baseSize());
        assertEquals(8, widen.patchedSize());
        assertTrue(widen.what().contains("type"), widen.toString());
    }

    @Test
    void addedExportIsReported() throws IOException {
        DiffReport report = diff(DiffFixtures.EXPORT_ADDED);
        assertEquals(Verdict.NOT_HOTPATCHABLE, report.verdict());
        assertEquals(1, report.exports().size(), report.exports().toString());
        ExportChange added = report.exports().get(0);
        assertEquals(ExportChange.Kind.ADDED, added.kind());
        assertEquals("Added", added.name());
        assertEquals("Added", added.patchedTarget());
        assertEquals(
                List.of(Reason.Code.EXPORT_ADDED),
                report.reasons().stream().map(Reason::code).toList());
        assertEquals(List.of("Added"), names(report, FunctionChange.Kind.ADDED));
        assertEquals(List.of(), names(report, FunctionChange.Kind.CHANGED));
    }

    private static Map<String, Long> rvas(Built built) throws IOException {
        PdbSymbols symbols = PdbSymbolsReader.read(built.pdb());
        // .text is section 1 at 0x1000 in these images; the offsets alone show the shift.
        return symbols.procedures().stream().collect(Collectors.toMap(ProcedureSymbol::name, ProcedureSymbol::offset));
    }
}
