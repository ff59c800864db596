package io.github.hotpatch.report;

import io.github.hotpatch.json.JsonWriter;
import io.github.hotpatch.verify.RuleResult;
import io.github.hotpatch.verify.SkippedFile;
import io.github.hotpatch.verify.SubjectReport;
import io.github.hotpatch.verify.UnreadableSubject;
import io.github.hotpatch.verify.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON evidence for subjects: the subject's facts first (in their order), then {@code rules}, then
 * {@code verdict}. Pretty-printed UTF-8 with LF line ends; the output stream is left open.
 *
 * <p>The subject's name, kind and arch are not written on their own: the caller puts whatever
 * identifies the subject (file, variant, machine) into the facts, so the layout stays exactly
 * "facts, rules, verdict".
 */
public final class JsonReport {

    public static final String VERDICT_READY = "HOTPATCH_READY";
    public static final String VERDICT_NOT_READY = "NOT_READY";
    /** No rule failed but no binary rule ran ({@code -Dhotpatch.checkBinaries=false}): readiness is not claimed. */
    public static final String VERDICT_PROJECT_RULES_PASSED = "PROJECT_RULES_PASSED";

    /** Keys this writer adds after the facts; a fact with one of these names would be a duplicate key. */
    private static final List<String> RESERVED_KEYS = List.of("rules", "verdict");

    public static String verdict(SubjectReport subject) {
        return Verdict.of(subject).name();
    }

    /** One subject as a JSON object. */
    public void write(SubjectReport subject, OutputStream out) throws IOException {
        JsonWriter.write(toTree(subject), out);
    }

    /** A file that could not be read, as {@code {"file": ..., "error": ...}}. */
    public void write(UnreadableSubject unreadable, OutputStream out) throws IOException {
        JsonWriter.write(toTree(unreadable), out);
    }

    /**
     * Several subjects as one JSON array (a directory or zip inspection): the subjects in the given
     * order, then the unreadable files in the given order.
     */
    public void writeArray(List<SubjectReport> subjects, List<UnreadableSubject> unreadable, OutputStream out)
            throws IOException {
        writeArray(subjects, unreadable, List.of(), out);
    }

    /**
     * As {@link #writeArray(List, List, OutputStream)}, then the files skipped because their content is not PE, as
     * {@code {"file": ..., "skipped": reason}}.
     */
    public void writeArray(
            List<SubjectReport> subjects,
            List<UnreadableSubject> unreadable,
            List<SkippedFile> skipped,
            OutputStream out)
            throws IOException {
        JsonWriter.write(toArray(subjects, unreadable, skipped), out);
    }

    public String toJson(SubjectReport subject) {
        return JsonWriter.toString(toTree(subject));
    }

    public String toJson(List<SubjectReport> subjects, List<UnreadableSubject> unreadable) {
        return toJson(subjects, unreadable, List.of());
    }

    public String toJson(List<SubjectReport> subjects, List<UnreadableSubject> unreadable, List<SkippedFile> skipped) {
        return JsonWriter.toString(toArray(subjects, unreadable, skipped));
    }

    private static List<Object> toArray(
            List<SubjectReport> subjects, List<UnreadableSubject> unreadable, List<SkippedFile> skipped) {
        List<Object> array = new ArrayList<>(subjects.size() + unreadable.size() + skipped.size());
        subjects.forEach(subject -> array.add(toTree(subject)));
        unreadable.forEach(entry -> array.add(toTree(entry)));
        skipped.forEach(entry -> {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("file", entry.file());
            tree.put("skipped", entry.reason());
            array.add(tree);
        });
        return array;
    }

    private static Map<String, Object> toTree(SubjectReport subject) {
        for (String reserved : RESERVED_KEYS) {
            if (subject.facts().containsKey(reserved)) {
                throw new IllegalArgumentException(
                        "fact \"" + reserved + "\" of " + subject.name() + " clashes with the report's own key");
            }
        }
        Map<String, Object> tree = new LinkedHashMap<>(subject.facts());
        List<Object> rules = new ArrayList<>(subject.results().size());
        subject.results().forEach(result -> rules.add(toTree(result)));
        tree.put("rules", rules);
        tree.put("verdict", verdict(subject));
        return tree;
    }

    private static Map<String, Object> toTree(RuleResult result) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("id", result.id());
        tree.put("title", result.title());
        tree.put("status", result.status().name());
        tree.put("message", result.message());
        // Always present (null when unset) so every rule object has the same shape.
        tree.put("file", result.file());
        if (result.region() != null) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("byteOffset", result.region().byteOffset());
            region.put("byteLength", result.region().byteLength());
            tree.put("region", region);
        }
        return tree;
    }

    private static Map<String, Object> toTree(UnreadableSubject unreadable) {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (unreadable.artifact() != null) {
            tree.put("artifact", unreadable.artifact());
        }
        tree.put("file", unreadable.file());
        tree.put("error", unreadable.error());
        return tree;
    }
}
