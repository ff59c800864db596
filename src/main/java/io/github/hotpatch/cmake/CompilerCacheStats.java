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
 * The hits and misses of a build, from ccache's own statistics ({@code ccache --print-stats}, read before and after,
 * in the cache directory ccache itself reports with {@code --get-config cache_dir}, so CCACHE_DIR and ccache.conf
 * apply as configured).
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

    private static final Duration STATS_TIMEOUT = Duration.ofMinutes(2);

    private CompilerCacheStats() {}

    /** The ccache a configured build directory compiles through, from CMAKE_C(XX)_COMPILER_LAUNCHER in its cache. */
    static Optional<Path> ccacheOf(Path variantDir) {
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
                            && CompilerLauncher.kindOf(Path.of(element)).equals("ccache")) {
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

    static Map<String, Long> read(ToolRunner runner, Path ccache, Path workDir) throws ToolException {
        return parse(output(runner, ccache, workDir, "--print-stats"));
    }

    static String cacheDir(ToolRunner runner, Path ccache, Path workDir) {
        try {
            List<String> out = output(runner, ccache, workDir, "--get-config", "cache_dir");
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
        runner.runChecked(ToolRun.of("ccache", workDir, command).withTimeout(STATS_TIMEOUT), lines::add);
        return lines;
    }

    /** One line for the log: hits, misses, the hit rate of the cacheable compiles, and what could not be cached. */
    static String describe(Map<String, Long> before, Map<String, Long> after) {
        long hits = delta(before, after, "direct_cache_hit") + delta(before, after, "preprocessed_cache_hit");
        long misses = delta(before, after, "cache_miss");
        StringBuilder line = new StringBuilder();
        line.append(hits).append(" hits, ").append(misses).append(" misses");
        if (hits + misses > 0) {
            line.append(" (").append(Math.round(100.0 * hits / (hits + misses))).append(" % hits)");
        }
        List<String> uncacheable = new ArrayList<>();
        long notCached = 0;
        for (String key : UNCACHEABLE) {
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
