package io.github.hotpatch.report;

import io.github.hotpatch.diff.DiffReport;
import io.github.hotpatch.diff.FunctionChange;
import io.github.hotpatch.diff.Reason;
import io.github.hotpatch.json.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link DiffReport} as a SARIF 2.1.0 log (the conventions of {@link SarifReport}): each reason it is not
 * hotpatchable is a result of level {@code error} under rule {@code HP-DIFF-0NN} (one rule per {@link Reason.Code});
 * each changed, added or removed function is a result of kind {@code informational} under {@value #FUNCTION_RULE}.
 * Results are located at the patched image (a reason about the base, at the base).
 */
public final class DiffSarifReport {

    public static final String FUNCTION_RULE = "HP-DIFF-100";

    private final String toolVersion;
    private final SarifLocations locations;

    public DiffSarifReport(String toolVersion, Path baseDir) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.locations = new SarifLocations(baseDir);
    }

    /** {@code HP-DIFF-001} for the first reason code, and so on. */
    public static String ruleId(Reason.Code code) {
        return String.format("HP-DIFF-%03d", code.ordinal() + 1);
    }

    static String title(Reason.Code code) {
        return switch (code) {
            case NOT_READY -> "Both images pass inspect's readiness rules";
            case MACHINE_MISMATCH -> "The patched image is for the base's machine";
            case NAME_MISMATCH -> "The patched image has the base's name";
            case GLOBAL_CHANGED -> "No global changes its type, size or section";
            case GLOBAL_ADDED -> "No global is added";
            case GLOBAL_REMOVED -> "No global is removed";
            case FUNCTION_REMOVED -> "No function of the base is removed";
            case EXPORT_ADDED -> "No export is added";
            case EXPORT_REMOVED -> "No export is removed";
            case EXPORT_REPOINTED -> "Every export names the function or variable it named in the base";
        };
    }

    public void write(DiffReport report, OutputStream out) throws IOException {
        JsonWriter.write(toLog(report), out);
    }

    public String toJson(DiffReport report) {
        return JsonWriter.toString(toLog(report));
    }

    private Map<String, Object> toLog(DiffReport report) {
        List<Object> rules = new ArrayList<>();
        for (Reason.Code code : Reason.Code.values()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", ruleId(code));
            d.put("name", code.name());
            d.put("shortDescription", text(title(code)));
            d.put("defaultConfiguration", Map.of("level", "error"));
            rules.add(d);
        }
        Map<String, Object> functionRule = new LinkedHashMap<>();
        functionRule.put("id", FUNCTION_RULE);
        functionRule.put("name", "FUNCTION_CHANGED");
        functionRule.put("shortDescription", text("A function's normalised code differs between base and patch"));
        functionRule.put("defaultConfiguration", Map.of("level", "note"));
        rules.add(functionRule);

        List<Object> results = new ArrayList<>();
        for (Reason reason : report.reasons()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", ruleId(reason.code()));
            result.put("ruleIndex", reason.code().ordinal());
            result.put("kind", "fail");
            result.put("level", "error");
            result.put("message", text(reason.message()));
            String file = reason.subject().startsWith(report.base().file())
                    ? report.base().file()
                    : report.patched().file();
            result.put("locations", location(file));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", reason.code().name());
            properties.put("subject", reason.subject());
            result.put("properties", properties);
            results.add(result);
        }
        for (FunctionChange f : report.functions()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", FUNCTION_RULE);
            result.put("ruleIndex", Reason.Code.values().length);
            result.put("kind", "informational");
            result.put("level", "none");
            result.put(
                    "message",
                    text(f.kind() + " " + f.name() + " (base " + orDash(DiffJsonReport.hex(f.baseRva())) + ", patched "
                            + orDash(DiffJsonReport.hex(f.patchedRva())) + ", " + f.differingInstructions()
                            + " differing instructions)"));
            result.put("locations", location(report.patched().file()));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("kind", f.kind().name());
            properties.put("function", f.name());
            result.put("properties", properties);
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", SarifReport.TOOL_NAME);
        driver.put("version", toolVersion);
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("originalUriBaseIds", locations.originalUriBaseIds());
        run.put("results", results);
        run.put("properties", Map.of("verdict", report.verdict().name()));
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SarifReport.SCHEMA);
        log.put("version", SarifReport.VERSION);
        log.put("runs", List.of(run));
        return log;
    }

    private List<Object> location(String file) {
        // a zip entry is located at the zip
        int bang = file.indexOf('!');
        String path = bang < 0 ? file : file.substring(0, bang);
        return List.of(Map.of("physicalLocation", Map.of("artifactLocation", locations.artifactLocation(path))));
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }
}
