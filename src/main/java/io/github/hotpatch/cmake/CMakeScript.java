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

    /** Writes a generated file only when its text changed, so CMake's timestamps see no change when there is none. */
    static java.nio.file.Path writeIfChanged(java.nio.file.Path file, String text) throws java.io.IOException {
        if (!java.nio.file.Files.isRegularFile(file)
                || !java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8)
                        .equals(text)) {
            java.nio.file.Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        }
        return file;
    }
}
