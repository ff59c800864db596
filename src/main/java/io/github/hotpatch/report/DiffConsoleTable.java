package io.github.hotpatch.report;

import io.github.hotpatch.diff.DiffReport;
import io.github.hotpatch.diff.ExportChange;
import io.github.hotpatch.diff.FunctionChange;
import io.github.hotpatch.diff.GlobalChange;
import io.github.hotpatch.diff.Reason;
import java.util.ArrayList;
import java.util.List;

/** A {@link DiffReport} as console lines: the verdict, its reasons, then one table row per change. */
public final class DiffConsoleTable {

    private DiffConsoleTable() {}

    public static List<String> render(DiffReport r) {
        List<String> lines = new ArrayList<>();
        lines.add("base    " + r.base().file() + " (" + r.base().machine() + ")");
        lines.add("patched " + r.patched().file() + " (" + r.patched().machine() + ")");
        lines.add(String.format(
                "%d functions compared: %d changed, %d added, %d removed; %d globals compared",
                r.functionsCompared(),
                r.count(FunctionChange.Kind.CHANGED),
                r.count(FunctionChange.Kind.ADDED),
                r.count(FunctionChange.Kind.REMOVED),
                r.globalsCompared()));
        if (!r.functions().isEmpty()) {
            lines.add(String.format(
                    "%-8s %-40s %10s %10s %8s %8s %6s",
                    "FUNCTION", "name", "base RVA", "patch RVA", "base", "patch", "insns"));
            for (FunctionChange f : r.functions()) {
                lines.add(String.format(
                        "%-8s %-40s %10s %10s %8s %8s %6d",
                        f.kind(),
                        f.name(),
                        dash(DiffJsonReport.hex(f.baseRva())),
                        dash(DiffJsonReport.hex(f.patchedRva())),
                        f.baseSize() < 0 ? "-" : Long.toString(f.baseSize()),
                        f.patchedSize() < 0 ? "-" : Long.toString(f.patchedSize()),
                        f.differingInstructions()));
            }
        }
        for (GlobalChange g : r.globals()) {
            lines.add(String.format(
                    "GLOBAL   %-8s %s %s", g.kind(), g.name(), g.what().isEmpty() ? "" : String.join(",", g.what())));
        }
        for (ExportChange e : r.exports()) {
            lines.add(String.format(
                    "EXPORT   %-9s %s %s -> %s",
                    e.kind(),
                    e.name(),
                    e.baseTarget() == null ? "-" : e.baseTarget(),
                    e.patchedTarget() == null ? "-" : e.patchedTarget()));
        }
        lines.add("verdict: " + r.verdict());
        for (Reason reason : r.reasons()) {
            lines.add("  " + reason.code() + " " + reason.subject() + ": " + reason.message());
        }
        return lines;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
