package io.github.hotpatch.cmake;

import io.github.hotpatch.process.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Looks at a variant's existing {@code CMakeCache.txt} before it is configured again, so that a damaged cache (a
 * crash or a full disk mid-write, an edit gone wrong) or one made for another source tree ends in one clear
 * message instead of cmake's parse errors. It reads the file as cmake's cache loader does: blank lines and lines
 * starting with {@code #} or {@code //} are skipped, every other line must be an entry {@code NAME[:TYPE]=VALUE}
 * (cmake reads a line only up to a NUL byte). It never changes or deletes anything.
 */
public final class CMakeCacheCheck {
    public static final String FILE_NAME = "CMakeCache.txt";

    /** Longest excerpt of an offending line quoted in the message. */
    static final int EXCERPT = 60;

    private CMakeCacheCheck() {}

    /**
     * Throws the {@link #problem} of {@code variantDirectory}'s cache, prefixed with {@code [variant]}.
     *
     * @param sourceDirectory the source directory this configure uses (its cache must have been made for it), or null
     */
    public static void check(String variant, Path variantDirectory, Path sourceDirectory) throws ToolException {
        Optional<String> problem = problem(variantDirectory, sourceDirectory);
        if (problem.isPresent()) {
            throw new ToolException("[" + variant + "] " + problem.get());
        }
    }

    /** {@link #check(String, Path, Path)} without the source-directory comparison (the build goal does not know it). */
    public static void check(String variant, Path variantDirectory) throws ToolException {
        check(variant, variantDirectory, null);
    }

    /** {@link #problem(Path, Path)} without the source-directory comparison. */
    public static Optional<String> problem(Path variantDirectory) {
        return problem(variantDirectory, null);
    }

    /**
     * What is wrong with {@code <variantDirectory>/CMakeCache.txt}, or empty when there is none yet or cmake can
     * load it for {@code sourceDirectory}.
     *
     * @param sourceDirectory the source directory the cache must have been made for, or null not to compare
     */
    public static Optional<String> problem(Path variantDirectory, Path sourceDirectory) {
        Path cache = variantDirectory.resolve(FILE_NAME);
        if (!Files.exists(cache, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String fix = ": delete " + variantDirectory + " (hotpatch:configure creates it again) and run again";
        if (!Files.isRegularFile(cache)) {
            return Optional.of(FILE_NAME + " in " + variantDirectory + " is not a regular file" + fix);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(cache);
        } catch (IOException e) {
            return Optional.of("cannot read " + cache + ": " + e.getMessage() + fix);
        }
        // Byte-transparent: any byte sequence decodes, so what cmake reads is what is checked.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String home = null;
        int lineNumber = 0;
        for (String rawLine : text.split("\n", -1)) {
            lineNumber++;
            int nul = rawLine.indexOf('\0');
            String line = stripLeading(nul < 0 ? rawLine : rawLine.substring(0, nul));
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                return Optional.of(FILE_NAME + " in " + variantDirectory + " is not a CMake cache (line " + lineNumber
                        + ": " + excerpt(rawLine) + ")" + fix);
            }
            String key = line.substring(0, eq);
            if (key.equals("CMAKE_HOME_DIRECTORY:INTERNAL") || key.equals("\"CMAKE_HOME_DIRECTORY\":INTERNAL")) {
                home = line.substring(eq + 1).strip();
            }
        }
        if (home != null && sourceDirectory != null && !sameDirectory(home, sourceDirectory)) {
            return Optional.of(FILE_NAME + " in " + variantDirectory + " was made for source directory " + home
                    + ", not " + sourceDirectory.toAbsolutePath().normalize() + fix
                    + ", or choose another buildDirectory");
        }
        return Optional.empty();
    }

    private static String stripLeading(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\r')) {
            i++;
        }
        return line.substring(i);
    }

    /** CMake's {@code C:/...} home read in the source directory's own file system (Windows: without case). */
    private static boolean sameDirectory(String home, Path source) {
        Path cached;
        try {
            cached = source.getFileSystem().getPath(home);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
        Path a = cached.toAbsolutePath().normalize();
        Path b = source.toAbsolutePath().normalize();
        if (a.equals(b)) {
            return true;
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The line as printable text: control and non-ASCII bytes as {@code \xNN}, cut to {@link #EXCERPT} characters. */
    static String excerpt(String rawLine) {
        String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (; i < line.length() && sb.length() < EXCERPT; i++) {
            char c = line.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return '"' + sb.toString() + (i < line.length() ? "...\"" : "\"");
    }
}
