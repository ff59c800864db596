package io.github.hotpatch.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every rule's verdict on one subject: a build variant (generated project) or one binary.
 *
 * <p>Immutable: the results and the facts are copied on construction, so a report handed to the
 * writers cannot change under them. Fact order is kept (the JSON report writes facts in this order).
 *
 * @param name    subject name, e.g. {@code arm64_schannel} or {@code msquic.dll}
 * @param kind    {@link #KIND_VARIANT}, {@link #KIND_BINARY} or {@link #KIND_VCXPROJ}
 * @param arch    target architecture, e.g. {@code arm64}; {@code null} when it could not be determined
 * @param results the rules' verdicts, in evaluation order
 * @param facts   extra evidence (machine, linker, pdb, ...): nested maps, lists, strings, numbers,
 *                booleans or {@code null}; order preserved
 */
public record SubjectReport(
        String name, String kind, String arch, List<RuleResult> results, Map<String, Object> facts) {

    public static final String KIND_VARIANT = "variant";
    public static final String KIND_BINARY = "binary";
    /** A hand-written MSBuild project, judged per configuration from its evaluation. */
    public static final String KIND_VCXPROJ = "vcxproj";

    public SubjectReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!KIND_VARIANT.equals(kind) && !KIND_BINARY.equals(kind) && !KIND_VCXPROJ.equals(kind)) {
            throw new IllegalArgumentException("kind must be \"variant\", \"binary\" or \"vcxproj\": " + kind);
        }
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        facts = facts == null ? Map.of() : copyMap(facts);
    }

    /** True when no rule failed; deviations and not-applicable rules do not break readiness. */
    public boolean passed() {
        return results.stream().noneMatch(r -> r.status().isViolation());
    }

    // Map.copyOf/List.copyOf reject nulls and lose order, and facts need both, so copy by hand, deeply.
    private static Map<String, Object> copyMap(Map<?, ?> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> copy.put(String.valueOf(key), copyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> copyList(List<?> source) {
        List<Object> copy = new ArrayList<>(source.size());
        source.forEach(value -> copy.add(copyValue(value)));
        return Collections.unmodifiableList(copy);
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            return copyList(list);
        }
        return value;
    }
}
