package io.github.hotpatch.cmake;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CMake release number as {@code cmake --version} prints it on its first line, e.g. {@code cmake version 3.25.1}
 * (also {@code cmake3 version 3.17.5} from EPEL, and {@code 3.31.0-rc2} or {@code 3.28.20240101-g1234abc} builds).
 *
 * @param major  3
 * @param minor  25
 * @param patch  1 (0 when not printed)
 * @param text   the version exactly as printed, for messages
 */
public record CMakeVersion(int major, int minor, int patch, String text) implements Comparable<CMakeVersion> {

    /** msquic's {@code cmake_minimum_required} on Windows. */
    public static final CMakeVersion MINIMUM = new CMakeVersion(3, 20, 0, "3.20");

    private static final Pattern LINE = Pattern.compile(
            "\\s*cmake\\S*\\s+version\\s+((\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,9}))?\\S*)\\s*",
            Pattern.CASE_INSENSITIVE);

    /** The version from {@code cmake --version}'s output lines: the first line that reads {@code cmake version X.Y[.Z]}. */
    public static Optional<CMakeVersion> parse(List<String> versionOutput) {
        for (String line : versionOutput) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                return Optional.of(new CMakeVersion(
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)),
                        m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                        m.group(1)));
            }
        }
        return Optional.empty();
    }

    public boolean isOlderThan(CMakeVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(CMakeVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
