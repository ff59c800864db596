package io.github.hotpatch.cmake;

import io.github.hotpatch.process.ExecutableFinder;
import io.github.hotpatch.process.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A compiler cache CMake puts in front of every compile ({@code CMAKE_<LANG>_COMPILER_LAUNCHER}): chosen from the
 * {@code compilerLauncher} setting, {@code auto} (sccache, else ccache, on PATH), {@code none}, or a name or path.
 *
 * @param executable the launcher itself
 * @param command    the launcher as CMake runs it (a list: an {@code env} prefix when ccache must be told the
 *                   compiler type)
 */
public record CompilerLauncher(Path executable, List<String> command) {

    public static final String AUTO = "auto";
    public static final String NONE = "none";

    public CompilerLauncher {
        command = List.copyOf(command);
    }

    /** {@code ccache}, {@code sccache}, or another launcher whose statistics the plugin cannot read. */
    public String kind() {
        return kindOf(executable);
    }

    static String kindOf(Path executable) {
        String name = executable.getFileName() == null
                ? ""
                : executable.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("=")) {
            return "other"; // an env assignment in the launcher list (CCACHE_COMPILERTYPE=clang-cl)
        }
        if (name.startsWith("sccache")) {
            return "sccache";
        }
        return name.startsWith("ccache") ? "ccache" : "other";
    }

    /** The value of {@code CMAKE_C_COMPILER_LAUNCHER}: a CMake list. */
    public String cmakeList() {
        return String.join(";", command);
    }

    /**
     * @param setting       {@code auto}, {@code none}, or a launcher name (looked up on PATH) or path
     * @param clangClByPath true when the compiler is clang-cl reached through a versioned link (Debian's
     *                      {@code clang-cl-22} → {@code clang}): ccache 4.7 guesses the compiler type from the resolved
     *                      name, takes it for gcc-style clang, and then calls every {@code /c} compile a link, so it is
     *                      told with {@code CCACHE_COMPILERTYPE=clang-cl}
     * @return empty for {@code none}, or for {@code auto} with neither sccache nor ccache on PATH
     * @throws ToolException when a named launcher does not exist
     */
    public static Optional<CompilerLauncher> resolve(String setting, ExecutableFinder finder, boolean clangClByPath)
            throws ToolException {
        String value = setting == null ? NONE : setting.trim();
        if (value.isEmpty() || value.equalsIgnoreCase(NONE)) {
            return Optional.empty();
        }
        Optional<Path> exe;
        if (value.equalsIgnoreCase(AUTO)) {
            exe = finder.find("sccache").or(() -> finder.find("ccache"));
            if (exe.isEmpty()) {
                return Optional.empty();
            }
        } else {
            Path path = Path.of(value);
            exe = path.getNameCount() > 1 || path.isAbsolute()
                    ? Optional.of(path.toAbsolutePath()).filter(Files::isRegularFile)
                    : finder.find(value);
            if (exe.isEmpty()) {
                throw new ToolException("compilerLauncher '" + value + "' not found"
                        + (path.getNameCount() > 1 || path.isAbsolute() ? "" : " on PATH " + finder.searchPath())
                        + ": give auto, none, or the path of ccache/sccache");
            }
        }
        Path launcher = exe.get();
        List<String> command = new ArrayList<>();
        if (clangClByPath && kindOf(launcher).equals("ccache")) {
            Optional<Path> env = finder.find("env");
            if (env.isPresent()) {
                command.add(env.get().toString());
                command.add("CCACHE_COMPILERTYPE=clang-cl");
            }
        }
        command.add(launcher.toString());
        return Optional.of(new CompilerLauncher(launcher, command));
    }
}
