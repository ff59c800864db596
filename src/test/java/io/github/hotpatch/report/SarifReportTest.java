package io.github.hotpatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hotpatch.verify.RuleStatus;
import io.github.hotpatch.verify.SubjectReport;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    private static final Set<String> KINDS = Set.of("notApplicable", "pass", "fail", "review", "open", "informational");
    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path base;

    private JsonNode sarif(List<SubjectReport> subjects) throws Exception {
        JsonNode log = mapper.readTree(new SarifReport("1.2.3", base).toJson(subjects));
        assertValidSarif(log);
        return log;
    }

    @Test
    void headerToolAndDistinctRules() throws Exception {
        JsonNode log = sarif(
                List.of(Subjects.mixed("arm64_schannel"), Subjects.mixed("x64_openssl"), Subjects.ready("msquic.dll")));

        assertEquals(
                "https://json.schemastore.org/sarif-2.1.0.json",
                log.get("$schema").asText());
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(1, log.get("runs").size());
        JsonNode driver = log.get("runs").get(0).get("tool").get("driver");
        assertEquals("hotpatch-maven-plugin", driver.get("name").asText());
        assertEquals("1.2.3", driver.get("version").asText());

        List<String> ruleIds = new ArrayList<>();
        driver.get("rules").forEach(rule -> ruleIds.add(rule.get("id").asText()));
        assertEquals(
                List.of(
                        "HP-PRJ-001",
                        "HP-PRJ-002",
                        "HP-PRJ-003",
                        "HP-PRJ-004",
                        "HP-BIN-001",
                        "HP-BIN-002",
                        "HP-BIN-003"),
                ruleIds,
                "distinct, in first-seen order");
        assertEquals(
                "Title of HP-PRJ-002",
                driver.get("rules").get(1).get("shortDescription").get("text").asText());
    }

    @Test
    void everyResultIsReportedWithKindAndLevelForItsStatus() throws Exception {
        JsonNode log = sarif(List.of(Subjects.mixed("arm64_schannel"), Subjects.ready("msquic.dll")));
        JsonNode results = log.get("runs").get(0).get("results");

        assertEquals(7, results.size());
        List<String> kindLevel = new ArrayList<>();
        results.forEach(r -> kindLevel.add(r.get("ruleId").asText() + " "
                + r.get("kind").asText() + " " + r.get("level").asText()));
        assertEquals(
                List.of(
                        "HP-PRJ-001 pass none",
                        "HP-PRJ-002 fail error",
                        "HP-PRJ-003 notApplicable none",
                        "HP-PRJ-004 fail warning",
                        "HP-BIN-001 pass none",
                        "HP-BIN-002 notApplicable none",
                        "HP-BIN-003 fail warning"),
                kindLevel);

        JsonNode failure = results.get(1);
        assertEquals(
                "arm64_schannel: /FUNCTIONPADMIN missing",
                failure.get("message").get("text").asText());
        assertEquals("arm64_schannel", failure.get("properties").get("subject").asText());
        assertEquals("variant", failure.get("properties").get("subjectKind").asText());
        assertEquals("arm64", failure.get("properties").get("arch").asText());
        assertEquals("FAIL", failure.get("properties").get("status").asText());
    }

    @Test
    void ruleIndexPointsAtTheRuleWithThatId() throws Exception {
        JsonNode run = sarif(List.of(Subjects.ready("a"), Subjects.mixed("b")))
                .get("runs")
                .get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        for (JsonNode result : run.get("results")) {
            assertEquals(
                    result.get("ruleId").asText(),
                    rules.get(result.get("ruleIndex").asInt()).get("id").asText());
        }
    }

    @Test
    void locationsAreRelativeToTheBaseWhenInsideItAndAbsoluteOtherwise() throws Exception {
        Path outside = base.getParent().resolve("elsewhere").resolve("x.dll").toAbsolutePath();
        SubjectReport subject = new SubjectReport(
                "s",
                "binary",
                "x64",
                List.of(
                        Subjects.rule("A", RuleStatus.PASS, "m", "build/arm64 schannel/msquic.dll"),
                        Subjects.rule(
                                "B",
                                RuleStatus.FAIL,
                                "m",
                                base.resolve("bin").resolve("msquic.pdb").toString()),
                        Subjects.rule("C", RuleStatus.FAIL, "m", outside.toString()),
                        Subjects.rule("D", RuleStatus.FAIL, "m", "../escape.dll"),
                        Subjects.rule("E", RuleStatus.DEVIATION, "m", null)),
                Map.of());
        JsonNode run = sarif(List.of(subject)).get("runs").get(0);
        JsonNode results = run.get("results");

        JsonNode a = artifact(results.get(0));
        assertEquals("build/arm64%20schannel/msquic.dll", a.get("uri").asText());
        assertEquals("SRCROOT", a.get("uriBaseId").asText());
        JsonNode b = artifact(results.get(1));
        assertEquals("bin/msquic.pdb", b.get("uri").asText());
        assertEquals("SRCROOT", b.get("uriBaseId").asText());

        JsonNode c = artifact(results.get(2));
        assertEquals(outside.toUri(), URI.create(c.get("uri").asText()));
        assertFalse(c.has("uriBaseId"));
        JsonNode d = artifact(results.get(3));
        assertEquals(
                base.getParent().resolve("escape.dll").toUri(),
                URI.create(d.get("uri").asText()));

        assertFalse(results.get(4).has("locations"), "no file, no location");

        String baseUri = run.get("originalUriBaseIds").get("SRCROOT").get("uri").asText();
        assertTrue(baseUri.endsWith("/"));
        assertEquals(
                base.resolve("build/arm64 schannel/msquic.dll").toUri(),
                URI.create(baseUri).resolve(a.get("uri").asText()));
    }

    @Test
    void hostileMessagesRoundTrip() throws Exception {
        JsonNode results =
                sarif(List.of(Subjects.hostile("h"))).get("runs").get(0).get("results");
        assertEquals(3, results.size());
        for (JsonNode result : results) {
            assertEquals(
                    "h: " + Subjects.HOSTILE, result.get("message").get("text").asText());
        }
    }

    @Test
    void outputIsStable() throws Exception {
        SarifReport report = new SarifReport("1.0", base);
        List<SubjectReport> subjects = List.of(Subjects.mixed("a"), Subjects.ready("b"));
        assertEquals(report.toJson(subjects), report.toJson(subjects));
    }

    @Test
    void noSubjectsIsStillAValidLog() throws Exception {
        JsonNode run = sarif(List.of()).get("runs").get(0);
        assertEquals(0, run.get("results").size());
        assertEquals(0, run.get("tool").get("driver").get("rules").size());
    }

    private static JsonNode artifact(JsonNode result) {
        assertEquals(1, result.get("locations").size());
        return result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
    }

    /**
     * The SARIF 2.1.0 constraints this writer relies on: required properties (sarifLog: version, runs;
     * run: tool; tool: driver; toolComponent: name; reportingDescriptor: id; result: message; message:
     * text or id), the kind/level enums, level "none" whenever kind is not "fail", ruleIndex in range,
     * URIs that parse as URI references, and every uriBaseId defined in originalUriBaseIds.
     */
    static void assertValidSarif(JsonNode log) {
        assertEquals("2.1.0", text(log, "version"));
        assertTrue(log.get("runs").isArray());
        for (JsonNode run : log.get("runs")) {
            JsonNode driver = run.path("tool").path("driver");
            assertTrue(driver.isObject(), "run.tool.driver required");
            assertFalse(text(driver, "name").isEmpty());
            JsonNode rules = driver.path("rules");
            for (JsonNode rule : rules) {
                assertFalse(text(rule, "id").isEmpty());
                assertMessage(rule.get("shortDescription"));
            }
            JsonNode bases = run.path("originalUriBaseIds");
            bases.forEach(b -> assertTrue(
                    URI.create(text(b, "uri")).isAbsolute() && text(b, "uri").endsWith("/"),
                    "base URIs are absolute and end in '/'"));
            for (JsonNode result : run.path("results")) {
                assertMessage(result.get("message"));
                String kind = result.path("kind").asText("fail");
                assertTrue(KINDS.contains(kind), kind);
                if (result.has("level")) {
                    assertTrue(LEVELS.contains(text(result, "level")));
                    if (!kind.equals("fail")) {
                        assertEquals("none", text(result, "level"), "§3.27.10: level none unless kind is fail");
                    }
                }
                if (result.has("ruleIndex")) {
                    int index = result.get("ruleIndex").asInt();
                    assertTrue(index >= -1 && index < rules.size());
                }
                for (JsonNode location : result.path("locations")) {
                    JsonNode artifact = location.path("physicalLocation").path("artifactLocation");
                    URI uri = URI.create(text(artifact, "uri"));
                    if (artifact.has("uriBaseId")) {
                        assertFalse(uri.isAbsolute());
                        assertTrue(bases.has(text(artifact, "uriBaseId")), "uriBaseId is defined");
                    }
                }
            }
        }
    }

    private static void assertMessage(JsonNode message) {
        assertTrue(message != null && message.isObject(), "message object required");
        assertTrue(message.has("text") || message.has("id"), "message needs text or id");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertTrue(value != null && value.isTextual(), field + " must be a string in " + node);
        return value.asText();
    }
}
