package io.github.hotpatch.report;

import io.github.hotpatch.verify.RuleResult;
import io.github.hotpatch.verify.RuleStatus;
import io.github.hotpatch.verify.SubjectReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report inputs shared by the writer tests. */
final class Subjects {

    /** Quotes, markup, CDATA end, control characters (XML-illegal), a lone surrogate and non-ASCII. */
    static final String HOSTILE = "say \"hi\" & 'bye' <tag attr=\"x\"> ]]> \u0000nul \u0001soh \u001Besc"
            + " tab\tnl\ncr\r lone\uD800 ffff\uFFFF caf\u00E9 \uD83D\uDE00";

    private Subjects() {}

    static RuleResult rule(String id, RuleStatus status, String message, String file) {
        return new RuleResult(id, "Title of " + id, status, message, file);
    }

    /** One result of each status: 1 pass, 1 fail, 1 not applicable, 1 deviation. */
    static SubjectReport mixed(String name) {
        return new SubjectReport(
                name,
                SubjectReport.KIND_VARIANT,
                "arm64",
                List.of(
                        rule(
                                "HP-PRJ-001",
                                RuleStatus.PASS,
                                "/hotpatch found in Link/AdditionalOptions",
                                "msquic.vcxproj"),
                        rule("HP-PRJ-002", RuleStatus.FAIL, "/FUNCTIONPADMIN missing", "msquic.vcxproj"),
                        rule("HP-PRJ-003", RuleStatus.NOT_APPLICABLE, "x64 only", null),
                        rule("HP-PRJ-004", RuleStatus.DEVIATION, "lld map file instead of /pdbinject:mapfile", null)),
                facts());
    }

    /** No FAIL: ready despite the not-applicable and deviation results. */
    static SubjectReport ready(String name) {
        return new SubjectReport(
                name,
                SubjectReport.KIND_BINARY,
                "x64",
                List.of(
                        rule("HP-BIN-001", RuleStatus.PASS, "machine 0x8664", "bin/msquic.dll"),
                        rule("HP-BIN-002", RuleStatus.NOT_APPLICABLE, "arm64 only", null),
                        rule("HP-BIN-003", RuleStatus.DEVIATION, "substitute in place", "bin/msquic.map")),
                Map.of("machine", "X64"));
    }

    /** What verify -Dhotpatch.checkBinaries=false gives: project rules only, none failed. */
    static SubjectReport projectOnly(String name) {
        return new SubjectReport(
                name,
                SubjectReport.KIND_VARIANT,
                "ARM64",
                List.of(
                        rule("HP-PRJ-001", RuleStatus.PASS, "flags present", "reply/target-msquic-Release.json"),
                        rule("HP-PRJ-002", RuleStatus.NOT_APPLICABLE, "no vcxproj", null),
                        rule("HP-PRJ-003", RuleStatus.PASS, "none in Debug", "reply/index.json"),
                        rule("HP-PRJ-004", RuleStatus.DEVIATION, "/OPT:ICF", "reply/target-msquic-Release.json")),
                Map.of("variant", name));
    }

    static SubjectReport hostile(String name) {
        return new SubjectReport(
                name,
                SubjectReport.KIND_BINARY,
                null,
                List.of(
                        rule("HP-BIN-009", RuleStatus.FAIL, HOSTILE, null),
                        rule("HP-BIN-010", RuleStatus.NOT_APPLICABLE, HOSTILE, null),
                        rule("HP-BIN-011", RuleStatus.DEVIATION, HOSTILE, null)),
                Map.of());
    }

    /** Ordered facts with nesting and nulls, in a deliberately non-alphabetical order. */
    static Map<String, Object> facts() {
        Map<String, Object> linker = new LinkedHashMap<>();
        linker.put("name", "lld-link");
        linker.put("version", null);
        List<Object> flags = new ArrayList<>();
        flags.add("/hotpatch");
        flags.add(null);
        flags.add(16);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("variant", "arm64_schannel");
        facts.put("machine", "ARM64");
        facts.put("linker", linker);
        facts.put("flags", flags);
        facts.put("pdb", null);
        facts.put("incremental", false);
        facts.put("alignment", 4096);
        return facts;
    }
}
