package io.github.hotpatch.report;

import io.github.hotpatch.json.JsonWriter;
import io.github.hotpatch.verify.RuleResult;
import io.github.hotpatch.verify.RuleStatus;
import io.github.hotpatch.verify.SubjectReport;
import io.github.hotpatch.verify.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All subjects as one SARIF 2.1.0 log with a single run.
 *
 * <p>Every rule result becomes a SARIF result, so a viewer sees what was proven as well as what
 * failed: FAIL is level {@code error}, DEVIATION level {@code warning} (both kind {@code fail});
 * PASS and NOT_APPLICABLE are kind {@code pass} / {@code notApplicable} with level {@code none},
 * as the spec requires level {@code none} for any kind other than {@code fail} (§3.27.10).
 */
public final class SarifReport {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String VERSION = "2.1.0";
    public static final String TOOL_NAME = "hotpatch-maven-plugin";
    /** The project's home (the pom's {@code <url>}), as {@code tool.driver.informationUri}. */
    public static final String INFORMATION_URI = "https://github.com/hotpatch-maven-plugin/hotpatch-maven-plugin";

    private final String toolVersion;
    private final SarifLocations locations;

    /**
     * @param toolVersion the plugin version, written as {@code tool.driver.version}
     * @param baseDir     files under it become relative URIs with {@code uriBaseId}
     *                    {@link SarifLocations#BASE_ID}; relative file paths are taken as relative to it
     */
    public SarifReport(String toolVersion, Path baseDir) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.locations = new SarifLocations(baseDir);
    }

    public void write(List<SubjectReport> subjects, OutputStream out) throws IOException {
        JsonWriter.write(toLog(subjects), out);
    }

    public String toJson(List<SubjectReport> subjects) {
        return JsonWriter.toString(toLog(subjects));
    }

    private Map<String, Object> toLog(List<SubjectReport> subjects) {
        // Rules in order of first appearance; a rule's index in this list is its ruleIndex.
        Map<String, RuleResult> firstById = new LinkedHashMap<>();
        subjects.forEach(s -> s.results().forEach(r -> firstById.putIfAbsent(r.id(), r)));
        List<String> ruleIds = new ArrayList<>(firstById.keySet());

        List<Object> rules = new ArrayList<>();
        firstById.values().forEach(r -> rules.add(descriptor(r)));

        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", TOOL_NAME);
        driver.put("version", toolVersion);
        driver.put("informationUri", INFORMATION_URI);
        driver.put("rules", rules);

        List<Object> results = new ArrayList<>();
        for (SubjectReport subject : subjects) {
            for (RuleResult result : subject.results()) {
                results.add(result(subject, result, ruleIds.indexOf(result.id())));
            }
        }

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("originalUriBaseIds", locations.originalUriBaseIds());
        run.put("results", results);
        // What each subject's results prove (HOTPATCH_READY only when the binary rules ran), machine-readable.
        Map<String, Object> verdicts = new LinkedHashMap<>();
        subjects.forEach(
                subject -> verdicts.put(subject.name(), Verdict.of(subject).name()));
        run.put("properties", Map.of("verdicts", verdicts));

        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        log.put("runs", List.of(run));
        return log;
    }

    private static Map<String, Object> descriptor(RuleResult rule) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("id", rule.id());
        descriptor.put("shortDescription", text(rule.title()));
        // Every rule is a hard requirement; a DEVIATION result overrides this with "warning".
        descriptor.put("defaultConfiguration", Map.of("level", "error"));
        return descriptor;
    }

    private Map<String, Object> result(SubjectReport subject, RuleResult rule, int ruleIndex) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", rule.id());
        result.put("ruleIndex", ruleIndex);
        result.put("kind", kind(rule.status()));
        result.put("level", level(rule.status()));
        result.put("message", text(subject.name() + ": " + rule.message()));
        if (rule.file() != null) {
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", locations.artifactLocation(rule.file()));
            if (rule.region() != null) {
                // the bytes the evidence was read from (SARIF §3.30.13/14), the same offset the message names
                Map<String, Object> region = new LinkedHashMap<>();
                region.put("byteOffset", rule.region().byteOffset());
                region.put("byteLength", rule.region().byteLength());
                physical.put("region", region);
            }
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
        }
        // The property bag keeps the subject identity machine-readable, not only in the message text.
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("subject", subject.name());
        properties.put("subjectKind", subject.kind().id());
        properties.put("arch", subject.arch());
        properties.put("status", rule.status().name());
        result.put("properties", properties);
        return result;
    }

    static String kind(RuleStatus status) {
        return switch (status) {
            case FAIL, DEVIATION -> "fail";
            case PASS -> "pass";
            case NOT_APPLICABLE -> "notApplicable";
        };
    }

    static String level(RuleStatus status) {
        return switch (status) {
            case FAIL -> "error";
            case DEVIATION -> "warning";
            case PASS, NOT_APPLICABLE -> "none";
        };
    }

    private static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }
}
