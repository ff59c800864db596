package io.github.hotpatch.report;

import io.github.hotpatch.diff.DiffReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a diff's reports into one directory: {@value #JSON_FILE} and {@value #SARIF_FILE}. */
public final class DiffReportFiles {

    public static final String JSON_FILE = "diff.json";
    public static final String SARIF_FILE = "diff.sarif";

    private DiffReportFiles() {}

    /** Creates {@code dir} if needed and writes (overwriting) both files; returns them. */
    public static List<Path> writeAll(Path dir, Path sarifBaseDir, String toolVersion, DiffReport report)
            throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON_FILE);
        try (OutputStream out = Files.newOutputStream(json)) {
            DiffJsonReport.write(report, out);
        }
        Path sarif = dir.resolve(SARIF_FILE);
        try (OutputStream out = Files.newOutputStream(sarif)) {
            new DiffSarifReport(toolVersion, sarifBaseDir).write(report, out);
        }
        return List.of(json, sarif);
    }
}
