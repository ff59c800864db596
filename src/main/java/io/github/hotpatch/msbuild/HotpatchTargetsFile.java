package io.github.hotpatch.msbuild;

import io.github.hotpatch.profile.Arch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code .targets} file the plugin writes into its own build directory and passes to MSBuild as
 * {@code /p:ForceImportAfterCppTargets=<file>}, which {@code Microsoft.Cpp.targets} imports at its end (FACTS §10):
 * it first imports the {@code ForceImportAfterCppTargets} the project (or its {@code Directory.Build.props})
 * already set, which the global property would otherwise replace, and then appends the profile's flags to
 * {@code %(AdditionalOptions)} of {@code Link} under the exact {@code '$(Configuration)|$(Platform)'=='Release|<arch>'}
 * condition, so no other configuration gets them. The project file is never written.
 */
public final class HotpatchTargetsFile {

    public static final String CONFIGURATION = "Release";

    private HotpatchTargetsFile() {}

    /** Where the file for {@code project} and {@code arch} goes in {@code directory}. */
    public static Path pathFor(Path directory, Path project, Arch arch) {
        String name = project.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return directory
                .toAbsolutePath()
                .normalize()
                .resolve(name + "." + CONFIGURATION + "-" + arch.platform + ".hotpatch.targets");
    }

    /** The exact condition the flags are under. */
    public static String condition(Arch arch) {
        return "'$(Configuration)|$(Platform)'=='" + CONFIGURATION + "|" + arch.platform + "'";
    }

    /**
     * The file's text.
     *
     * @param previous per project (full path), the {@code ForceImportAfterCppTargets} it set itself, to import first
     */
    public static String text(Arch arch, List<String> flags, Map<Path, Path> previous) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.append("<!-- Written by hotpatch-maven-plugin and passed as /p:ForceImportAfterCppTargets. Regenerated on"
                + " every build; do not edit. -->\n");
        sb.append("<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\n");
        for (Map.Entry<Path, Path> e : previous.entrySet()) {
            String file = xml(msbuildEscape(e.getValue().toString()));
            sb.append("  <!-- the project's own ForceImportAfterCppTargets, which /p: replaces: imported first -->\n");
            sb.append("  <Import Project=\"")
                    .append(file)
                    .append("\" Condition=\"'$(MSBuildProjectFullPath)'=='")
                    .append(xml(msbuildEscape(e.getKey().toString())))
                    .append("' and Exists('")
                    .append(file)
                    .append("')\" />\n");
        }
        sb.append("  <!-- the hotpatch flags, appended last, for ")
                .append(CONFIGURATION)
                .append('|')
                .append(arch.platform)
                .append(" only -->\n");
        sb.append("  <ItemDefinitionGroup Condition=\"")
                .append(xml(condition(arch)))
                .append("\">\n");
        sb.append("    <Link>\n");
        sb.append("      <AdditionalOptions>%(AdditionalOptions)");
        for (String flag : flags) {
            sb.append(' ').append(xml(msbuildEscape(flag)));
        }
        sb.append("</AdditionalOptions>\n");
        sb.append("    </Link>\n");
        sb.append("  </ItemDefinitionGroup>\n");
        sb.append("</Project>\n");
        return sb.toString();
    }

    /** Writes the file (creating {@code directory}), replacing an older one. */
    public static Path write(Path directory, Path project, Arch arch, List<String> flags, Map<Path, Path> previous)
            throws IOException {
        Path file = pathFor(directory, project, arch);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text(arch, flags, previous), StandardCharsets.UTF_8);
        return file;
    }

    /** MSBuild's special characters as {@code %XX}, so a flag is passed literally and never expanded. */
    static String msbuildEscape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '%', '$', '@', ';', '\'', '*', '?' -> sb.append('%').append(String.format("%02X", (int) c));
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
