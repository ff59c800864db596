package io.github.hotpatch.diff;

import io.github.hotpatch.pdb.DataSymbol;
import io.github.hotpatch.pdb.PdbSymbols;
import io.github.hotpatch.pdb.PdbSymbolsReader;
import io.github.hotpatch.pdb.ProcedureSymbol;
import io.github.hotpatch.pe.Export;
import io.github.hotpatch.pe.ExportTable;
import io.github.hotpatch.pe.ImageCodeReader;
import io.github.hotpatch.pe.Machine;
import io.github.hotpatch.pe.Section;
import io.github.hotpatch.verify.BinaryEvidence;
import io.github.hotpatch.verify.BinaryInspection;
import io.github.hotpatch.verify.RuleResult;
import io.github.hotpatch.verify.SubjectReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The diff: which functions a patched build changes against its base, and whether that can ship as a hotpatch.
 *
 * <p>Order of work: read both images' headers and PDBs ({@link BinaryEvidence}, as inspect does), hold both to
 * inspect's readiness rules, check that the base is the image the patch would load against (same machine, same
 * name), then compare functions (PDB procedure records; each function's bytes read one at a time and normalised,
 * see {@link Arm64Normaliser} and {@link X64Normaliser}), global data (PDB data records) and exports. Only the headers, the export and
 * relocation tables, the PDB streams holding symbols, and the bytes of functions present in both builds are read.
 *
 * <p>An input that cannot be read, an image without a matching PDB, and images of machines other than ARM64 and x64
 * are {@link DiffException}s, never a verdict.
 */
public final class Differ {

    /**
     * Turns Maven coordinates ({@code groupId:artifactId:version[:classifier]}) into a local DLL or zip. The fan-in
     * work (resolving released variants from a repository) supplies one; this package resolves nothing itself.
     */
    @FunctionalInterface
    public interface CoordinatesResolver {
        Path resolve(String coordinates) throws IOException;
    }

    private Differ() {}

    /** Diffs two DLLs (their PDBs found beside them) or zips holding one DLL each. */
    public static DiffReport diff(Path base, Path patched) throws IOException {
        try (DiffInput b = DiffInput.of(base);
                DiffInput p = DiffInput.of(patched)) {
            return diff(b, p);
        }
    }

    public static DiffReport diff(DiffInput base, DiffInput patched) throws IOException {
        Loaded b = load(base);
        Loaded p = load(patched);
        List<Reason> reasons = new ArrayList<>();
        readiness(b, reasons);
        readiness(p, reasons);

        int bm = b.evidence.image().machine().code();
        int pm = p.evidence.image().machine().code();
        boolean sameMachine = bm == pm;
        if (!sameMachine) {
            reasons.add(new Reason(
                    Reason.Code.MACHINE_MISMATCH,
                    p.input.label(),
                    "patched image is " + Machine.of(pm) + ", base is " + Machine.of(bm) + " (contents not compared)"));
        }
        String bName = b.input.image().getFileName().toString();
        String pName = p.input.image().getFileName().toString();
        boolean sameName = bName.equalsIgnoreCase(pName);
        if (!sameName) {
            reasons.add(new Reason(
                    Reason.Code.NAME_MISMATCH,
                    p.input.label(),
                    "patched image is named " + pName + ", base is " + bName
                            + ": a hotpatch applies to the image of its own name (contents not compared)"));
        }
        List<FunctionChange> functions = new ArrayList<>();
        List<GlobalChange> globals = new ArrayList<>();
        List<ExportChange> exports = new ArrayList<>();
        int[] compared = new int[2];
        long bytes = b.evidence.image().bytesRead() + p.evidence.image().bytesRead();
        // Images that are not base and patch of each other are not compared further: every difference would be noise.
        if (sameMachine && sameName) {
            Normaliser normaliser = normaliser(bm, p.input.label());
            try (ImageCodeReader bc = ImageCodeReader.open(b.input.image());
                    ImageCodeReader pc = ImageCodeReader.open(p.input.image())) {
                PdbSymbols bs = symbols(b);
                PdbSymbols ps = symbols(p);
                bytes += bs.bytesRead() + ps.bytesRead();
                Map<String, Placed> bf = functions(bs, bc);
                Map<String, Placed> pf = functions(ps, pc);
                long[] bRelocs = bc.baseRelocations().packedAddresses();
                long[] pRelocs = pc.baseRelocations().packedAddresses();
                compared[0] = compareFunctions(normaliser, bf, pf, bc, pc, bRelocs, pRelocs, functions, reasons);
                Map<String, PlacedData> bd = data(bs, bc);
                Map<String, PlacedData> pd = data(ps, pc);
                compared[1] = compareGlobals(bd, pd, globals, reasons);
                compareExports(bc.exports(), pc.exports(), targets(bf, bd), targets(pf, pd), exports, reasons);
                bytes += bc.bytesRead() + pc.bytesRead();
            }
        }
        return new DiffReport(
                side(b),
                side(p),
                reasons.isEmpty() ? Verdict.HOTPATCH_CANDIDATE : Verdict.NOT_HOTPATCHABLE,
                reasons,
                functions,
                globals,
                exports,
                compared[0],
                compared[1],
                bytes);
    }

    private record Loaded(DiffInput input, BinaryEvidence evidence) {}

    private record Placed(ProcedureSymbol symbol, long rva) {}

    private record PlacedData(DataSymbol symbol, long rva, String section) {}

    private static Loaded load(DiffInput input) throws IOException {
        BinaryEvidence evidence;
        try {
            evidence = BinaryEvidence.collect(input.image(), input.pdb());
        } catch (IOException e) {
            throw new DiffException(input.label() + ": not a readable image: " + e.getMessage(), e);
        }
        if (evidence.pdb().isEmpty()) {
            throw new DiffException(input.label() + ": "
                    + evidence.pdbError()
                            .map(err -> "its PDB cannot be read: " + err)
                            .orElse("no PDB found (looked for " + evidence.pdbSearched() + ")")
                    + "; a diff needs each image's PDB for its function and data records");
        }
        if (!evidence.pdbMatches()) {
            throw new DiffException(
                    input.label() + ": PDB " + evidence.pdbPath().orElseThrow()
                            + " is not the one the image's CodeView record names (GUID and age differ)");
        }
        return new Loaded(input, evidence);
    }

    private static void readiness(Loaded side, List<Reason> reasons) {
        SubjectReport report =
                BinaryInspection.inspect(side.input.label(), side.evidence, Optional.empty(), Optional.empty());
        for (RuleResult r : report.results()) {
            if (r.status().isViolation()) {
                reasons.add(new Reason(
                        Reason.Code.NOT_READY,
                        side.input.label() + " " + r.id(),
                        side.input.image().getFileName() + " fails " + r.id() + " (" + r.title() + "): "
                                + r.message()));
            }
        }
    }

    private static PdbSymbols symbols(Loaded side) throws IOException {
        return PdbSymbolsReader.read(side.evidence.pdbPath().orElseThrow());
    }

    private static DiffReport.Side side(Loaded l) {
        return new DiffReport.Side(
                l.input.label(),
                l.evidence.pdbPath().map(Path::toString).orElse(null),
                l.evidence.image().machine().name(),
                l.input.image().getFileName().toString(),
                l.evidence.pdb().map(pdb -> pdb.guid().formatted()).orElse(null));
    }

    /** An object file's name without its directory: build directories differ between base and patch. */
    static String leaf(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static String uniqueKey(Map<String, ?> map, String key) {
        String k = key;
        for (int n = 2; map.containsKey(k); n++) {
            k = key + "#" + n;
        }
        return k;
    }

    private static Map<String, Placed> functions(PdbSymbols symbols, ImageCodeReader code) throws IOException {
        Map<String, Placed> out = new LinkedHashMap<>();
        for (ProcedureSymbol proc : symbols.procedures()) {
            String key = proc.global() ? proc.name() : leaf(module(symbols, proc.module())) + "!" + proc.name();
            long rva =
                    code.rvaOf(proc.segment(), proc.offset(), "function " + proc.name() + " (" + symbols.pdb() + ")");
            out.put(uniqueKey(out, key), new Placed(proc, rva));
        }
        return out;
    }

    private static String module(PdbSymbols symbols, int index) {
        return index >= 0 && index < symbols.modules().size()
                ? symbols.modules().get(index)
                : "";
    }

    private static Map<String, PlacedData> data(PdbSymbols symbols, ImageCodeReader code) throws IOException {
        Map<String, PlacedData> out = new LinkedHashMap<>();
        List<Section> sections = code.sections();
        for (DataSymbol d : symbols.data()) {
            if (d.segment() == 0) {
                continue; // absolute symbols (no section) have no storage in the image
            }
            String key = d.global()
                    ? d.name()
                    : d.module() >= 0 ? leaf(module(symbols, d.module())) + "!" + d.name() : "static " + d.name();
            long rva = code.rvaOf(d.segment(), d.offset(), "variable " + d.name() + " (" + symbols.pdb() + ")");
            out.put(
                    uniqueKey(out, key),
                    new PlacedData(d, rva, sections.get(d.segment() - 1).name()));
        }
        return out;
    }

    private static Map<Long, String> targets(Map<String, Placed> functions, Map<String, PlacedData> data) {
        Map<Long, String> byRva = new HashMap<>();
        data.forEach((k, d) -> byRva.putIfAbsent(d.rva(), k));
        functions.forEach((k, f) -> byRva.put(f.rva(), k));
        return byRva;
    }

    /** One function's code with the fields that move masked: one value per instruction. */
    @FunctionalInterface
    interface Normaliser {
        int[] normalise(byte[] code, long rva, long[] relocations);
    }

    private static Normaliser normaliser(int machine, String label) throws DiffException {
        return switch (machine) {
            case Machine.ARM64 -> Arm64Normaliser::normalise;
            case Machine.AMD64 -> X64Normaliser::normalise;
            default ->
                throw new DiffException(label + ": diff of " + Machine.of(machine)
                        + " images is not available: only ARM64 and x64 code is normalised");
        };
    }

    private static int compareFunctions(
            Normaliser normaliser,
            Map<String, Placed> base,
            Map<String, Placed> patched,
            ImageCodeReader bc,
            ImageCodeReader pc,
            long[] bRelocs,
            long[] pRelocs,
            List<FunctionChange> out,
            List<Reason> reasons)
            throws IOException {
        int compared = 0;
        List<FunctionChange> found = new ArrayList<>();
        for (Map.Entry<String, Placed> e : base.entrySet()) {
            Placed b = e.getValue();
            Placed p = patched.get(e.getKey());
            long bSize = b.symbol().codeSize();
            if (p == null) {
                found.add(new FunctionChange(FunctionChange.Kind.REMOVED, e.getKey(), b.rva(), -1, bSize, -1, 0));
                reasons.add(new Reason(
                        Reason.Code.FUNCTION_REMOVED,
                        e.getKey(),
                        "function " + e.getKey() + " of the base is not in the patched build; code of the base that"
                                + " calls it would still run"));
                continue;
            }
            long pSize = p.symbol().codeSize();
            int[] bn = normaliser.normalise(bc.read(b.rva(), bSize, "function " + e.getKey()), b.rva(), bRelocs);
            int[] pn = normaliser.normalise(pc.read(p.rva(), pSize, "function " + e.getKey()), p.rva(), pRelocs);
            compared++;
            int differing = differing(bn, pn);
            if (differing > 0 || bSize != pSize) {
                found.add(new FunctionChange(
                        FunctionChange.Kind.CHANGED, e.getKey(), b.rva(), p.rva(), bSize, pSize, differing));
            }
        }
        for (Map.Entry<String, Placed> e : patched.entrySet()) {
            if (!base.containsKey(e.getKey())) {
                Placed p = e.getValue();
                found.add(new FunctionChange(
                        FunctionChange.Kind.ADDED,
                        e.getKey(),
                        -1,
                        p.rva(),
                        -1,
                        p.symbol().codeSize(),
                        0));
            }
        }
        found.sort(Comparator.comparingLong((FunctionChange f) -> f.baseRva() < 0 ? Long.MAX_VALUE : f.baseRva())
                .thenComparingLong(FunctionChange::patchedRva));
        out.addAll(found);
        return compared;
    }

    /** Instructions left on the longer side after removing the common leading and trailing ones. */
    static int differing(int[] a, int[] b) {
        int prefix = 0;
        int shorter = Math.min(a.length, b.length);
        while (prefix < shorter && a[prefix] == b[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
            suffix++;
        }
        return Math.max(a.length, b.length) - prefix - suffix;
    }

    private static int compareGlobals(
            Map<String, PlacedData> base,
            Map<String, PlacedData> patched,
            List<GlobalChange> out,
            List<Reason> reasons) {
        int compared = 0;
        for (Map.Entry<String, PlacedData> e : base.entrySet()) {
            PlacedData b = e.getValue();
            PlacedData p = patched.get(e.getKey());
            long bType = b.symbol().typeIndex();
            long bSize = TypeSizes.simpleSize(bType);
            if (p == null) {
                out.add(new GlobalChange(
                        FunctionChange.Kind.REMOVED, e.getKey(), b.section(), null, bType, -1, bSize, -1, List.of()));
                reasons.add(new Reason(
                        Reason.Code.GLOBAL_REMOVED,
                        e.getKey(),
                        "global " + e.getKey() + " of the base is not in the patched build"));
                continue;
            }
            compared++;
            long pType = p.symbol().typeIndex();
            long pSize = TypeSizes.simpleSize(pType);
            List<String> what = new ArrayList<>();
            if (!b.section().equals(p.section())) {
                what.add("section");
            }
            if (bType != pType) {
                what.add("type");
            }
            if (bSize != pSize) {
                what.add("size");
            }
            if (!what.isEmpty()) {
                out.add(new GlobalChange(
                        FunctionChange.Kind.CHANGED,
                        e.getKey(),
                        b.section(),
                        p.section(),
                        bType,
                        pType,
                        bSize,
                        pSize,
                        what));
                reasons.add(new Reason(
                        Reason.Code.GLOBAL_CHANGED,
                        e.getKey(),
                        "global " + e.getKey() + " changed its " + String.join(", ", what) + " (type "
                                + TypeSizes.describe(bType) + " -> " + TypeSizes.describe(pType) + ", section "
                                + b.section() + " -> " + p.section() + "): the base's code and data keep the old"
                                + " layout"));
            }
        }
        for (Map.Entry<String, PlacedData> e : patched.entrySet()) {
            if (!base.containsKey(e.getKey())) {
                PlacedData p = e.getValue();
                long pType = p.symbol().typeIndex();
                out.add(new GlobalChange(
                        FunctionChange.Kind.ADDED,
                        e.getKey(),
                        null,
                        p.section(),
                        -1,
                        pType,
                        -1,
                        TypeSizes.simpleSize(pType),
                        List.of()));
                reasons.add(new Reason(
                        Reason.Code.GLOBAL_ADDED,
                        e.getKey(),
                        "global " + e.getKey() + " is new in the patched build; a hotpatch adds no data to the"
                                + " running base"));
            }
        }
        return compared;
    }

    private static void compareExports(
            ExportTable base,
            ExportTable patched,
            Map<Long, String> bTargets,
            Map<Long, String> pTargets,
            List<ExportChange> out,
            List<Reason> reasons) {
        Map<String, Export> b = new LinkedHashMap<>();
        base.exports().forEach(x -> b.putIfAbsent(x.label(), x));
        Map<String, Export> p = new LinkedHashMap<>();
        patched.exports().forEach(x -> p.putIfAbsent(x.label(), x));
        for (Map.Entry<String, Export> e : b.entrySet()) {
            Export bx = e.getValue();
            String bTarget = target(bx, bTargets);
            Export px = p.get(e.getKey());
            if (px == null) {
                out.add(new ExportChange(ExportChange.Kind.REMOVED, e.getKey(), bx.rva(), -1, bTarget, null));
                reasons.add(new Reason(
                        Reason.Code.EXPORT_REMOVED,
                        e.getKey(),
                        "export " + e.getKey() + " is gone from the patched build"));
                continue;
            }
            String pTarget = target(px, pTargets);
            // A function that merely moved keeps its name: only a different target (or, with no symbol to name
            // either side, a different address) is a re-pointed export.
            boolean repointed =
                    bTarget != null || pTarget != null ? !Objects.equals(bTarget, pTarget) : bx.rva() != px.rva();
            if (repointed) {
                out.add(new ExportChange(
                        ExportChange.Kind.REPOINTED, e.getKey(), bx.rva(), px.rva(), bTarget, pTarget));
                reasons.add(new Reason(
                        Reason.Code.EXPORT_REPOINTED,
                        e.getKey(),
                        "export " + e.getKey() + " pointed at "
                                + (bTarget == null ? "0x" + Long.toHexString(bx.rva()) : bTarget) + " and now at "
                                + (pTarget == null ? "0x" + Long.toHexString(px.rva()) : pTarget)));
            }
        }
        for (Map.Entry<String, Export> e : p.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                Export px = e.getValue();
                out.add(new ExportChange(
                        ExportChange.Kind.ADDED, e.getKey(), -1, px.rva(), null, target(px, pTargets)));
                reasons.add(new Reason(
                        Reason.Code.EXPORT_ADDED,
                        e.getKey(),
                        "export " + e.getKey()
                                + " is new in the patched build; importers of the base cannot bind to it"));
            }
        }
    }

    private static String target(Export x, Map<Long, String> targets) {
        return x.forwarder().map(f -> "forwarder " + f).orElseGet(() -> targets.get(x.rva()));
    }
}
