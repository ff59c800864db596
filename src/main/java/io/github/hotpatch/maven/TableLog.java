package io.github.hotpatch.maven;

import io.github.hotpatch.report.ConsoleTable;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Logs the console table, each line at its level: FAIL rows as errors, DEVIATION rows as warnings. */
final class TableLog {
    private TableLog() {}

    static void log(Log log, List<ConsoleTable.Line> lines) {
        for (ConsoleTable.Line line : lines) {
            switch (line.level()) {
                case ERROR -> log.error(line.text());
                case WARNING -> log.warn(line.text());
                default -> log.info(line.text());
            }
        }
    }
}
