package io.github.hotpatch.msbuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C++ projects a build of {@code project} builds: the project itself, or the {@code .vcxproj} entries of a
 * solution ({@code Project("{type}") = "name", "relative\path.vcxproj", "{guid}"} lines).
 */
public final class SolutionProjects {

    private static final Pattern PROJECT_LINE =
            Pattern.compile("^Project\\(\"[^\"]*\"\\)\\s*=\\s*\"[^\"]*\"\\s*,\\s*\"([^\"]+)\"", Pattern.MULTILINE);

    /** Solutions are kilobytes; this bounds what is read of a file that is not one. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private SolutionProjects() {}

    public static boolean isSolution(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sln");
    }

    public static boolean isProject(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vcxproj");
    }

    /** The .vcxproj files {@code project} stands for, each an existing file; fails naming what is wrong. */
    public static List<Path> of(Path project) throws IOException {
        Path file = project.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such project file; expected a .vcxproj or .sln");
        }
        if (isProject(file)) {
            return List.of(file);
        }
        if (!isSolution(file)) {
            throw new IOException(
                    file + ": expected a .vcxproj or a .sln (builder=msbuild builds projects of those kinds)");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + ": more than " + MAX_BYTES + " bytes; not a solution file");
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<Path> out = new ArrayList<>();
        Matcher m = PROJECT_LINE.matcher(text);
        while (m.find()) {
            String relative = m.group(1);
            if (!relative.toLowerCase(Locale.ROOT).endsWith(".vcxproj")) {
                continue;
            }
            try {
                Path p = file.getParent().resolve(relative.replace('\\', '/')).normalize();
                if (!Files.isRegularFile(p)) {
                    throw new IOException(file + ": names " + relative + ", but there is no file " + p);
                }
                out.add(p);
            } catch (InvalidPathException e) {
                throw new IOException(file + ": names '" + relative + "', which is not a path here");
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": the solution names no .vcxproj project");
        }
        return out;
    }
}
