package io.github.hotpatch.msbuild;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CMake's Visual Studio generators and the CMake release that added each (CMake's {@code Help/release} notes:
 * "Visual Studio 16 2019" in 3.14, "Visual Studio 17 2022" in 3.21, "Visual Studio 18 2026" in 4.2).
 *
 * @param major         Visual Studio's major version (vswhere's installationVersion)
 * @param generatorName the {@code -G} name
 * @param cmakeMajor    first CMake release with it: major
 * @param cmakeMinor    first CMake release with it: minor
 */
public record VisualStudioGenerator(int major, String generatorName, int cmakeMajor, int cmakeMinor) {
    public static final List<VisualStudioGenerator> KNOWN = List.of(
            new VisualStudioGenerator(16, "Visual Studio 16 2019", 3, 14),
            new VisualStudioGenerator(17, "Visual Studio 17 2022", 3, 21),
            new VisualStudioGenerator(18, "Visual Studio 18 2026", 4, 2));

    private static final Pattern NAME = Pattern.compile("Visual Studio (\\d+)(?: \\d{4})?.*");

    public static Optional<VisualStudioGenerator> forMajor(int major) {
        return KNOWN.stream().filter(g -> g.major == major).findFirst();
    }

    /** The generator a {@code -G} name means ("Visual Studio 17 2022" → 17), or empty when it is none of these. */
    public static Optional<VisualStudioGenerator> forName(String generator) {
        Matcher m = NAME.matcher(generator);
        return m.matches() ? forMajor(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** True when a CMake of this version has the generator. */
    public boolean supportedBy(int cmakeMajorVersion, int cmakeMinorVersion) {
        return cmakeMajorVersion > cmakeMajor || cmakeMajorVersion == cmakeMajor && cmakeMinorVersion >= cmakeMinor;
    }

    /** "CMake 4.2" */
    public String minimumCmake() {
        return "CMake " + cmakeMajor + "." + cmakeMinor;
    }

    /** MSBuild's VisualStudioVersion for this Visual Studio ("17.0"). */
    public String visualStudioVersion() {
        return major + ".0";
    }
}
