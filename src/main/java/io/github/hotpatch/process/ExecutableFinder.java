package io.github.hotpatch.process;

import java.io.File;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds executables on a PATH, including Debian-style versioned names such as {@code clang-cl-22}. */
public final class ExecutableFinder {
    private final List<Path> searchPath;
    private final boolean windows;

    public ExecutableFinder(List<Path> searchPath, boolean windows) {
        this.searchPath = List.copyOf(searchPath);
        this.windows = windows;
    }

    /** The finder for this process's PATH; entries that are no path here are skipped silently. */
    public static ExecutableFinder fromEnvironment() {
        return fromEnvironment(warning -> {});
    }

    /** The finder for this process's PATH; {@code warn} gets one message naming the entries that were skipped. */
    public static ExecutableFinder fromEnvironment(Consumer<String> warn) {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new ExecutableFinder(
                searchPath(System.getenv("PATH"), File.pathSeparator, FileSystems.getDefault(), warn), windows);
    }

    /**
     * The directories of a PATH value in {@code fileSystem}. Blank entries are skipped; so are entries the file
     * system does not take as a path, such as a quoted entry ({@code "C:\Program Files\CMake\bin"}) or one ending
     * in a space on Windows, with one warning naming all of them (Windows' own program search ignores them too).
     */
    public static List<Path> searchPath(String path, String separator, FileSystem fileSystem, Consumer<String> warn) {
        List<Path> dirs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (path != null) {
            for (String entry : path.split(Pattern.quote(separator))) {
                if (entry.isBlank()) {
                    continue;
                }
                try {
                    dirs.add(fileSystem.getPath(entry));
                } catch (InvalidPathException e) {
                    skipped.add("'" + entry + "' (" + e.getReason() + ")");
                }
            }
        }
        if (!skipped.isEmpty()) {
            warn.accept("PATH entries skipped, they are not paths on this system: " + String.join(", ", skipped)
                    + ". Remove the quotes or trailing spaces from PATH to have tools found there.");
        }
        return dirs;
    }

    public List<Path> searchPath() {
        return searchPath;
    }

    /** The first executable called {@code name} (plus .exe/.cmd/.bat on Windows) on the path. */
    public Optional<Path> find(String name) {
        for (Path dir : searchPath) {
            for (String candidate : candidates(name)) {
                Path file = dir.resolve(candidate);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    private List<String> candidates(String name) {
        return windows ? List.of(name + ".exe", name + ".cmd", name + ".bat", name) : List.of(name);
    }

    /**
     * The versions N for which {@code base-N} exists on the path (e.g. {@code clang-cl-19}, {@code clang-cl-22}),
     * newest first.
     */
    public List<Integer> versionsOf(String base) {
        Pattern pattern = Pattern.compile(Pattern.quote(base) + "-(\\d{1,4})(\\.(?i:exe|cmd|bat))?");
        String prefix = base + "-";
        List<Integer> versions = new ArrayList<>();
        for (Path dir : searchPath) {
            // File.list gives bare names: /usr/bin holds thousands of entries, and making a Path of each (then
            // matching a regex) was most of a configure goal's own time before cmake starts.
            String[] names = names(dir);
            if (names == null) {
                continue; // not a directory, or unreadable: skipped, as a shell would
            }
            for (String name : names) {
                if (!name.startsWith(prefix)) {
                    continue;
                }
                Matcher m = pattern.matcher(name);
                if (m.matches() && Files.isExecutable(dir.resolve(name))) {
                    int v = Integer.parseInt(m.group(1));
                    if (!versions.contains(v)) {
                        versions.add(v);
                    }
                }
            }
        }
        versions.sort((a, b) -> Integer.compare(b, a));
        return versions;
    }

    /** The names in a directory, or null when it cannot be listed. */
    private static String[] names(Path dir) {
        if (dir.getFileSystem() == FileSystems.getDefault()) {
            return dir.toFile().list();
        }
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).toArray(String[]::new);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The newest N for which every one of {@code bases} exists as {@code base-N}. */
    public OptionalInt newestCommonVersion(String... bases) {
        List<Integer> candidates = versionsOf(bases[0]);
        for (int v : candidates) {
            boolean all = true;
            for (String base : bases) {
                if (find(base + "-" + v).isEmpty()) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return OptionalInt.of(v);
            }
        }
        return OptionalInt.empty();
    }
}
