package io.github.hotpatch.report;

import io.github.hotpatch.diff.DiffReport;
import io.github.hotpatch.diff.ExportChange;
import io.github.hotpatch.diff.FunctionChange;
import io.github.hotpatch.diff.GlobalChange;
import io.github.hotpatch.diff.Reason;
import io.github.hotpatch.json.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DiffReport} as one JSON object: {@code verdict}, {@code reasons}, {@code base}/{@code patched},
 * {@code functions}, {@code globals}, {@code exports} and counts. RVAs are hex strings ({@code "0x1010"}); a side a
 * change does not have (an added function's base RVA) is {@code null}.
 */
public final class DiffJsonReport {

    private DiffJsonReport() {}

    public static void write(DiffReport report, OutputStream out) throws IOException {
        JsonWriter.write(toMap(report), out);
    }

    public static String toJson(DiffReport report) {
        return JsonWriter.toString(toMap(report));
    }

    static Map<String, Object> toMap(DiffReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", r.verdict().name());
        List<Object> reasons = new ArrayList<>();
        for (Reason reason : r.reasons()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", reason.code().name());
            x.put("subject", reason.subject());
            x.put("message", reason.message());
            reasons.add(x);
        }
        m.put("reasons", reasons);
        m.put("base", side(r.base()));
        m.put("patched", side(r.patched()));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("functionsCompared", r.functionsCompared());
        counts.put("functionsChanged", r.count(FunctionChange.Kind.CHANGED));
        counts.put("functionsAdded", r.count(FunctionChange.Kind.ADDED));
        counts.put("functionsRemoved", r.count(FunctionChange.Kind.REMOVED));
        counts.put("globalsCompared", r.globalsCompared());
        counts.put("bytesRead", r.bytesRead());
        m.put("counts", counts);
        List<Object> functions = new ArrayList<>();
        for (FunctionChange f : r.functions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", f.kind().name());
            x.put("name", f.name());
            x.put("baseRva", hex(f.baseRva()));
            x.put("patchedRva", hex(f.patchedRva()));
            x.put("baseSize", orNull(f.baseSize()));
            x.put("patchedSize", orNull(f.patchedSize()));
            x.put("differingInstructions", f.differingInstructions());
            functions.add(x);
        }
        m.put("functions", functions);
        List<Object> globals = new ArrayList<>();
        for (GlobalChange g : r.globals()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", g.kind().name());
            x.put("name", g.name());
            x.put("baseSection", g.baseSection());
            x.put("patchedSection", g.patchedSection());
            x.put("baseTypeIndex", hex(g.baseType()));
            x.put("patchedTypeIndex", hex(g.patchedType()));
            x.put("baseSize", orNull(g.baseSize()));
            x.put("patchedSize", orNull(g.patchedSize()));
            x.put("changed", g.what());
            globals.add(x);
        }
        m.put("globals", globals);
        List<Object> exports = new ArrayList<>();
        for (ExportChange e : r.exports()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", e.kind().name());
            x.put("name", e.name());
            x.put("baseRva", hex(e.baseRva()));
            x.put("patchedRva", hex(e.patchedRva()));
            x.put("baseTarget", e.baseTarget());
            x.put("patchedTarget", e.patchedTarget());
            exports.add(x);
        }
        m.put("exports", exports);
        return m;
    }

    private static Map<String, Object> side(DiffReport.Side s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", s.file());
        m.put("pdb", s.pdb());
        m.put("machine", s.machine());
        m.put("name", s.name());
        m.put("pdbGuid", s.pdbGuid());
        return m;
    }

    static String hex(long value) {
        return value < 0 ? null : "0x" + Long.toHexString(value).toUpperCase();
    }

    private static Object orNull(long value) {
        return value < 0 ? null : value;
    }
}
