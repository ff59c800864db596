package io.github.hotpatch.report;

import io.github.hotpatch.verify.SubjectReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes the whole report set into one directory: {@code <subject>.json} each, SARIF and JUnit XML. */
public final class ReportFiles {

    public static final String SARIF_FILE = "hotpatch.sarif";
    public static final String JUNIT_FILE = "TEST-hotpatch.xml";
    /**
     * The JSON files the last {@link #writeAll} wrote, one name a line. The next run deletes those of them it does
     * not write again, so a {@code <variant>.json} of a variant not run this time does not stay beside the new ones
     * looking current; files the plugin did not list (inspect.json, a user's own) are never touched.
     */
    public static final String MANIFEST_FILE = "hotpatch-reports.txt";

    static final String JSON_SUFFIX = ".json";

    /** Long enough for any variant or DLL name, short enough to stay clear of Windows' MAX_PATH. */
    static final int MAX_STEM_LENGTH = 100;

    private static final Pattern UNSAFE_CHARS = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    private ReportFiles() {}

    /** As {@link #writeAll(Path, Path, String, List)} with SARIF locations relative to {@code dir}. */
    public static List<Path> writeAll(Path dir, String toolVersion, List<SubjectReport> subjects) throws IOException {
        return writeAll(dir, dir, toolVersion, subjects);
    }

    /**
     * Creates {@code dir} if needed and writes (overwriting) one JSON file per subject, in subject order,
     * then {@value #SARIF_FILE} and {@value #JUNIT_FILE}, which cover these subjects only. JSON files of an earlier
     * run's subjects that are not among these are deleted (see {@link #MANIFEST_FILE}).
     *
     * @param sarifBaseDir the directory SARIF file locations are made relative to (e.g. the project base)
     * @return the written files, in the order above
     */
    public static List<Path> writeAll(Path dir, Path sarifBaseDir, String toolVersion, List<SubjectReport> subjects)
            throws IOException {
        Path root = Files.createDirectories(dir).toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();

        JsonReport json = new JsonReport();
        Set<String> taken = new HashSet<>(List.of(key(SARIF_FILE), key(JUNIT_FILE)));
        for (SubjectReport subject : subjects) {
            Path file = inside(root, uniqueJsonName(subject.name(), taken));
            try (OutputStream out = Files.newOutputStream(file)) {
                json.write(subject, out);
            }
            written.add(file);
        }

        removeStale(root, written);
        Files.write(
                inside(root, MANIFEST_FILE),
                written.stream().map(p -> p.getFileName().toString()).toList(),
                StandardCharsets.UTF_8);

        Path sarif = inside(root, SARIF_FILE);
        try (OutputStream out = Files.newOutputStream(sarif)) {
            new SarifReport(toolVersion, sarifBaseDir).write(subjects, out);
        }
        written.add(sarif);

        Path junit = inside(root, JUNIT_FILE);
        try (OutputStream out = Files.newOutputStream(junit)) {
            new JunitReport().write(subjects, out);
        }
        written.add(junit);
        return written;
    }

    /** Deletes the JSON files the previous run listed in the manifest and this run did not write. */
    private static void removeStale(Path root, List<Path> written) throws IOException {
        Path manifest = inside(root, MANIFEST_FILE);
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        Set<String> now = new HashSet<>();
        written.forEach(p -> now.add(p.getFileName().toString()));
        for (String name : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()
                    || !trimmed.endsWith(JSON_SUFFIX)
                    || now.contains(trimmed)
                    || !UNSAFE_CHARS.matcher(trimmed).replaceAll("").equals(trimmed)) {
                continue;
            }
            Path stale = root.resolve(trimmed).normalize();
            if (root.equals(stale.getParent()) && Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(stale);
            }
        }
    }

    /**
     * The JSON file name for a subject: characters other than letters, digits, '.', '_' and '-' become
     * '_' (so no separator survives), a leading dot becomes '_' (no "..", no hidden files), Windows
     * device names get a '_' prefix, and the stem is cut to {@value #MAX_STEM_LENGTH} characters.
     */
    public static String jsonFileName(String subjectName) {
        String stem = UNSAFE_CHARS.matcher(subjectName).replaceAll("_");
        if (stem.length() > MAX_STEM_LENGTH) {
            stem = stem.substring(0, MAX_STEM_LENGTH);
        }
        if (stem.isEmpty() || stem.startsWith(".")) {
            stem = "_" + stem.substring(Math.min(1, stem.length()));
        }
        String base = stem.contains(".") ? stem.substring(0, stem.indexOf('.')) : stem;
        if (WINDOWS_DEVICE.matcher(base).matches()) {
            stem = "_" + stem;
        }
        return stem + JSON_SUFFIX;
    }

    // Distinct subjects can sanitize to one name ("a/b", "a_b"), or differ only in case, which is one
    // file on Windows and macOS: number the later ones rather than overwrite the earlier.
    private static String uniqueJsonName(String subjectName, Set<String> taken) {
        String name = jsonFileName(subjectName);
        String stem = name.substring(0, name.length() - JSON_SUFFIX.length());
        for (int n = 2; !taken.add(key(name)); n++) {
            name = stem + "_" + n + JSON_SUFFIX;
        }
        return name;
    }

    private static String key(String fileName) {
        return fileName.toLowerCase(Locale.ROOT);
    }

    /** Defence in depth: whatever the name, the file must be a direct child of the report directory. */
    private static Path inside(Path root, String fileName) {
        Path file = root.resolve(fileName).normalize();
        if (!root.equals(file.getParent())) {
            throw new IllegalArgumentException("report file name escapes " + root + ": " + fileName);
        }
        return file;
    }
}
