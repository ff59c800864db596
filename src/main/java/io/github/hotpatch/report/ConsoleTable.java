package io.github.hotpatch.report;

import io.github.hotpatch.verify.RuleResult;
import io.github.hotpatch.verify.SubjectReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table of subjects x rules for the build log, then one summary line per subject.
 * ASCII only (build logs on Windows agents are often not UTF-8): other characters become {@code ?},
 * control characters a space, so every row stays on one line and the columns stay aligned.
 */
public final class ConsoleTable {

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

    /** @param messageWidth the widest a message may be before it is cut and ends in "..." */
    public ConsoleTable(int messageWidth) {
        if (messageWidth < ELLIPSIS.length() + 1) {
            throw new IllegalArgumentException("messageWidth too small: " + messageWidth);
        }
        this.messageWidth = messageWidth;
    }

    /** Header, separator, one row per rule result in subject order, then one summary line per subject. */
    public List<String> render(List<SubjectReport> subjects) {
        List<String[]> rows = new ArrayList<>();
        for (SubjectReport subject : subjects) {
            for (RuleResult result : subject.results()) {
                rows.add(new String[] {
                    fit(subject.name(), MAX_NAME_WIDTH),
                    fit(result.id(), MAX_NAME_WIDTH),
                    result.status().name(),
                    fit(result.message(), messageWidth)
                });
            }
        }
        int[] widths = columnWidths(rows);

        List<String> lines = new ArrayList<>();
        lines.add(line(HEADERS, widths));
        String[] rules = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            rules[i] = "-".repeat(widths[i]);
        }
        lines.add(line(rules, widths));
        rows.forEach(row -> lines.add(line(row, widths)));
        lines.add("");
        subjects.forEach(subject -> lines.add(summary(subject)));
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
