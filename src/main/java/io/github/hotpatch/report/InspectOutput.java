package io.github.hotpatch.report;

import io.github.hotpatch.verify.HandWrittenProjectRules;
import io.github.hotpatch.verify.Inspector;
import io.github.hotpatch.verify.SubjectReport;
import io.github.hotpatch.verify.UnreadableSubject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an inspection prints and writes, for both doors (the {@code hotpatch:inspect} goal and {@code java -jar …
 * inspect}): the JSON report, the console lines, the violations that make a strict run fail. One place, so the two
 * doors cannot drift apart.
 */
public final class InspectOutput {

    private InspectOutput() {}

    /**
     * Writes the JSON report (one object for a single file, an array for a directory or zip: subjects, then the
     * unreadable files), creating the parent directory.
     */
    public static void writeJson(Inspector.Result result, Path out) throws IOException {
        createParent(out);
        try (OutputStream stream = Files.newOutputStream(out)) {
            JsonReport json = new JsonReport();
            if (result.single()) {
                json.write(result.subjects().get(0), stream);
            } else {
                json.writeArray(result.subjects(), result.unreadable(), result.skipped(), stream);
            }
        }
    }

    /** SARIF 2.1.0 of the readable subjects, file locations relative to {@code baseDir}. */
    public static void writeSarif(Inspector.Result result, Path out, String toolVersion, Path baseDir)
            throws IOException {
        createParent(out);
        try (OutputStream stream = Files.newOutputStream(out)) {
            new SarifReport(toolVersion, baseDir).write(result.subjects(), stream);
        }
    }

    /** JUnit XML of the readable subjects. */
    public static void writeJunit(Inspector.Result result, Path out) throws IOException {
        createParent(out);
        try (OutputStream stream = Files.newOutputStream(out)) {
            new JunitReport().write(result.subjects(), stream);
        }
    }

    /** The subjects x rules table, as {@link ConsoleTable} renders it. */
    public static List<String> table(Inspector.Result result) {
        return new ConsoleTable().render(result.subjects());
    }

    /** {@code unreadable: <file>: <error>}, one line per file that could not be read. */
    public static List<String> unreadable(Inspector.Result result) {
        List<String> lines = new ArrayList<>(result.unreadable().size());
        for (UnreadableSubject u : result.unreadable()) {
            lines.add("unreadable: " + (u.artifact() == null ? "" : u.artifact() + ": ") + u.file() + ": "
                    + oneLine(u.error()));
        }
        return lines;
    }

    /** {@code <subject>: HOTPATCH_READY|NOT_READY}, one line per subject. */
    public static List<String> verdicts(Inspector.Result result) {
        List<String> lines = new ArrayList<>(result.subjects().size());
        for (SubjectReport s : result.subjects()) {
            lines.add(s.name() + ": " + JsonReport.verdict(s));
        }
        return lines;
    }

    /** How many files were inspected and how many skipped as not PE by content, when any were skipped. */
    public static Optional<String> skippedSummary(Inspector.Result result) {
        if (result.skipped().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(result.subjects().size() + result.unreadable().size() + " PE file(s) inspected, "
                + result.skipped().size() + " other file(s) skipped (not PE by content: no MZ at offset 0;"
                + " listed in the report)");
    }

    /** The one line an inspection with unreadable files ends with, or null when every file was read. */
    public static String unreadableSummary(Inspector.Result result) {
        if (result.unreadable().isEmpty()) {
            return null;
        }
        UnreadableSubject first = result.unreadable().get(0);
        return result.unreadable().size() + " file(s) could not be read, first: " + first.file() + ": "
                + oneLine(first.error());
    }

    /** The subjects x rules table with each line's level (FAIL rows are errors, DEVIATION rows warnings). */
    public static List<ConsoleTable.Line> tableLines(Inspector.Result result) {
        return new ConsoleTable().lines(result.subjects());
    }

    /**
     * What a strict run fails with. One file: {@code NOT_READY: <subject> <rule> <message>} of its first failing
     * rule. Several: the count, then one line per failing file with its first failing rule and message.
     */
    public static String notReadySummary(Inspector.Result result) {
        if (result.single() && result.subjects().get(0).kind() == SubjectReport.Kind.VCXPROJ) {
            // A hand-written project: every failing rule, each with the configuration it failed in.
            SubjectReport s = result.subjects().get(0);
            return "NOT_READY: "
                    + String.join(
                            ", ",
                            s.violations().stream()
                                    .map(r -> s.name() + " [" + HandWrittenProjectRules.configurationOf(r) + "] "
                                            + r.id())
                                    .toList());
        }
        if (result.single()) {
            SubjectReport s = result.subjects().get(0);
            return s.results().stream()
                    .filter(r -> r.status().isViolation())
                    .findFirst()
                    .map(r -> "NOT_READY: " + s.name() + " " + r.id() + " " + oneLine(r.message()))
                    .orElse("NOT_READY: " + s.name());
        }
        return String.join("\n", ConsoleTable.failingFiles(result.subjects()));
    }

    /**
     * The one line a run that does not fail on violations ends with when something is NOT_READY: one file's summary,
     * or the count of many (the table above names every failing rule with its message).
     */
    public static Optional<String> notReadyWarning(Inspector.Result result) {
        if (result.ready() || result.subjects().isEmpty()) {
            return Optional.empty();
        }
        if (result.single()) {
            return ConsoleTable.notReadySummary(result.subjects(), "file")
                    .map(line -> line + " (failOnViolation=false)");
        }
        long failing = result.subjects().stream().filter(s -> !s.passed()).count();
        return Optional.of("NOT_READY: " + failing + " of " + result.subjects().size()
                + " files not hotpatch-ready (failOnViolation=false; the table above has each failing rule)");
    }

    /** A message on one line: each line break and the blanks around it become one space. */
    public static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\n'
                    || c == '\r'
                    || c == '\u000B'
                    || c == '\f'
                    || c == '\u0085'
                    || c == '\u2028'
                    || c == '\u2029') {
                return LineBreak.PATTERN.matcher(message).replaceAll(" ");
            }
        }
        return message;
    }

    /** Compiled the first time a message has a line break, not on every cold start. */
    private static final class LineBreak {
        static final Pattern PATTERN = Pattern.compile("\\s*\\R\\s*");
    }

    private static void createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
