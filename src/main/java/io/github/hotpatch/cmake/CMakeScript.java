package io.github.hotpatch.cmake;

/** Writing values into CMake language files. */
final class CMakeScript {
    private CMakeScript() {}

    /** A quoted CMake argument whose value is exactly {@code text} (no variable or escape expansion). */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '"', '$', ';' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** A path as CMake wants it: forward slashes on every platform. */
    static String path(java.nio.file.Path path) {
        return quote(path.toAbsolutePath().normalize().toString().replace('\\', '/'));
    }
}
