package io.github.hotpatch.cmake;

import io.github.hotpatch.fileapi.FileApiConfiguration;
import io.github.hotpatch.fileapi.FileApiReply;
import io.github.hotpatch.fileapi.FileApiReplyReader;
import io.github.hotpatch.fileapi.FileApiTarget;
import io.github.hotpatch.process.ToolException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks {@code buildConfig} and {@code target} against what CMake generated, as the File API reply of each
 * variant's build directory lists it, before anything is built, verified or attached: a configuration the build
 * directory cannot produce (a misspelt {@code release}, or {@code Debug} in a single-config Release tree) and a
 * target that does not exist or is not a shared library are one configuration error each, not a tool failure or a
 * list of rule violations.
 */
public final class ReplyCheck {
    /** The File API's name for a DLL target. */
    public static final String SHARED_LIBRARY = "SHARED_LIBRARY";

    private ReplyCheck() {}

    /**
     * The problems of one reply, each a sentence without the variant's name; empty when both are fine.
     *
     * @param buildConfig the configuration to build or attach, or empty to check the target only (in Release when the
     *                    reply has it, else in the first configuration)
     * @param target      the target; blank = no target given (everything is built), not checked
     */
    public static List<String> problems(FileApiReply reply, Optional<String> buildConfig, String target) {
        List<String> problems = new ArrayList<>();
        List<String> names = reply.configurationNames();
        Optional<FileApiConfiguration> configuration;
        if (buildConfig.isPresent()) {
            configuration = reply.configuration(buildConfig.get());
            if (configuration.isEmpty()) {
                problems.add(configurationProblem(reply, buildConfig.get()));
            }
        } else {
            configuration = reply.configuration("Release")
                    .or(() -> reply.configurations().stream().findFirst());
        }
        if (!target.isBlank() && configuration.isPresent()) {
            targetProblem(configuration.get(), target).ifPresent(problems::add);
        } else if (!target.isBlank() && names.isEmpty()) {
            problems.add("the File API reply " + reply.indexFile() + " lists no configurations");
        }
        return problems;
    }

    private static String configurationProblem(FileApiReply reply, String buildConfig) {
        List<String> names = reply.configurationNames();
        String listed = names.isEmpty() ? "none" : String.join(", ", quoted(names));
        Optional<String> suggestion = closest(buildConfig, names);
        if (!reply.multiConfig()) {
            return "buildConfig '" + buildConfig + "' cannot be built here: the generator '" + reply.generator()
                    + "' is single-config and this build directory was configured for "
                    + (names.isEmpty() ? "no configuration" : listed)
                    + " only (CMAKE_BUILD_TYPE)"
                    + suggestion
                            .map(s -> "; did you mean '" + s + "'? (names are case-sensitive)")
                            .orElse("")
                    + ". Use -Dhotpatch.buildConfig="
                    + (names.isEmpty() ? "Release" : names.get(0))
                    + ", or configure with a multi-config generator (Ninja Multi-Config, Visual Studio) to build"
                    + " other configurations";
        }
        return "buildConfig '" + buildConfig + "' is not a configuration CMake generated (configurations: " + listed
                + ")"
                + suggestion
                        .map(s -> "; did you mean '" + s + "'? Configuration names are case-sensitive")
                        .orElse("");
    }

    private static Optional<String> targetProblem(FileApiConfiguration configuration, String target) {
        List<String> shared = configuration.targets().stream()
                .filter(t -> t.type().equals(SHARED_LIBRARY))
                .map(FileApiTarget::name)
                .sorted()
                .toList();
        String sharedList = shared.isEmpty()
                ? "the reply has no shared-library target"
                : "shared-library targets: " + String.join(", ", shared);
        Optional<FileApiTarget> found = configuration.target(target);
        if (found.isEmpty()) {
            List<String> all =
                    configuration.targets().stream().map(FileApiTarget::name).toList();
            return Optional.of("target '" + target + "' is not a target of this CMake project ("
                    + sharedList + ")"
                    + closest(target, shared)
                            .or(() -> closest(target, all))
                            .map(s -> "; did you mean '" + s + "'? ")
                            .orElse(". ")
                    + "Set <target> or -Dhotpatch.target to the target that makes the DLL");
        }
        if (!found.get().type().equals(SHARED_LIBRARY)) {
            return Optional.of("target '" + target + "' is a " + found.get().type()
                    + ", not a shared library (DLL): the hotpatch flags are link flags of a DLL (" + sharedList
                    + "). Set <target> or -Dhotpatch.target to the target that makes the DLL");
        }
        return Optional.empty();
    }

    /**
     * Reads each variant's reply and throws one error listing every problem; variants with the same problem are
     * named together in one line. A reply that cannot be read is a problem too ("run hotpatch:configure first").
     *
     * @param goal e.g. {@code hotpatch:build}, the first word of the message
     */
    public static void requireAll(
            Path buildRoot, List<BuildVariant> variants, Optional<String> buildConfig, String target, String goal)
            throws ToolException {
        check(buildRoot, variants, buildConfig, target, goal, true);
    }

    /**
     * As {@link #requireAll}, but a variant whose reply cannot be read is left to the caller, which reports it in
     * its own words (verify names a directory the plugin did not configure before a missing reply).
     */
    public static void requireReadable(
            Path buildRoot, List<BuildVariant> variants, Optional<String> buildConfig, String target, String goal)
            throws ToolException {
        check(buildRoot, variants, buildConfig, target, goal, false);
    }

    private static void check(
            Path buildRoot,
            List<BuildVariant> variants,
            Optional<String> buildConfig,
            String target,
            String goal,
            boolean unreadableIsAProblem)
            throws ToolException {
        Map<String, Set<String>> variantsByProblem = new LinkedHashMap<>();
        for (BuildVariant variant : variants) {
            List<String> found;
            try {
                found = problems(FileApiReplyReader.read(buildRoot.resolve(variant.name())), buildConfig, target);
            } catch (IOException e) {
                if (!unreadableIsAProblem) {
                    continue;
                }
                found = List.of(e.getMessage() + " (run hotpatch:configure first)");
            }
            for (String problem : found) {
                variantsByProblem
                        .computeIfAbsent(problem, p -> new LinkedHashSet<>())
                        .add(variant.name());
            }
        }
        if (variantsByProblem.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        variantsByProblem.forEach((problem, names) -> lines.add("[" + String.join(", ", names) + "] " + problem));
        throw new ToolException(
                lines.size() == 1
                        ? goal + ": " + lines.get(0)
                        : goal + ": " + lines.size() + " configuration problems:\n  " + String.join("\n  ", lines));
    }

    /** The candidate equal to {@code wanted} ignoring case, else one at most two edits away, else none. */
    static Optional<String> closest(String wanted, List<String> candidates) {
        Optional<String> sameLetters =
                candidates.stream().filter(c -> c.equalsIgnoreCase(wanted)).findFirst();
        if (sameLetters.isPresent()) {
            return sameLetters;
        }
        String lower = wanted.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance (insert, delete, substitute), for names of a few dozen characters. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static List<String> quoted(List<String> names) {
        return names.stream()
                .map(n -> n.isEmpty() ? "'' (no CMAKE_BUILD_TYPE)" : n)
                .toList();
    }
}
