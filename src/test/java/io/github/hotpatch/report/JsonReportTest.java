package io.github.hotpatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hotpatch.verify.RuleStatus;
import io.github.hotpatch.verify.SubjectReport;
import io.github.hotpatch.verify.UnreadableSubject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonReport report = new JsonReport();

    @Test
    void factsComeFirstInOrderThenRulesThenVerdict() throws Exception {
        JsonNode root = mapper.readTree(report.toJson(Subjects.mixed("arm64_schannel")));

        assertEquals(
                List.of("variant", "machine", "linker", "flags", "pdb", "incremental", "alignment", "rules", "verdict"),
                fieldNames(root));
        assertEquals(List.of("name", "version"), fieldNames(root.get("linker")));
        assertTrue(root.get("linker").get("version").isNull());
        assertTrue(root.get("pdb").isNull());
        assertEquals("[\"/hotpatch\",null,16]", root.get("flags").toString());
        assertTrue(root.get("incremental").isBoolean());
        assertEquals(4096, root.get("alignment").intValue());
    }

    @Test
    void rulesKeepOrderAndShape() throws Exception {
        JsonNode rules = mapper.readTree(report.toJson(Subjects.mixed("s"))).get("rules");

        assertEquals(4, rules.size());
        List<String> ids = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (JsonNode rule : rules) {
            assertEquals(List.of("id", "title", "status", "message", "file"), fieldNames(rule));
            ids.add(rule.get("id").asText());
            statuses.add(rule.get("status").asText());
        }
        assertEquals(List.of("HP-PRJ-001", "HP-PRJ-002", "HP-PRJ-003", "HP-PRJ-004"), ids);
        assertEquals(List.of("PASS", "FAIL", "NOT_APPLICABLE", "DEVIATION"), statuses);
        assertEquals("Title of HP-PRJ-002", rules.get(1).get("title").asText());
        assertEquals("msquic.vcxproj", rules.get(1).get("file").asText());
        assertTrue(rules.get(2).get("file").isNull(), "unset file is an explicit null");
    }

    @Test
    void verdictIsNotReadyOnlyWhenSomeRuleFailed() throws Exception {
        assertEquals(
                "NOT_READY",
                mapper.readTree(report.toJson(Subjects.mixed("s")))
                        .get("verdict")
                        .asText());
        assertEquals(
                "HOTPATCH_READY",
                mapper.readTree(report.toJson(Subjects.ready("s")))
                        .get("verdict")
                        .asText());
        // readiness needs a binary rule that ran: no result at all, or no HP-BIN-* one, claims no more than that
        SubjectReport empty = new SubjectReport("e", "variant", "x64", List.of(), null);
        assertEquals(JsonReport.VERDICT_PROJECT_RULES_PASSED, JsonReport.verdict(empty));
        SubjectReport onlyDeviation = new SubjectReport(
                "d", "variant", "x64", List.of(Subjects.rule("HP-BIN-009", RuleStatus.DEVIATION, "m", null)), Map.of());
        assertEquals(JsonReport.VERDICT_READY, JsonReport.verdict(onlyDeviation));
    }

    @Test
    void hostileMessagesRoundTrip() throws Exception {
        JsonNode rules = mapper.readTree(report.toJson(Subjects.hostile("h"))).get("rules");
        for (JsonNode rule : rules) {
            assertEquals(Subjects.HOSTILE, rule.get("message").asText());
        }
    }

    @Test
    void outputIsStablePrettyUtf8WithLfLineEnds() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        report.write(Subjects.mixed("s"), first);
        report.write(Subjects.mixed("s"), second);
        String text = first.toString(StandardCharsets.UTF_8);

        assertEquals(text, second.toString(StandardCharsets.UTF_8));
        assertFalse(text.contains("\r"));
        assertTrue(text.startsWith("{\n  \"variant\": \"arm64_schannel\",\n"), text);
        assertTrue(text.endsWith("}\n"));

        SubjectReport accented = new SubjectReport("s", "binary", "x64", List.of(), Map.of("file", "caf\u00E9.dll"));
        assertTrue(report.toJson(accented).contains("caf\u00E9.dll"), "written as UTF-8, not escaped");
    }

    @Test
    void writeLeavesTheStreamOpen() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("caller owns the stream");
            }
        };
        report.write(Subjects.ready("s"), out);
        report.write(new UnreadableSubject("f", "e"), out);
    }

    @Test
    void arrayHoldsSubjectsThenUnreadableFiles() throws Exception {
        JsonNode array = mapper.readTree(report.toJson(
                List.of(Subjects.mixed("a"), Subjects.ready("b")),
                List.of(new UnreadableSubject("zip/broken.dll", "truncated PE header at 0x40 \"MZ\""))));

        assertTrue(array.isArray());
        assertEquals(3, array.size());
        assertEquals("NOT_READY", array.get(0).get("verdict").asText());
        assertEquals("HOTPATCH_READY", array.get(1).get("verdict").asText());
        assertEquals(List.of("file", "error"), fieldNames(array.get(2)));
        assertEquals("zip/broken.dll", array.get(2).get("file").asText());
        assertEquals(
                "truncated PE header at 0x40 \"MZ\"", array.get(2).get("error").asText());
    }

    @Test
    void skippedFilesComeLastAsFileAndSkipped() throws Exception {
        JsonNode array = mapper.readTree(report.toJson(
                List.of(Subjects.ready("b")),
                List.of(new UnreadableSubject("cut.dll", "truncated")),
                List.of(new io.github.hotpatch.verify.SkippedFile("mac/pty.node", "no MZ signature (Mach-O)"))));
        assertEquals(3, array.size());
        assertEquals(List.of("file", "skipped"), fieldNames(array.get(2)));
        assertEquals("mac/pty.node", array.get(2).get("file").asText());
        assertEquals("no MZ signature (Mach-O)", array.get(2).get("skipped").asText());
    }

    @Test
    void unreadableAloneIsFileAndError() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.write(new UnreadableSubject("a.dll", "not a PE file"), out);
        JsonNode node = mapper.readTree(out.toByteArray());
        assertEquals("{\"file\":\"a.dll\",\"error\":\"not a PE file\"}", node.toString());
    }

    @Test
    void unreadableFromADeployedArtifactNamesItsCoordinatesFirst() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.write(new UnreadableSubject("a.zip!/b.dll", "not a PE file", "g:a:1:zip:x64"), out);
        JsonNode node = mapper.readTree(out.toByteArray());
        assertEquals(
                "{\"artifact\":\"g:a:1:zip:x64\",\"file\":\"a.zip!/b.dll\",\"error\":\"not a PE file\"}",
                node.toString());
    }

    @Test
    void factNamedLikeAReportKeyIsRejected() {
        SubjectReport clash = new SubjectReport("s", "variant", "x64", List.of(), Map.of("verdict", "mine"));
        assertThrows(IllegalArgumentException.class, () -> report.toJson(clash));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
