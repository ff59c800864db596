package io.github.hotpatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hotpatch.verify.SubjectReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A project-only verify (-Dhotpatch.checkBinaries=false) passes the project rules, and every report says that and no
 * more: PROJECT_RULES_PASSED, never HOTPATCH_READY.
 */
class VerdictReportsTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<SubjectReport> projectOnly = List.of(Subjects.projectOnly("arm64_schannel"));

    @Test
    void jsonSaysProjectRulesPassed() throws Exception {
        JsonNode root = mapper.readTree(new JsonReport().toJson(projectOnly.get(0)));
        assertEquals("PROJECT_RULES_PASSED", root.get("verdict").asText());
        assertEquals(JsonReport.VERDICT_PROJECT_RULES_PASSED, JsonReport.verdict(projectOnly.get(0)));
        // a subject with binary rules and no failure is ready
        assertEquals("HOTPATCH_READY", JsonReport.verdict(Subjects.ready("b")));
        assertEquals("NOT_READY", JsonReport.verdict(Subjects.mixed("m")));
    }

    @Test
    void sarifRunPropertiesNameTheVerdict() throws Exception {
        String sarif = new SarifReport("1.0", Path.of("/base")).toJson(projectOnly);
        JsonNode run = mapper.readTree(sarif).get("runs").get(0);
        assertEquals(
                "PROJECT_RULES_PASSED",
                run.get("properties").get("verdicts").get("arm64_schannel").asText());
        assertFalse(sarif.contains("HOTPATCH_READY"), sarif);
    }

    @Test
    void junitSuitePropertiesNameTheVerdict() throws Exception {
        String xml = new JunitReport().toXml(projectOnly);
        assertTrue(xml.contains("<property name=\"verdict\" value=\"PROJECT_RULES_PASSED\"/>"), xml);
        assertTrue(xml.contains("<property name=\"binariesChecked\" value=\"false\"/>"), xml);
        assertFalse(xml.contains("HOTPATCH_READY"), xml);
        String ready = new JunitReport().toXml(List.of(Subjects.ready("b")));
        assertTrue(ready.contains("<property name=\"verdict\" value=\"HOTPATCH_READY\"/>"), ready);
    }
}
