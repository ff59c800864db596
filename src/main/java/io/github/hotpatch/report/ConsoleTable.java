package io.github.hotpatch.report;

import io.github.hotpatch.verify.RuleResult;
import io.github.hotpatch.verify.RuleStatus;
import io.github.hotpatch.verify.SubjectReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plain-text table of subjects x rules for the build log, then one summary line per subject.
 * ASCII only (build logs on Windows agents are often not UTF-8): other characters become {@code ?},
 * control characters a space, so the columns stay aligned.
 *
 * <p>A PASS row's message is cut to the message width; every other row's message is printed in full, wrapped at
 * the width onto continuation lines that start at the message column, because there the message is the point. Each
 * line carries the level it belongs at: FAIL rows {@link Level#ERROR}, DEVIATION rows {@link Level#WARNING}, the
 * rest {@link Level#INFO}.
 */
public final class ConsoleTable {

    /** The log level a line belongs at. */
    public enum Level {
        INFO,
        WARNING,
        ERROR
    }

    /** One line of the table and the level to log it at. */
    public record Line(Level level, String text) {}

    public static final int DEFAULT_MESSAGE_WIDTH = 80;
    /** Subject and rule columns are capped too, so one long name cannot push the table off screen. */
    static final int MAX_NAME_WIDTH = 40;

    static final String ELLIPSIS = "...";

    private static final String[] HEADERS = {"SUBJECT", "RULE", "STATUS", "MESSAGE"};
    private static final String GAP = "  ";

    private final int messageWidth;

    public ConsoleTable() {
        this(DEFAULT_MESSAGE_WIDTH);
    }

    /** @param messageWidth the widest a message line may be: PASS messages are cut there, others wrapped */
    public ConsoleTable(int messageWidth) {
        if (messageWidth < ELLIPSIS.length() + 1) {
            throw new IllegalArgumentException("messageWidth too small: " + messageWidth);
        }
        this.messageWidth = messageWidth;
    }

    /** {@link #lines} without the levels. */
    public List<String> render(List<SubjectReport> subjects) {
        return lines(subjects).stream().map(Line::text).toList();
    }

    /**
     * Header, separator, one row per rule result in subject order (non-PASS messages wrapped onto continuation
     * lines), then one summary line per subject.
     */
    public List<Line> lines(List<SubjectReport> subjects) {
        List<String[]> rows = new ArrayList<>();
        List<Level> levels = new ArrayList<>();
        for (SubjectReport subject : subjects) {
            for (RuleResult result : subject.results()) {
                List<String> message = result.status() == RuleStatus.PASS
                        ? List.of(fit(result.message(), messageWidth))
                        : wrap(ascii(result.message()), messageWidth);
                Level level = level(result.status());
                for (int i = 0; i < message.size(); i++) {
                    rows.add(
                            i == 0
                                    ? new String[] {
                                        fit(subject.name(), MAX_NAME_WIDTH),
                                        fit(result.id(), MAX_NAME_WIDTH),
                                        result.status().name(),
                                        message.get(0)
                                    }
                                    : new String[] {"", "", "", message.get(i)});
                    levels.add(level);
                }
            }
        }
        int[] widths = columnWidths(rows);

        List<Line> lines = new ArrayList<>();
        lines.add(new Line(Level.INFO, line(HEADERS, widths)));
        String[] rules = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            rules[i] = "-".repeat(widths[i]);
        }
        lines.add(new Line(Level.INFO, line(rules, widths)));
        for (int i = 0; i < rows.size(); i++) {
            lines.add(new Line(levels.get(i), line(rows.get(i), widths)));
        }
        lines.add(new Line(Level.INFO, ""));
        subjects.forEach(subject -> lines.add(new Line(Level.INFO, summary(subject))));
        return lines;
    }

    /** FAIL at ERROR, DEVIATION at WARNING, PASS and NOT_APPLICABLE at INFO. */
    public static Level level(RuleStatus status) {
        if (status.isViolation()) {
            return Level.ERROR;
        }
        return status == RuleStatus.DEVIATION ? Level.WARNING : Level.INFO;
    }

    /**
     * One line naming every subject that is not ready and its failing rules, e.g. {@code NOT_READY: 2 of 2 variants
     * not hotpatch-ready: arm64_schannel (HP-BIN-002, HP-BIN-008), arm64_openssl (HP-BIN-002)}; empty when all are
     * ready.
     *
     * @param noun what a subject is, e.g. {@code variant} or {@code file}
     */
    public static Optional<String> notReadySummary(List<SubjectReport> subjects, String noun) {
        List<String> failing = new ArrayList<>();
        for (SubjectReport subject : subjects) {
            List<String> ids = subject.results().stream()
                    .filter(r -> r.status().isViolation())
                    .map(RuleResult::id)
                    .toList();
            if (!ids.isEmpty()) {
                failing.add(ascii(subject.name()) + " (" + String.join(", ", ids) + ")");
            }
        }
        return failing.isEmpty()
                ? Optional.empty()
                : Optional.of(JsonReport.VERDICT_NOT_READY + ": " + failing.size() + " of " + subjects.size() + " "
                        + noun + (subjects.size() == 1 ? "" : "s") + " not hotpatch-ready: "
                        + String.join(", ", failing));
    }

    /**
     * For an inspection of many files: the count, then one line per failing file with its first failing rule and
     * that rule's message, e.g. {@code 2 of 5 files are NOT_READY:} then {@code   a.dll: HP-BIN-002 ...}.
     */
    public static List<String> failingFiles(List<SubjectReport> subjects) {
        List<String> lines = new ArrayList<>();
        for (SubjectReport subject : subjects) {
            subject.results().stream()
                    .filter(r -> r.status().isViolation())
                    .findFirst()
                    .ifPresent(r -> lines.add("  " + ascii(subject.name()) + ": " + r.id() + " " + ascii(r.message())));
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        lines.add(
                0,
                lines.size() + " of " + subjects.size() + (subjects.size() == 1 ? " file is " : " files are ")
                        + JsonReport.VERDICT_NOT_READY + " (first failing rule of each):");
        return lines;
    }

    /** E.g. {@code arm64_schannel: 12 passed, 1 failed, 2 not applicable, 1 deviation}. */
    public static String summary(SubjectReport subject) {
        StatusCounts counts = StatusCounts.of(subject.results());
        return ascii(subject.name()) + ": "
                + counts.passed() + " passed, "
                + counts.failed() + " failed, "
                + counts.notApplicable() + " not applicable, "
                + counts.deviations() + (counts.deviations() == 1 ? " deviation" : " deviations");
    }

    private static int[] columnWidths(List<String[]> rows) {
        int[] widths = new int[HEADERS.length];
        for (int i = 0; i < HEADERS.length; i++) {
            widths[i] = HEADERS[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        return widths;
    }

    // The last column is not padded, and trailing blanks are cut, so lines never end in spaces.
    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - cells[i].length()));
            }
        }
        return line.toString().stripTrailing();
    }

    /** ASCII, on one line, at most {@code width} characters (cut ones end in "..."). */
    static String fit(String text, int width) {
        String clean = ascii(text);
        return clean.length() <= width ? clean : clean.substring(0, width - ELLIPSIS.length()) + ELLIPSIS;
    }

    /**
     * Words onto lines of at most {@code width} characters (runs of blanks between them become one); a word longer
     * than that is split.
     */
    static List<String> wrap(String text, int width) {
        if (text.length() <= width) {
            return List.of(text); // as it is, blanks included
        }
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            while (word.length() > width) {
                if (current.length() > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    static String ascii(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                out.append(' ');
            } else if (c > 0x7E) {
                out.append('?');
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
