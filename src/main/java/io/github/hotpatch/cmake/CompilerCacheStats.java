package io.github.hotpatch.cmake;

import io.github.hotpatch.process.ToolException;
import io.github.hotpatch.process.ToolRun;
import io.github.hotpatch.process.ToolRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hits and misses of a build, from the launcher's own statistics, read before and after the build: ccache's
 * {@code --print-stats} (in the cache directory ccache reports with {@code --get-config cache_dir}, so CCACHE_DIR and
 * ccache.conf apply as configured), or sccache's {@code --show-stats} (its server's counters, and the cache location
 * it names). Both are normalized to {@code hits}, {@code misses} and the launcher's own names for compiles it could
 * not cache.
 */
final class CompilerCacheStats {
    /** ccache 4.x statistics for compiles it ran but could not cache. */
    static final List<String> UNCACHEABLE = List.of(
            "unsupported_compiler_option",
            "called_for_link",
            "called_for_preprocessing",
            "compiler_produced_no_output",
            "compiler_produced_empty_output",
            "compile_failed",
            "unsupported_source_language",
            "unsupported_code_directive",
            "could_not_use_precompiled_header",
            "could_not_use_modules",
            "multiple_source_files",
            "no_input_file",
            "output_to_stdout",
            "bad_compiler_arguments",
            "preprocessor_error",
            "autoconf_test");

    /** sccache's {@code --show-stats} lines for compiles it ran but could not cache. */
    static final List<String> SCCACHE_UNCACHEABLE = List.of(
            "Non-cacheable compilations", "Non-cacheable calls", "Unsupported compiler calls", "Compilation failures");

    private static final Duration STATS_TIMEOUT = Duration.ofMinutes(2);

    private CompilerCacheStats() {}

    /**
     * The ccache or sccache a configured build directory compiles through, from CMAKE_C(XX)_COMPILER_LAUNCHER in its
     * cache.
     */
    static Optional<Path> launcherOf(Path variantDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(variantDir.resolve(CMakeCacheCheck.FILE_NAME), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            if (line.startsWith("CMAKE_C_COMPILER_LAUNCHER:") || line.startsWith("CMAKE_CXX_COMPILER_LAUNCHER:")) {
                String value = line.substring(line.indexOf('=') + 1);
                for (String element : value.split(";")) {
                    if (!element.isBlank()
                            && !CompilerLauncher.kindOf(Path.of(element)).equals("other")) {
                        return Optional.of(Path.of(element));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code ccache --print-stats}: tab-separated {@code name value} lines. */
    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> stats = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[1].matches("\\d{1,18}")) {
                stats.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return stats;
    }

    /** ccache's statistics as {@code hits}, {@code misses} and its names of uncacheable compiles. */
    static Map<String, Long> normalizeCcache(Map<String, Long> raw) {
        Map<String, Long> n = new LinkedHashMap<>();
        n.put("hits", raw.getOrDefault("direct_cache_hit", 0L) + raw.getOrDefault("preprocessed_cache_hit", 0L));
        n.put("misses", raw.getOrDefault("cache_miss", 0L));
        UNCACHEABLE.forEach(k -> n.put(k, raw.getOrDefault(k, 0L)));
        return n;
    }

    /** sccache's {@code --show-stats} text ({@code Cache hits    12}) as {@code hits}, {@code misses}, .... */
    static Map<String, Long> parseSccache(List<String> lines) {
        Map<String, Long> raw = new LinkedHashMap<>();
        for (String line : lines) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\S.*?)\\s{2,}(\\d{1,18})\\s*$")
                    .matcher(line);
            if (m.matches()) {
                raw.put(m.group(1).trim(), Long.parseLong(m.group(2)));
            }
        }
        Map<String, Long> n = new LinkedHashMap<>();
        n.put("hits", raw.getOrDefault("Cache hits", 0L));
        n.put("misses", raw.getOrDefault("Cache misses", 0L));
        SCCACHE_UNCACHEABLE.forEach(k -> n.put(k, raw.getOrDefault(k, 0L)));
        return n;
    }

    static Map<String, Long> read(ToolRunner runner, Path launcher, Path workDir) throws ToolException {
        return CompilerLauncher.kindOf(launcher).equals("sccache")
                ? parseSccache(output(runner, launcher, workDir, "--show-stats"))
                : normalizeCcache(parse(output(runner, launcher, workDir, "--print-stats")));
    }

    static String cacheDir(ToolRunner runner, Path launcher, Path workDir) {
        try {
            if (CompilerLauncher.kindOf(launcher).equals("sccache")) {
                return output(runner, launcher, workDir, "--show-stats").stream()
                        .filter(l -> l.startsWith("Cache location"))
                        .map(l -> l.substring("Cache location".length()).trim())
                        .findFirst()
                        .orElse("?");
            }
            List<String> out = output(runner, launcher, workDir, "--get-config", "cache_dir");
            return out.isEmpty() ? "?" : out.get(out.size() - 1).trim();
        } catch (ToolException e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    private static List<String> output(ToolRunner runner, Path ccache, Path workDir, String... args)
            throws ToolException {
        List<String> command = new ArrayList<>(List.of(ccache.toString()));
        command.addAll(List.of(args));
        List<String> lines = new ArrayList<>();
        runner.runChecked(ToolRun.of("compiler cache", workDir, command).withTimeout(STATS_TIMEOUT), lines::add);
        return lines;
    }

    /** One line for the log: hits, misses, the hit rate of the cacheable compiles, and what could not be cached. */
    static String describe(Map<String, Long> before, Map<String, Long> after) {
        long hits = delta(before, after, "hits");
        long misses = delta(before, after, "misses");
        StringBuilder line = new StringBuilder();
        line.append(hits).append(" hits, ").append(misses).append(" misses");
        if (hits + misses > 0) {
            line.append(" (").append(Math.round(100.0 * hits / (hits + misses))).append(" % hits)");
        }
        List<String> uncacheable = new ArrayList<>();
        long notCached = 0;
        for (String key : after.keySet()) {
            if (key.equals("hits") || key.equals("misses")) {
                continue;
            }
            long n = delta(before, after, key);
            if (n > 0) {
                uncacheable.add(key + " " + n);
                notCached += n;
            }
        }
        line.append(", ").append(notCached).append(" not cacheable");
        if (!uncacheable.isEmpty()) {
            line.append(" (").append(String.join(", ", uncacheable)).append(")");
        }
        return line.toString();
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String key) {
        return Math.max(0, after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L));
    }
}
