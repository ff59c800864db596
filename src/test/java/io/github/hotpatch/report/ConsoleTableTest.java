package io.github.hotpatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hotpatch.verify.RuleStatus;
import io.github.hotpatch.verify.SubjectReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {

    @Test
    void rendersAlignedRowsThenSummaries() {
        List<String> lines = new ConsoleTable().render(List.of(Subjects.mixed("arm64_schannel"), Subjects.ready("x")));

        assertEquals(
                List.of(
                        "SUBJECT         RULE        STATUS          MESSAGE",
                        "--------------  ----------  --------------  ------------------------------------------",
                        "arm64_schannel  HP-PRJ-001  PASS            /hotpatch found in Link/AdditionalOptions",
                        "arm64_schannel  HP-PRJ-002  FAIL            /FUNCTIONPADMIN missing",
                        "arm64_schannel  HP-PRJ-003  NOT_APPLICABLE  x64 only",
                        "arm64_schannel  HP-PRJ-004  DEVIATION       lld map file instead of /pdbinject:mapfile",
                        "x               HP-BIN-001  PASS            machine 0x8664",
                        "x               HP-BIN-002  NOT_APPLICABLE  arm64 only",
                        "x               HP-BIN-003  DEVIATION       substitute in place",
                        "",
                        "arm64_schannel: 1 passed, 1 failed, 1 not applicable, 1 deviation",
                        "x: 1 passed, 0 failed, 1 not applicable, 1 deviation"),
                lines);
    }

    @Test
    void summaryCountsEveryStatus() {
        List<io.github.hotpatch.verify.RuleResult> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            results.add(Subjects.rule("P" + i, RuleStatus.PASS, "ok", null));
        }
        results.add(Subjects.rule("F", RuleStatus.FAIL, "bad", null));
        results.add(Subjects.rule("N1", RuleStatus.NOT_APPLICABLE, "n/a", null));
        results.add(Subjects.rule("N2", RuleStatus.NOT_APPLICABLE, "n/a", null));
        results.add(Subjects.rule("D", RuleStatus.DEVIATION, "sub", null));
        SubjectReport subject = new SubjectReport("arm64_schannel", "variant", "arm64", results, Map.of());

        assertEquals(
                "arm64_schannel: 12 passed, 1 failed, 2 not applicable, 1 deviation", ConsoleTable.summary(subject));
        SubjectReport none = new SubjectReport("e", "variant", "x64", List.of(), Map.of());
        assertEquals("e: 0 passed, 0 failed, 0 not applicable, 0 deviations", ConsoleTable.summary(none));
    }

    @Test
    void longPassMessagesAreCutToTheWidth() {
        SubjectReport subject = new SubjectReport(
                "s",
                "binary",
                "x64",
                List.of(Subjects.rule("R", RuleStatus.PASS, "0123456789abcdefghij", null)),
                Map.of());
        List<String> lines = new ConsoleTable(10).render(List.of(subject));

        String row = lines.get(2);
        assertTrue(row.endsWith("  0123456..."), row);
        int messageColumn = lines.get(0).indexOf("MESSAGE");
        assertEquals(10, row.length() - messageColumn);
        assertThrows(IllegalArgumentException.class, () -> new ConsoleTable(3));
    }

    @Test
    void failAndDeviationMessagesArePrintedInFullWrappedAtTheMessageColumn() {
        String fail = "lacks /hotpatchcompatible /profile /pdbinject:mapfile in the Release link flags of target"
                + " msquic (File API reply target-msquic-Release.json)";
        String deviation = "/OPT:ICF beside /PROFILE, which implies /OPT:NOICF; which one wins is not documented";
        SubjectReport subject = new SubjectReport(
                "arm64_schannel",
                "variant",
                "arm64",
                List.of(
                        Subjects.rule("HP-PRJ-001", RuleStatus.FAIL, fail, null),
                        Subjects.rule("HP-PRJ-004", RuleStatus.DEVIATION, deviation, null),
                        Subjects.rule("HP-BIN-001", RuleStatus.PASS, "p".repeat(60), null)),
                Map.of());
        List<ConsoleTable.Line> lines = new ConsoleTable(40).lines(List.of(subject));
        int column = lines.get(0).text().indexOf("MESSAGE");

        StringBuilder failText = new StringBuilder();
        StringBuilder deviationText = new StringBuilder();
        for (ConsoleTable.Line line : lines.subList(2, lines.size() - 2)) {
            String message = line.text().substring(column);
            assertTrue(message.length() <= 40, line.text());
            if (line.level() == ConsoleTable.Level.ERROR) {
                failText.append(failText.length() == 0 ? "" : " ").append(message);
            } else if (line.level() == ConsoleTable.Level.WARNING) {
                deviationText.append(deviationText.length() == 0 ? "" : " ").append(message);
            }
        }
        assertEquals(fail, failText.toString(), "the FAIL message is whole, over several ERROR lines");
        assertEquals(deviation, deviationText.toString(), "the DEVIATION message is whole, at WARNING");
        assertTrue(lines.get(3).text().startsWith(" ".repeat(column)), "continuation starts at the message column");
        ConsoleTable.Line pass = lines.stream()
                .filter(l -> l.text().contains("HP-BIN-001"))
                .findFirst()
                .orElseThrow();
        assertEquals(ConsoleTable.Level.INFO, pass.level());
        assertTrue(pass.text().endsWith("p".repeat(37) + "..."), pass.text());
    }

    @Test
    void notReadySummaryIsOneLineNamingTheFailingRulesOfEachSubject() {
        assertEquals(
                java.util.Optional.of("NOT_READY: 1 of 2 variants not hotpatch-ready: arm64_schannel (HP-PRJ-002)"),
                ConsoleTable.notReadySummary(
                        List.of(Subjects.mixed("arm64_schannel"), Subjects.ready("x")), "variant"));
        assertEquals(java.util.Optional.empty(), ConsoleTable.notReadySummary(List.of(Subjects.ready("x")), "variant"));
    }

    @Test
    void failingFilesAreCountedThenOneLineEachWithTheFirstFailingRule() {
        List<String> lines = ConsoleTable.failingFiles(
                List.of(Subjects.mixed("a.dll"), Subjects.ready("b.dll"), Subjects.mixed("c.dll")));
        assertEquals(
                List.of(
                        "2 of 3 files are NOT_READY (first failing rule of each):",
                        "  a.dll: HP-PRJ-002 /FUNCTIONPADMIN missing",
                        "  c.dll: HP-PRJ-002 /FUNCTIONPADMIN missing"),
                lines);
    }

    @Test
    void longNamesAreCappedSoTheTableStaysNarrow() {
        String name = "n".repeat(100);
        SubjectReport subject = new SubjectReport(
                name, "binary", "x64", List.of(Subjects.rule("R", RuleStatus.PASS, "m", null)), Map.of());
        String row = new ConsoleTable().render(List.of(subject)).get(2);
        assertTrue(row.startsWith("n".repeat(ConsoleTable.MAX_NAME_WIDTH - 3) + "...  R"), row);
    }

    @Test
    void outputIsAsciiOnOneLinePerRowAndAligned() {
        List<String> lines =
                new ConsoleTable(200).render(List.of(Subjects.hostile("caf\u00E9\n"), Subjects.mixed("m")));

        for (String line : lines) {
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7F), line);
            assertEquals(line.stripTrailing(), line, "no trailing blanks");
        }
        assertEquals(2 + 7 + 1 + 2, lines.size(), "header, rule, 7 rows, blank, 2 summaries; nothing split");
        int statusColumn = lines.get(0).indexOf("STATUS");
        for (String row : lines.subList(2, 9)) {
            assertTrue(row.substring(statusColumn).matches("(PASS|FAIL|NOT_APPLICABLE|DEVIATION) .*"), row);
        }
        assertTrue(lines.get(2).startsWith("caf?     HP-BIN-009  FAIL  "), lines.get(2));
        assertTrue(
                lines.get(2)
                        .contains("say \"hi\" & 'bye' <tag attr=\"x\"> ]]>  nul  soh  esc tab nl cr  lone? "
                                + "ffff? caf? ?"),
                lines.get(2));
        assertEquals("caf? : 0 passed, 1 failed, 1 not applicable, 1 deviation", lines.get(10));
    }
}
