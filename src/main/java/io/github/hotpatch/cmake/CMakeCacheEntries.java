package io.github.hotpatch.cmake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The entries of a {@code CMakeCache.txt} ({@code NAME[:TYPE]=VALUE} lines), by name, as cmake wrote them. */
final class CMakeCacheEntries {
    private static final Pattern ENTRY = Pattern.compile("\"?([^\":=]+)\"?(?::[A-Za-z]+)?=(.*)");

    private CMakeCacheEntries() {}

    static Map<String, String> read(Path cache) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                entries.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return entries;
    }
}
