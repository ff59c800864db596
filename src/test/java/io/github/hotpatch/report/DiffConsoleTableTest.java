package io.github.hotpatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.diff.DiffReport;
import io.github.hotpatch.diff.ExportChange;
import io.github.hotpatch.diff.FunctionChange;
import io.github.hotpatch.diff.GlobalChange;
import io.github.hotpatch.diff.Reason;
import io.github.hotpatch.diff.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffConsoleTableTest {

    private static final DiffReport REPORT = new DiffReport(
            new DiffReport.Side("base/gt.dll", "base/gt.pdb", "ARM64", "gt.dll", "{A}"),
            new DiffReport.Side("patched/gt.dll", "patched/gt.pdb", "ARM64", "gt.dll", "{B}"),
            Verdict.NOT_HOTPATCHABLE,
            List.of(new Reason(Reason.Code.GLOBAL_CHANGED, "widen", "global widen changed its type")),
            List.of(
                    new FunctionChange(FunctionChange.Kind.CHANGED, "Edited", 0x1070, 0x1070, 48, 64, 5),
                    new FunctionChange(FunctionChange.Kind.ADDED, "Added", -1, 0x1100, -1, 12, 0)),
            List.of(new GlobalChange(
                    FunctionChange.Kind.CHANGED, "widen", ".data", ".data", 0x12, 0x13, 4, 8, List.of("type", "size"))),
            List.of(new ExportChange(ExportChange.Kind.ADDED, "Added", -1, 0x1100, null, "Added")),
            5,
            4,
            1234);

    @Test
    void rowsForEveryChangeThenTheVerdictAndItsReasons() {
        List<String> lines = DiffConsoleTable.render(REPORT);
        assertEquals("5 functions compared: 1 changed, 1 added, 0 removed; 4 globals compared", lines.get(2));
        assertTrue(lines.get(4).matches("CHANGED\\s+Edited\\s+0x1070\\s+0x1070\\s+48\\s+64\\s+5"), lines.get(4));
        assertTrue(lines.get(5).matches("ADDED\\s+Added\\s+-\\s+0x1100\\s+-\\s+12\\s+0"), lines.get(5));
        assertTrue(lines.contains("GLOBAL   CHANGED  widen type,size"), lines.toString());
        assertTrue(lines.contains("EXPORT   ADDED     Added - -> Added"), lines.toString());
        assertEquals("verdict: NOT_HOTPATCHABLE", lines.get(lines.size() - 2));
        assertEquals("  GLOBAL_CHANGED widen: global widen changed its type", lines.get(lines.size() - 1));
    }

    @Test
    void jsonKeepsAbsentSidesAsNull() {
        String json = DiffJsonReport.toJson(REPORT);
        assertTrue(json.contains("\"baseRva\": null") || json.contains("\"baseRva\":null"), json);
        assertTrue(json.contains("\"0x1100\""), json);
    }

    @Test
    void aVerdictMustAgreeWithItsReasons() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new DiffReport(
                        REPORT.base(),
                        REPORT.patched(),
                        Verdict.HOTPATCH_CANDIDATE,
                        REPORT.reasons(),
                        List.of(),
                        List.of(),
                        List.of(),
                        0,
                        0,
                        0));
    }
}
