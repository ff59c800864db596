package io.github.hotpatch.cmake;

import java.util.regex.Pattern;

/** Checks and formats CMake cache entries given as {@code -DKEY[:TYPE]=VALUE}. */
final class CacheEntry {
    private static final Pattern KEY =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_.+-]*(:(BOOL|FILEPATH|PATH|STRING|INTERNAL))?");

    private CacheEntry() {}

    static void checkKey(String key, String where) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid CMake cache entry name '" + key + "' in " + where
                    + ": expected NAME or NAME:TYPE (TYPE = BOOL, FILEPATH, PATH, STRING or INTERNAL)");
        }
    }

    /** The value goes into the argument as it is: no shell ever sees it, so quotes, spaces and $(...) stay literal. */
    static String define(String key, String value) {
        return "-D" + key + "=" + (value == null ? "" : value);
    }

    static String name(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }
}
